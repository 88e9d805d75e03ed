// The two-pass detection of a whole dataset (pii/dataset.ts detectDataset) on every core: the records are cut into
// contiguous groups of about equal length, each group's first pass runs in its own worker thread, the name words
// found anywhere are gathered, and each group's second pass (names found anywhere looked for everywhere) runs in a
// thread again, on only the texts those names can change. Same spans as detectDataset, record for record; small datasets stay on the calling thread.
import { detectDataset, seedsReach } from '../pii/dataset.js';
import { searchText, spansOnField } from '../pii/exampleFields.js';
import type { Field } from '../pii/exampleFields.js';
import type { PiiResources } from '../pii/resources.js';
import type { PiiSpan } from '../pii/types.js';
import { piecesFor } from './piiLongText.js';
import { runInWorker } from './runInWorker.js';

export interface DatasetThreadOptions {
  resources: PiiResources;
  resourceDir?: string | undefined;
  cores?: number;
  /** Characters per group at least (tests pass a small value). */
  pieceMin?: number;
  onProgress?: (done: number, total: number) => void;
  /** Told when the threads failed and the dataset is detected on the calling thread instead. */
  onThreadError?: (error: unknown) => void;
}

/** Contiguous groups of texts, `count` of them at most, each holding about the same number of characters. */
export function groupTexts(texts: readonly string[], count: number): Array<{ from: number; to: number }> {
  const total = texts.reduce((n, t) => n + t.length, 0);
  const groups: Array<{ from: number; to: number }> = [];
  let from = 0;
  let size = 0;
  for (let i = 0; i < texts.length; i++) {
    size += texts[i]?.length ?? 0;
    if (size >= total / count && groups.length < count - 1) {
      groups.push({ from, to: i + 1 });
      from = i + 1;
      size = 0;
    }
  }
  if (from < texts.length) groups.push({ from, to: texts.length });
  return groups;
}

export async function detectDatasetThreaded(texts: readonly string[], o: DatasetThreadOptions): Promise<PiiSpan[][]> {
  const total = texts.reduce((n, t) => n + t.length, 0);
  const count = piecesFor(total, o.cores, o.pieceMin);
  const onThisThread = () =>
    detectDataset(
      texts.map((text, i) => ({ id: String(i), text })),
      { resources: o.resources, onProgress: (_p, done, n) => o.onProgress?.(done, n) },
    );
  if (count <= 1) return onThisThread();
  const groups = groupTexts(texts, count);
  const dir = o.resourceDir ? { resourceDir: o.resourceDir } : {};
  try {
    let done = 0;
    const tick = (n: number) => o.onProgress?.((done += n) / 2, texts.length);
    const first = await Promise.all(
      groups.map(async (g) => {
        const r = await runInWorker('pii.detectFirst', { texts: texts.slice(g.from, g.to), ...dir });
        tick(g.to - g.from);
        return r;
      }),
    );
    const seedSet = new Set(first.flatMap((r) => r.keys));
    if (seedSet.size === 0) return first.flatMap((r) => r.spans);
    const seeds = [...seedSet];
    // Only the texts the seeds can change go through the second pass (see detectDataset); the others keep their
    // first-pass spans.
    const second = await Promise.all(
      groups.map(async (g, gi) => {
        const r = first[gi] ?? { spans: [], keys: [], unclaimed: [] };
        const again = r.spans.map((_, i) => i).filter((i) => seedsReach(new Set((r.unclaimed[i] ?? '').split(' ').filter(Boolean)), seedSet));
        const redone = again.length > 0 ? await runInWorker('pii.detectSeeded', { texts: again.map((i) => texts[g.from + i] ?? ''), seeds, ...dir }) : [];
        tick(g.to - g.from);
        const spans = [...r.spans];
        again.forEach((i, k) => (spans[i] = redone[k] ?? []));
        return spans;
      }),
    );
    return second.flat();
  } catch (error) {
    o.onThreadError?.(error);
    return onThisThread();
  }
}

/**
 * detectDatasetThreaded over examples' fields, the way the scan and the redaction both search them: each field as
 * searchText gives it (a column's value with the column's name in front), its spans placed back on the field's text.
 */
export async function detectFieldsThreaded(fields: readonly Field[], o: DatasetThreadOptions): Promise<PiiSpan[][]> {
  const found = await detectDatasetThreaded(fields.map(searchText), o);
  return fields.map((f, i) => spansOnField(f, found[i] ?? []));
}
