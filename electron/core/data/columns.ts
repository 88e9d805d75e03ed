// Column mapping for spreadsheets (CSV, TSV, XLSX): which column is the question, which the answer, and so on.
// Defaults come from header names so a typical export works without configuration; --map overrides any column.
import type { Message, Sample } from '../../contract/domain.js';
import { DataImportError } from './errors.js';

export const COLUMN_FIELDS = ['user', 'assistant', 'system', 'metadata', 'ignore'] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];
export type ColumnMapping = Record<string, ColumnField>;

const BY_HEADER: Record<string, ColumnField> = {
  question: 'user',
  prompt: 'user',
  instruction: 'user',
  input: 'user',
  query: 'user',
  answer: 'assistant',
  response: 'assistant',
  output: 'assistant',
  completion: 'assistant',
  reply: 'assistant',
  system: 'system',
  'system prompt': 'system',
  system_prompt: 'system',
  category: 'metadata',
};

/**
 * Words that make a header a question or an answer when it is not one of the exact names above: "Patient question",
 * "Reception reply", "Customer enquiry", "Agent response". A header also holding a label word ("Question category",
 * "Reply date") is a label, not the text. Checked in order: the first column a field matches gets it.
 */
export const HEADER_SYNONYMS: Record<'user' | 'assistant' | 'system' | 'metadata', readonly string[]> = {
  user: [
    'question',
    'questions',
    'query',
    'enquiry',
    'inquiry',
    'prompt',
    'instruction',
    'input',
    'request',
    'message',
    'asked',
    'ask',
    'patient',
    'customer',
    'client',
    'user',
  ],
  assistant: [
    'answer',
    'answers',
    'reply',
    'replies',
    'response',
    'responses',
    'output',
    'completion',
    'answered',
    'replied',
    'reception',
    'assistant',
    'agent',
    'advice',
  ],
  system: ['system', 'persona', 'instructions'],
  metadata: ['category', 'topic', 'tag', 'tags', 'label', 'type', 'department', 'reason', 'intent'],
};
const LABEL_WORDS = new Set([...HEADER_SYNONYMS.metadata, 'id', 'date', 'time', 'number', 'no', 'count', 'length', 'status']);
/** Words naming who speaks, not what: weaker than "question"/"reply" and used only when nothing stronger matched. */
const SPEAKER_WORDS = new Set(['patient', 'customer', 'client', 'user', 'reception', 'assistant', 'agent']);

const words = (header: string) =>
  header
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** A field for each header from its words (see HEADER_SYNONYMS); headers nothing matches are left out. */
export function synonymMapping(headers: readonly string[]): Record<string, ColumnField> {
  const out: Record<string, ColumnField> = {};
  const taken = new Set<ColumnField>();
  const assign = (strong: boolean) => {
    for (const h of headers) {
      if (out[h]) continue;
      const w = words(h);
      const label = w.some((x) => LABEL_WORDS.has(x));
      for (const field of ['user', 'assistant', 'system'] as const) {
        if (taken.has(field) || label) continue;
        const hit = w.some((x) => HEADER_SYNONYMS[field].includes(x) && (strong ? !SPEAKER_WORDS.has(x) : true));
        if (hit) {
          out[h] = field;
          taken.add(field);
          break;
        }
      }
      if (!out[h] && strong && w.some((x) => HEADER_SYNONYMS.metadata.includes(x))) out[h] = 'metadata';
    }
  };
  assign(true);
  assign(false);
  return out;
}

/** The mapping used for these headers: header-name defaults, then the user's overrides. */
export function resolveMapping(headers: string[], overrides: ColumnMapping = {}): ColumnMapping {
  const lower = new Map(Object.entries(overrides).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const key of lower.keys()) {
    if (!headers.some((h) => h.trim().toLowerCase() === key)) {
      throw new DataImportError(
        `The column choice names a column "${key}" that the file does not have; its columns are: ${headers.join(', ')}.`,
        null,
        undefined,
        { setting: 'map' },
      );
    }
  }
  const mapping = guessMapping(headers, lower);
  const fields = Object.values(mapping);
  for (const needed of ['user', 'assistant'] as const) {
    if (!fields.includes(needed)) {
      const what = needed === 'user' ? 'the question' : 'the answer';
      throw new DataImportError(`No column is chosen as ${what}; the columns are: ${headers.join(', ')}.`, null, undefined, {
        setting: 'map',
        value: `${headers[needed === 'user' ? 0 : 1] ?? 'COLUMN'}=${needed}`,
      });
    }
  }
  return mapping;
}

/** The mapping without the check that a question and an answer are chosen (the preview shows it as it stands). */
export function guessMapping(headers: readonly string[], overrides: ColumnMapping | Map<string, ColumnField> = {}): ColumnMapping {
  const lower = overrides instanceof Map ? overrides : new Map(Object.entries(overrides).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const mapping: ColumnMapping = {};
  for (const h of headers) {
    const key = h.trim().toLowerCase();
    mapping[h] = lower.get(key) ?? BY_HEADER[key] ?? 'ignore';
  }
  // Headers with no exact name fall back to their words, for fields no column holds yet.
  const chosen = new Set(Object.values(mapping));
  const guesses = synonymMapping(headers.filter((h) => mapping[h] === 'ignore' && !lower.has(h.trim().toLowerCase())));
  for (const [h, field] of Object.entries(guesses)) {
    if (field !== 'metadata' && chosen.has(field)) continue;
    mapping[h] = field;
    chosen.add(field);
  }
  return mapping;
}

/** One row (cells in header order) -> Sample, or a reason it cannot be one. */
export function rowToSample(headers: string[], mapping: ColumnMapping, cells: string[]): { sample: Sample } | { reason: string } {
  if (cells.length !== headers.length) {
    return { reason: `it has ${cells.length} cells but the header has ${headers.length} columns` };
  }
  const user: string[] = [];
  const assistant: string[] = [];
  const system: string[] = [];
  const metadata: Record<string, string> = {};
  headers.forEach((h, i) => {
    const value = cells[i] ?? '';
    switch (mapping[h]) {
      case 'user':
        if (value) user.push(value);
        break;
      case 'assistant':
        if (value) assistant.push(value);
        break;
      case 'system':
        if (value) system.push(value);
        break;
      case 'metadata':
        metadata[h] = value;
        break;
      default:
        break;
    }
  });
  // Several user columns (Alpaca's instruction + input) are joined with a blank line, in column order.
  const messages: Message[] = [];
  if (system.length) messages.push({ role: 'system', content: system.join('\n\n') });
  messages.push({ role: 'user', content: user.join('\n\n') }, { role: 'assistant', content: assistant.join('\n\n') });
  return { sample: Object.keys(metadata).length ? { messages, metadata } : { messages } };
}
