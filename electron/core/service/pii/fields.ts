// The texts of an example that personal data can hide in, as named fields: each message ('m0', 'm1', ...), a
// document's text ('text') and every non-empty string metadata value ('meta:<name>', e.g. a "Patient" column).
// Versions are immutable, so a version's fields are cached (the review screen pages through them often).
import type { Workspace } from '../../workspace.js';
import { loadMembers } from '../datasets/versions.js';
import { isSample, type Example } from '../../data/example.js';

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

const cache = new WeakMap<Workspace['db'], Map<string, ExampleFields[]>>();

export function versionFields(ws: Workspace, versionId: string): ExampleFields[] {
  let perDb = cache.get(ws.db);
  if (!perDb) cache.set(ws.db, (perDb = new Map()));
  const hit = perDb.get(versionId);
  if (hit) return hit;
  const loaded = loadMembers(ws, versionId).map((m) => ({
    position: m.position,
    hash: m.hash,
    split: m.split,
    example: m.example,
    fields: fieldsOf(m.example),
  }));
  // Two versions at most: the one under review and the one just made from it.
  if (perDb.size >= 2) perDb.delete(perDb.keys().next().value!);
  perDb.set(versionId, loaded);
  return loaded;
}
