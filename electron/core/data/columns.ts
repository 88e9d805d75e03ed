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
  const mapping: ColumnMapping = {};
  for (const h of headers) {
    const key = h.trim().toLowerCase();
    mapping[h] = lower.get(key) ?? BY_HEADER[key] ?? 'ignore';
  }
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
