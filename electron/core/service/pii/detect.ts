// Detection over a whole version as job work. The engine's detectDataset() does the same two passes but runs
// synchronously; here the event loop is freed every few milliseconds so progress events flow and a cancel takes
// effect at once (an AbortSignal cannot fire inside a synchronous loop).
import { throwIfAborted } from '../../data/errors.js';
import { detectPii } from '../../pii/detect.js';
import { nameKeys } from '../../pii/names.js';
import type { PiiResources } from '../../pii/resources.js';
import type { PiiSpan } from '../../pii/types.js';
import type { JobContext } from '../../jobs/jobManager.js';
import type { FieldSpans } from '../../store/repositories/redaction.js';
import type { ExampleFields } from './fields.js';

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));
const CANCELLED = 'The personal-data check was cancelled.';

type Progress = Pick<JobContext, 'signal' | 'onProgress'>;

/** Spans per text, in the order given; names found anywhere are looked for everywhere (second pass). */
export async function detectTexts(texts: readonly string[], resources: PiiResources, job: Progress): Promise<PiiSpan[][]> {
  const total = texts.length * 2;
  let last = Date.now();
  const pass = async (offset: number, seedNames?: Set<string>) => {
    const out: PiiSpan[][] = [];
    for (let i = 0; i < texts.length; i++) {
      // Yield before the first text too, so a cancel sent right after the start stops the job before any work.
      if (i === 0 || Date.now() - last > 25) {
        job.onProgress({ phase: 'Looking for personal data', current: offset + i, total });
        await yieldNow();
        throwIfAborted(job.signal, CANCELLED);
        last = Date.now();
      }
      out.push(detectPii(texts[i]!, { resources, ...(seedNames ? { seedNames } : {}) }));
    }
    return out;
  };
  throwIfAborted(job.signal, CANCELLED);
  const first = await pass(0);
  const seeds = nameKeys(first.flat(), resources);
  const result = seeds.size === 0 ? first : await pass(texts.length, seeds);
  job.onProgress({ phase: 'Looking for personal data', current: total, total });
  return result;
}

export interface VersionScan {
  scannedAt: string;
  spans: Map<number, FieldSpans>;
}

/** Detects over every field of every example: spans by position, then by field (examples without any are left out). */
export async function scanFields(examples: readonly ExampleFields[], resources: PiiResources, job: Progress): Promise<VersionScan> {
  const flat = examples.flatMap((e) => e.fields.map((f) => ({ position: e.position, field: f.field, text: f.text })));
  const found = await detectTexts(
    flat.map((f) => f.text),
    resources,
    job,
  );
  const spans = new Map<number, FieldSpans>();
  flat.forEach((f, i) => {
    const list = found[i] ?? [];
    if (list.length === 0) return;
    const entry = spans.get(f.position) ?? {};
    entry[f.field] = list;
    spans.set(f.position, entry);
  });
  const scannedAt = new Date().toISOString();
  return { scannedAt, spans };
}
