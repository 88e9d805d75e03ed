// An Ollama Modelfile for an exported adapter. Ollama's Modelfile reference documents `ADAPTER` for GGUF LoRA
// adapters on top of the `FROM` base (docs/modelfile.md, "ADAPTER": "The ADAPTER instruction specifies a fine tuned LoRA
// adapter that should apply to the base model ... GGUF adapter: ADAPTER ./ollama-lora.gguf"), so the folder holds
// FROM <base GGUF> + ADAPTER ./adapter.gguf rather than a merged copy of the base. Ollama's TEMPLATE is a Go
// template, not the GGUF's Jinja: the common chat formats are recognised by their special tokens and written as
// their Go equivalent; any other template is left out (Ollama then uses its own detection) and the notes say so.

export type ChatFormat = 'chatml' | 'llama3' | 'phi3' | 'gemma' | 'mistral';

export function detectChatFormat(jinja: string | null): ChatFormat | null {
  if (!jinja) return null;
  if (jinja.includes('<|im_start|>')) return 'chatml';
  if (jinja.includes('<|start_header_id|>')) return 'llama3';
  if (jinja.includes('<|user|>') && jinja.includes('<|end|>')) return 'phi3';
  if (jinja.includes('<start_of_turn>')) return 'gemma';
  if (jinja.includes('[INST]')) return 'mistral';
  return null;
}

const GO_TEMPLATES: Record<ChatFormat, { template: string; stop: string[] }> = {
  chatml: {
    template: '{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n',
    stop: ['<|im_end|>', '<|im_start|>'],
  },
  llama3: {
    template:
      '{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n{{ .Content }}<|eot_id|>{{ end }}<|start_header_id|>assistant<|end_header_id|>\n\n',
    stop: ['<|eot_id|>', '<|start_header_id|>'],
  },
  phi3: {
    template: '{{- range .Messages }}<|{{ .Role }}|>\n{{ .Content }}<|end|>\n{{ end }}<|assistant|>\n',
    stop: ['<|end|>', '<|user|>'],
  },
  // Gemma has no system role: a system message goes in front of the first user turn, as its own template does
  gemma: {
    template:
      '{{- $system := "" }}{{- range .Messages }}{{- if eq .Role "system" }}{{ $system = .Content }}{{- else if eq .Role "user" }}<start_of_turn>user\n{{ if $system }}{{ $system }}\n\n{{ $system = "" }}{{ end }}{{ .Content }}<end_of_turn>\n{{- else }}<start_of_turn>model\n{{ .Content }}<end_of_turn>\n{{- end }}{{ end }}<start_of_turn>model\n',
    stop: ['<end_of_turn>'],
  },
  mistral: {
    template:
      '{{- $system := "" }}{{- range .Messages }}{{- if eq .Role "system" }}{{ $system = .Content }}{{- else if eq .Role "user" }}[INST] {{ if $system }}{{ $system }}\n\n{{ $system = "" }}{{ end }}{{ .Content }}[/INST]{{- else }} {{ .Content }}</s>{{- end }}{{ end }}',
    stop: ['[INST]', '</s>'],
  },
};

/** A triple-quoted Modelfile string; Ollama's parser ends it at the first """, so that sequence is broken up. */
const quoted = (text: string): string => `"""${text.replace(/"""/g, '"\u200b""')}"""`;

export interface ModelfileInput {
  basePath: string;
  adapterFile: string;
  chatTemplate: string | null;
  systemPrompt: string | null;
}

export function renderModelfile(m: ModelfileInput): { text: string; format: ChatFormat | null; notes: string[] } {
  const format = detectChatFormat(m.chatTemplate);
  const notes: string[] = [];
  const lines = ['# Made by Fieldtune. Create the model with: ollama create NAME -f Modelfile', `FROM ${m.basePath}`, `ADAPTER ${m.adapterFile}`];
  if (format) {
    lines.push(`TEMPLATE ${quoted(GO_TEMPLATES[format].template)}`);
    for (const stop of GO_TEMPLATES[format].stop) lines.push(`PARAMETER stop ${JSON.stringify(stop)}`);
  } else {
    notes.push(
      'The base model’s chat template is not one of the common formats (ChatML, Llama 3, Phi-3, Gemma, Mistral), so no TEMPLATE was written: Ollama will use its own guess from the model file.',
    );
  }
  if (m.systemPrompt) lines.push(`SYSTEM ${quoted(m.systemPrompt)}`);
  return { text: lines.join('\n') + '\n', format, notes };
}

/** Reads a Modelfile's instructions (one per line, triple-quoted values may span lines); used by tests and import checks. */
export function parseModelfile(text: string): { instruction: string; value: string }[] {
  const out: { instruction: string; value: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`Modelfile line ${i + 1} is not an instruction: ${line}`);
    let value = m[2]!;
    if (value.startsWith('"""')) {
      let body = value.slice(3);
      while (!body.includes('"""')) {
        i++;
        if (i >= lines.length) throw new Error(`Modelfile: unterminated """ in ${m[1]}`);
        body += '\n' + lines[i];
      }
      value = body.slice(0, body.indexOf('"""'));
    }
    out.push({ instruction: m[1]!.toUpperCase(), value });
  }
  return out;
}
