// A version's examples with their fields (the engine's pii/exampleFields.ts). Versions are immutable, so a version's fields are cached (the review screen pages through them often).
import type { Workspace } from '../../workspace.js';
import { loadMembers } from '../datasets/versions.js';
import { fieldsOf, type ExampleFields } from '../../pii/exampleFields.js';

export { fieldsOf, withFieldTexts, type ExampleFields, type Field } from '../../pii/exampleFields.js';

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
