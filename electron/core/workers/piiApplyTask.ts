// The computing half of applying a reviewed redaction (pii.apply), in a worker thread: read the version and its
// stored scan through the thread's own read-only connection (or detect afresh when nothing was stored), replace the
// reviewed personal data, draw again when a surrogate equals a real identifier, count the report, and hand back the
// new version's rows ready to insert. The service writes them (and the map and report) on the core's thread.
import { randomBytes } from 'node:crypto';
import type { RedactionReport } from '../../contract/pii.js';
import { canonicalJson, exampleHash, isSample, type Example } from '../data/example.js';
import { fieldsOf, type ExampleFields } from '../pii/exampleFields.js';
import { createPseudonymMap, type PseudonymMap } from '../pii/redact.js';
import { redactExamples, type FieldSpans, type RunOutput } from '../pii/redactExamples.js';
import { buildRedactionReport } from '../pii/report.js';
import { loadPiiResources, type PiiResources } from '../pii/resources.js';
import type { ReviewDecision } from '../pii/review.js';
import type { RedactionMode, RedactionPolicy } from '../pii/types.js';
import { openDatabaseReadOnly } from '../store/database.js';
import { DatasetsRepository } from '../store/repositories/datasets.js';
import { RedactionRepository } from '../store/repositories/redaction.js';
import { detectFieldsThreaded } from './piiDatasetThreads.js';

type TaskProgress = (phase: string, current: number, total: number | null) => void;

export interface PiiApplyInput {
  databaseFile: string;
  databaseKey?: string;
  versionId: string;
  /** 'stored': what the reviewer saw (the version's scan); 'detect': no scan was stored (a script, the CLI). */
  scan: 'stored' | 'detect';
  decisions: ReviewDecision[];
  mode: RedactionMode;
  policy: RedactionPolicy;
  /** The dataset's kept secret and map (pseudonyms stay the same across versions), or null for a fresh pair. */
  kept: { secret: Uint8Array; map: PseudonymMap } | null;
  dayFirst: boolean;
  resourceDir?: string;
}

/** A row of the new version, as the datasets repository stores it. */
export interface NewVersionRow {
  body: string;
  hash: string;
  kind: 'chat' | 'text';
  split: ExampleFields['split'];
}

export interface PiiApplyOutput {
  rows: NewVersionRow[];
  report: RedactionReport;
  collisions: number;
  secret: Uint8Array;
  map: PseudonymMap;
}

const PHASE = 'Replacing personal data';

function readVersion(
  databaseFile: string,
  databaseKey: string | undefined,
  versionId: string,
  scan: PiiApplyInput['scan'],
): { examples: ExampleFields[]; spans: Map<number, FieldSpans> | null } {
  const db = openDatabaseReadOnly(databaseFile, databaseKey);
  try {
    const examples: ExampleFields[] = [];
    for (const row of new DatasetsRepository(db).iterateMembers(versionId)) {
      const example = JSON.parse(row.body) as Example;
      examples.push({ position: row.position, hash: row.hash, split: row.split, example, fields: fieldsOf(example) });
    }
    // Stored spans are the detector's own (written by the scan), so they are read back as such.
    const spans = scan === 'stored' ? (new RedactionRepository(db).scanSpans(versionId) as unknown as Map<number, FieldSpans>) : null;
    return { examples, spans };
  } finally {
    db.close();
  }
}

/** The scan service's detection (two passes over every field), for a version that was never checked. */
async function detectSpans(
  examples: readonly ExampleFields[],
  resources: PiiResources,
  resourceDir: string | undefined,
  progress: TaskProgress,
): Promise<Map<number, FieldSpans>> {
  const flat = examples.flatMap((e) => e.fields.map((f) => ({ position: e.position, field: f })));
  // On every core for a large version, as the scan (piiDatasetThreads.ts); the same spans as one thread.
  const found = await detectFieldsThreaded(
    flat.map((f) => f.field),
    { resources, resourceDir, onProgress: (done, total) => progress('Looking for personal data', Math.round(done), total) },
  );
  const spans = new Map<number, FieldSpans>();
  flat.forEach((f, i) => {
    const list = found[i] ?? [];
    if (list.length === 0) return;
    spans.set(f.position, { ...spans.get(f.position), [f.field.field]: list });
  });
  return spans;
}

export async function applyRedaction(input: PiiApplyInput, progress: TaskProgress): Promise<PiiApplyOutput> {
  progress('Reading the examples', 0, null);
  const resources = loadPiiResources(input.resourceDir);
  const { examples, spans } = readVersion(input.databaseFile, input.databaseKey, input.versionId, input.scan);
  const scan = spans ?? (await detectSpans(examples, resources, input.resourceDir, progress));
  const run = (secret: Uint8Array, map: PseudonymMap): RunOutput =>
    redactExamples({
      examples,
      scan,
      decisions: input.decisions,
      mode: input.mode,
      policy: input.policy,
      secret,
      map,
      resources,
      dayFirst: input.dayFirst,
      onProgress: (current, total) => progress(PHASE, current, total),
    });
  // Mask mode needs no secret and keeps no map; pseudonyms extend the dataset's map so surrogates stay the same.
  let pair = input.kept ?? { secret: new Uint8Array(randomBytes(32)), map: createPseudonymMap() };
  let out = run(pair.secret, pair.map);
  // A surrogate equal to a real identifier of the dataset: with a new map, draw again (a kept map fixes the secret).
  for (let tries = 1; out.collisions > 0 && !input.kept && input.mode === 'pseudonym' && tries < 5; tries++) {
    const fresh = { secret: new Uint8Array(randomBytes(32)), map: createPseudonymMap() };
    const again = run(fresh.secret, fresh.map);
    if (again.collisions < out.collisions) [out, pair] = [again, fresh];
  }
  const report = buildRedactionReport({ mode: input.mode, policy: input.policy, records: out.forReport, decisions: input.decisions }) as RedactionReport;
  // Canonical bodies and hashes here too: for 100k examples that is a second the core's thread does not spend.
  const rows = out.members.map((m) => ({
    body: canonicalJson(m.example),
    hash: exampleHash(m.example),
    kind: isSample(m.example) ? ('chat' as const) : ('text' as const),
    split: m.split,
  }));
  progress(PHASE, examples.length, examples.length);
  return { rows, report, collisions: out.collisions, secret: pair.secret, map: pair.map };
}
