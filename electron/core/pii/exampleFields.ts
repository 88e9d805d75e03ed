// The texts of an example that personal data can hide in, as named fields: each message ('m0', 'm1', ...), a
// document's text ('text') and every non-empty string metadata value ('meta:<name>', e.g. a "Patient" column).
import { isSample, type Example } from '../data/example.js';
import type { PiiSpan } from './types.js';

export interface Field {
  field: string;
  label: string;
  text: string;
}
export interface ExampleFields {
  position: number;
  hash: string;
  split: 'train' | 'validation' | 'test' | null;
  example: Example;
  fields: Field[];
}

const ROLE_LABEL = { system: 'System prompt', user: 'Question', assistant: 'Answer' } as const;

export function fieldsOf(example: Example): Field[] {
  if (!isSample(example)) return [{ field: 'text', label: 'Text', text: example.text }];
  const out: Field[] = example.messages.map((m, i) => ({ field: `m${i}`, label: ROLE_LABEL[m.role], text: m.content }));
  for (const [name, value] of Object.entries(example.metadata ?? {})) {
    if (typeof value === 'string' && value.trim()) out.push({ field: `meta:${name}`, label: name, text: value });
  }
  return out;
}

/** The example with each field's text replaced by `texts[field]` (fields not named keep their text). */
export function withFieldTexts(example: Example, texts: ReadonlyMap<string, string>): Example {
  if (!isSample(example)) return { ...example, text: texts.get('text') ?? example.text };
  const messages = example.messages.map((m, i) => ({ role: m.role, content: texts.get(`m${i}`) ?? m.content }));
  if (!example.metadata) return { messages };
  const metadata = Object.fromEntries(Object.entries(example.metadata).map(([k, v]) => [k, typeof v === 'string' ? (texts.get(`meta:${k}`) ?? v) : v]));
  return { messages, metadata };
}

/**
 * The text a field is searched in. A spreadsheet column's value alone often says nothing of what it is ("Springfield",
 * "62701" were missed); with its column name in front as a label ("City: Springfield", "Zip code: 62701") the
 * detectors that read labels find it, as they do in running text. Messages and documents are searched as they are.
 */
export function searchText(f: Field): string {
  return labelOf(f) + f.text;
}

/** What goes in front of a field's text: its column name as a label for a metadata field, nothing for the others. */
function labelOf(f: Field): string {
  return f.field.startsWith('meta:') ? columnLabel(f.label) : '';
}

/** A column's name as the label in front of its values ("zip_code" -> "Zip code: "); nothing for a blank name. */
export function columnLabel(name: string): string {
  const words = labelWords(name);
  return words ? `${words}: ` : '';
}

/** "city", "zip_code", "zipCode" -> "City", "Zip code": the words a label in running text would have. */
function labelWords(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Spans found in searchText(f), placed on the field's own text; whatever fell on the column name is dropped. */
export function spansOnField(f: Field, spans: readonly PiiSpan[]): PiiSpan[] {
  const shift = labelOf(f).length;
  if (shift === 0) return [...spans];
  const out: PiiSpan[] = [];
  for (const s of spans) {
    const start = Math.max(0, s.start - shift);
    const end = s.end - shift;
    if (end > start) out.push({ ...s, start, end, text: f.text.slice(start, end) });
  }
  return out;
}
