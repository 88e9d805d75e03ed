// The personal-data check of a whole version (pii.scan), in a worker thread: read the version through the thread's
// own read-only connection, detect in every field (two passes: names found anywhere are looked for everywhere), leave
// out Fieldtune's own pseudonyms, and hand back the rows to store already serialized. Reading 100k examples, building
// their span maps and serializing them held the core's event loop for seconds when it was done there.
import type { TypeCounts } from '../../contract/pii.js';
import type { Example } from '../data/example.js';
import { fieldsOf } from '../pii/exampleFields.js';
import type { Field } from '../pii/exampleFields.js';
import { isOwnSurrogate, surrogateIndex } from '../pii/ownSurrogates.js';
import type { PseudonymMap } from '../pii/redact.js';
import { countByType } from '../pii/report.js';
import { loadPiiResources } from '../pii/resources.js';
import type { PiiSpan } from '../pii/types.js';
import { openDatabaseReadOnly } from '../store/database.js';
import { DatasetsRepository } from '../store/repositories/datasets.js';
import { detectFieldsThreaded } from './piiDatasetThreads.js';

type TaskProgress = (phase: string, current: number, total: number | null) => void;

export interface PiiScanInput {
  databaseFile: string;
  databaseKey?: string;
  versionId: string;
  /** The dataset's pseudonym map when the version descends from a redacted one: its surrogates are not findings. */
  own: PseudonymMap | null;
  resourceDir?: string;
  /** Characters per worker thread at least (piiLongText.ts PIECE_MIN by default; tests pass a small value). */
  pieceMin?: number;
}

export interface PiiScanOutput {
  examples: number;
  /** One row per example with spans: its position and its spans by field, as JSON. */
  rows: Array<[number, string]>;
  detected: TypeCounts;
  skipped: number;
  spans: number;
}

export async function scanVersion(input: PiiScanInput, progress: TaskProgress): Promise<PiiScanOutput> {
  const db = openDatabaseReadOnly(input.databaseFile, input.databaseKey);
  const flat: Array<{ position: number; field: Field }> = [];
  let examples = 0;
  try {
    for (const row of new DatasetsRepository(db).iterateMembers(input.versionId)) {
      examples += 1;
      for (const field of fieldsOf(JSON.parse(row.body) as Example)) flat.push({ position: row.position, field });
      if (examples % 5000 === 0) progress('Reading the examples', examples, null);
    }
  } finally {
    db.close();
  }
  const resources = loadPiiResources(input.resourceDir);
  let last = 0;
  // A large version is detected on every core (piiDatasetThreads.ts): same spans as one thread, record for record.
  const found = await detectFieldsThreaded(
    flat.map((f) => f.field),
    {
      resources,
      resourceDir: input.resourceDir,
      ...(input.pieceMin ? { pieceMin: input.pieceMin } : {}),
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - last < 100) return; // a message per text would cost more than detecting it
        last = now;
        progress('Looking for personal data', Math.round(done * 2), total * 2);
      },
    },
  );
  const index = input.own ? surrogateIndex(input.own) : null;
  const byPosition = new Map<number, Record<string, PiiSpan[]>>();
  const kept: PiiSpan[] = [];
  let skipped = 0;
  flat.forEach((f, i) => {
    const all = found[i] ?? [];
    const list = index ? all.filter((s) => !isOwnSurrogate(s, index)) : all;
    skipped += all.length - list.length;
    if (list.length === 0) return;
    kept.push(...list);
    const entry = byPosition.get(f.position) ?? {};
    entry[f.field.field] = list;
    byPosition.set(f.position, entry);
  });
  const rows: Array<[number, string]> = [...byPosition].map(([position, fields]) => [position, JSON.stringify(fields)]);
  return { examples, rows, detected: countByType(kept), skipped, spans: kept.length };
}
