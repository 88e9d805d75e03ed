// The texts of an example that personal data can hide in, as named fields: each message ('m0', 'm1', ...), a
// document's text ('text') and every non-empty string metadata value ('meta:<name>', e.g. a "Patient" column).
import { isSample, type Example } from '../data/example.js';

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
