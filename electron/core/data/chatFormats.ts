// The JSON record shapes people export chat data in, their detection, and conversion to the canonical Sample.
// Conversion returns a reason string instead of throwing so the caller can apply the bad-row policy.
import type { Message, Role, Sample, TextDocument } from '../../contract/domain.js';

export const JSON_FORMATS = ['chat', 'sharegpt', 'alpaca', 'prompt-completion', 'text'] as const;
export type JsonFormat = (typeof JSON_FORMATS)[number];

export type Converted = { sample: Sample } | { document: TextDocument } | { reason: string };
type Meta = NonNullable<Sample['metadata']>;

const FORMAT_KEYS: Record<JsonFormat, string[]> = {
  chat: ['messages', 'metadata'],
  sharegpt: ['conversations', 'system', 'metadata'],
  alpaca: ['instruction', 'input', 'output', 'system', 'metadata'],
  'prompt-completion': ['prompt', 'completion', 'system', 'metadata'],
  text: ['text', 'metadata'],
};

const SHAREGPT_ROLES: Record<string, Role> = {
  system: 'system',
  human: 'user',
  user: 'user',
  gpt: 'assistant',
  assistant: 'assistant',
  model: 'assistant',
  chatgpt: 'assistant',
  bot: 'assistant',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The format one record looks like, or null when it matches none. */
export function formatOf(record: unknown): JsonFormat | null {
  if (!isObject(record)) return null;
  if (Array.isArray(record['messages'])) return 'chat';
  if (Array.isArray(record['conversations'])) return 'sharegpt';
  if ('instruction' in record && 'output' in record) return 'alpaca';
  if ('prompt' in record && 'completion' in record) return 'prompt-completion';
  if (typeof record['text'] === 'string') return 'text';
  return null;
}

/** Majority vote over the first records, so one odd record at the top does not decide the whole file. */
export function detectFormat(records: unknown[]): JsonFormat | null {
  const votes = new Map<JsonFormat, number>();
  for (const r of records) {
    const f = formatOf(r);
    if (f) votes.set(f, (votes.get(f) ?? 0) + 1);
  }
  let best: JsonFormat | null = null;
  for (const [f, n] of votes) if (best === null || n > (votes.get(best) ?? 0)) best = f;
  return best;
}

/** Scalar extra fields become metadata: a 'category' or 'source' column is useful for stratified splits. */
function metadataOf(record: Record<string, unknown>, format: JsonFormat): Meta | undefined {
  const meta: Meta = {};
  const inner = record['metadata'];
  if (isObject(inner)) {
    for (const [k, v] of Object.entries(inner)) if (isScalar(v)) meta[k] = v;
  }
  for (const [k, v] of Object.entries(record)) {
    // 'split' is what Fieldtune's own JSONL export adds; it is a split label, not a property of the example.
    if (!FORMAT_KEYS[format].includes(k) && k !== 'split' && isScalar(v)) meta[k] = v;
  }
  return Object.keys(meta).length ? meta : undefined;
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Message content as text; OpenAI-style content parts ([{type:'text', text}]) are joined. */
function contentText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((p) => isObject(p) && typeof p['text'] === 'string')) {
    return v.map((p) => (p as { text: string }).text).join('');
  }
  return null;
}

function withMeta(messages: Message[], meta: Meta | undefined): Converted {
  if (!messages.some((m) => m.role === 'assistant')) return { reason: 'it has no assistant reply to learn from' };
  return { sample: meta ? { messages, metadata: meta } : { messages } };
}

function pair(system: unknown, user: string, assistant: string, meta: Meta | undefined): Converted {
  const messages: Message[] = [];
  if (typeof system === 'string' && system.trim()) messages.push({ role: 'system', content: system });
  messages.push({ role: 'user', content: user }, { role: 'assistant', content: assistant });
  return withMeta(messages, meta);
}

export function convertRecord(record: unknown, format: JsonFormat): Converted {
  if (!isObject(record)) return { reason: 'it is not a JSON object' };
  const meta = metadataOf(record, format);
  switch (format) {
    case 'chat': {
      const raw = record['messages'];
      if (!Array.isArray(raw) || raw.length === 0) return { reason: 'it has no "messages" list (chat format)' };
      const messages: Message[] = [];
      for (const [i, m] of raw.entries()) {
        if (!isObject(m)) return { reason: `message ${i + 1} is not an object` };
        const role = m['role'];
        if (role !== 'system' && role !== 'user' && role !== 'assistant') {
          return { reason: `message ${i + 1} has role ${JSON.stringify(role)}; expected system, user or assistant` };
        }
        const content = contentText(m['content']);
        if (content === null) return { reason: `message ${i + 1} has no text "content"` };
        messages.push({ role, content });
      }
      return withMeta(messages, meta);
    }
    case 'sharegpt': {
      const raw = record['conversations'];
      if (!Array.isArray(raw) || raw.length === 0) return { reason: 'it has no "conversations" list (ShareGPT format)' };
      const messages: Message[] = [];
      if (typeof record['system'] === 'string' && record['system'].trim()) messages.push({ role: 'system', content: record['system'] });
      for (const [i, m] of raw.entries()) {
        if (!isObject(m)) return { reason: `turn ${i + 1} is not an object` };
        const role = typeof m['from'] === 'string' ? SHAREGPT_ROLES[m['from'].toLowerCase()] : undefined;
        if (!role) return { reason: `turn ${i + 1} is from ${JSON.stringify(m['from'])}; expected human, gpt or system` };
        if (typeof m['value'] !== 'string') return { reason: `turn ${i + 1} has no text "value"` };
        messages.push({ role, content: m['value'] });
      }
      return withMeta(messages, meta);
    }
    case 'alpaca': {
      const { instruction, input, output } = record;
      if (typeof instruction !== 'string') return { reason: 'its "instruction" is not text (Alpaca format)' };
      if (typeof output !== 'string') return { reason: 'its "output" is missing or not text (Alpaca format)' };
      if (input !== undefined && input !== null && typeof input !== 'string') return { reason: 'its "input" is not text' };
      const user = input ? `${instruction}\n\n${input}` : instruction;
      return pair(record['system'], user, output, meta);
    }
    case 'prompt-completion': {
      const { prompt, completion } = record;
      if (typeof prompt !== 'string') return { reason: 'its "prompt" is missing or not text' };
      if (typeof completion !== 'string') return { reason: 'its "completion" is missing or not text' };
      return pair(record['system'], prompt, completion, meta);
    }
    case 'text': {
      const text = record['text'];
      if (typeof text !== 'string' || !text.trim()) return { reason: 'its "text" is missing or empty' };
      const source = typeof record['source'] === 'string' ? record['source'] : undefined;
      return { document: source ? { text, source } : { text } };
    }
  }
}
