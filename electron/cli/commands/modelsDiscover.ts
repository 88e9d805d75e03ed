// `fieldtune models discover`: the models already on this computer (LM Studio, Ollama, the Hugging Face cache, and
// any --folder), with what the trainer says about each. Register one with `fieldtune models add PATH`.
import type { DiscoveredModel } from '../../contract/models.js';
import type { CliCommand } from '../command.js';
import { runJob, withCore, workspaceOption } from '../coreSession.js';

const SOURCES: Record<DiscoveredModel['source'], string> = { 'lm-studio': 'LM Studio', ollama: 'Ollama', 'hugging-face': 'Hugging Face', folder: 'folder' };

function size(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function params(n: number | null): string {
  if (n === null) return '?';
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)}B params` : n >= 1e6 ? `${(n / 1e6).toFixed(0)}M params` : `${n} params`;
}

function line(c: DiscoveredModel): string {
  const verdict = c.trainable ? 'can train' : c.trainable === false ? `cannot train: ${c.reason}` : (c.reason ?? 'not checked');
  const facts = [c.architecture ?? '?', params(c.parameterCount), c.quantization ?? '?', size(c.sizeBytes)].join(', ');
  return `${c.name}  [${SOURCES[c.source]}]  ${facts}${c.registeredModelId ? '  (registered)' : ''}\n    ${verdict}\n    ${c.path}`;
}

export const modelsDiscoverCommand: CliCommand = {
  name: 'models discover',
  summary: 'Find GGUF models already on this computer (LM Studio, Ollama, Hugging Face cache, folders)',
  usage: [
    'Usage: fieldtune models discover [--workspace DIR] [--folder DIR ...] [--json]',
    '  Looks in LM Studio (~/.lmstudio/models, ~/.cache/lm-studio/models), Ollama (~/.ollama/models or $OLLAMA_MODELS),',
    '  the Hugging Face cache (~/.cache/huggingface/hub, $HF_HUB_CACHE or $HF_HOME/hub) and each --folder (with subfolders).',
    '  Reads only model headers. Register one with: fieldtune models add PATH',
  ].join('\n'),
  options: { ...workspaceOption, folder: { type: 'string', multiple: true } },
  async run(args, out) {
    const folders = (args.values['folder'] as string[] | undefined) ?? [];
    const found = await withCore(args, (core) => runJob(core, out, 'models:discover', { folders }, 'model.discover'));
    const looked = found.places.map((p) => `${p.exists ? 'looked in' : 'not found:'} ${p.path}`).join('\n');
    const human = found.candidates.length
      ? `${found.candidates.length} model file(s) found:\n${found.candidates.map(line).join('\n')}\n\n${looked}`
      : `No GGUF models found.\n${looked}`;
    out.result(found, human + (found.truncated ? `\nStopped after ${found.filesSeen} files: name a smaller folder.` : ''));
    return 0;
  },
};
