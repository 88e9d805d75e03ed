// Detection over a whole version as job work: the engine's two passes (detectDataset) run in a worker thread, so
// the core keeps answering while it works, progress flows from inside its loop, and a cancel ends it at once.
import type { PiiSpan } from '../../pii/types.js';
import type { JobContext } from '../../jobs/jobManager.js';
import type { FieldSpans } from '../../store/repositories/redaction.js';
import { runInWorker } from '../../workers/runInWorker.js';
import type { ExampleFields } from './fields.js';

const CANCELLED = 'The personal-data check was cancelled.';

type Progress = Pick<JobContext, 'signal' | 'onProgress'>;

/** Spans per text, in the order given; names found anywhere are looked for everywhere (second pass). */
export async function detectTexts(texts: readonly string[], job: Progress): Promise<PiiSpan[][]> {
  job.onProgress({ phase: 'Looking for personal data', current: 0, total: texts.length * 2 });
  const result = await runInWorker(
    'pii.detect',
    { texts: [...texts] },
    { signal: job.signal, cancelledMessage: CANCELLED, onProgress: (phase, current, total) => job.onProgress({ phase, current, total }) },
  );
  job.onProgress({ phase: 'Looking for personal data', current: texts.length * 2, total: texts.length * 2 });
  return result;
}

export interface VersionScan {
  scannedAt: string;
  spans: Map<number, FieldSpans>;
  skipped: number;
}

/** Detects over every field of every example: spans by position, then by field (examples without any are left out). */
export async function scanFields(
  examples: readonly ExampleFields[],
  job: Progress,
  /** Spans to leave out (Fieldtune's own pseudonyms); they are counted in `skipped`. */
  skip?: (span: PiiSpan) => boolean,
): Promise<VersionScan> {
  const flat = examples.flatMap((e) => e.fields.map((f) => ({ position: e.position, field: f.field, text: f.text })));
  const found = await detectTexts(
    flat.map((f) => f.text),
    job,
  );
  const spans = new Map<number, FieldSpans>();
  let skipped = 0;
  flat.forEach((f, i) => {
    const all = found[i] ?? [];
    const list = skip ? all.filter((s) => !skip(s)) : all;
    skipped += all.length - list.length;
    if (list.length === 0) return;
    const entry = spans.get(f.position) ?? {};
    entry[f.field] = list;
    spans.set(f.position, entry);
  });
  const scannedAt = new Date().toISOString();
  return { scannedAt, spans, skipped };
}
