// Paired bootstrap confidence intervals (Koehn 2004; Efron & Tibshirani): resample the test examples with
// replacement, keeping each example's pair of scores together, and read the spread of the difference between the
// two systems off the resamples. Seeded, so the same evaluation always prints the same interval.
import { mulberry32 } from '../data/minhash.js';

export interface DifferenceInterval {
  /** Observed difference, system B minus system A, on all examples. */
  difference: number;
  low: number;
  high: number;
  /** Examples the interval rests on. */
  n: number;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The general form: `difference(indices)` computes B minus A on a multiset of example indices, so corpus-level
 * metrics (BLEU, chrF) can be recomputed on each resample rather than averaged per sentence.
 */
export function pairedBootstrap(n: number, difference: (indices: readonly number[]) => number, o: BootstrapOptions = {}): DifferenceInterval {
  const all = Array.from({ length: n }, (_, i) => i);
  const observed = n === 0 ? NaN : difference(all);
  if (n === 0) return { difference: NaN, low: NaN, high: NaN, n };
  const next = mulberry32(o.seed ?? 12345);
  const rand = () => next() / 4294967296;
  const resamples = o.resamples ?? 1000;
  const diffs: number[] = [];
  const idx = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(rand() * n);
    diffs.push(difference(idx));
  }
  diffs.sort((a, b) => a - b);
  const alpha = (1 - (o.level ?? 0.95)) / 2;
  return { difference: observed, low: quantile(diffs, alpha), high: quantile(diffs, 1 - alpha), n };
}

/** The common case: per-example scores of two systems on the same examples; the statistic is the mean. */
export function meanDifferenceInterval(a: readonly number[], b: readonly number[], o: BootstrapOptions = {}): DifferenceInterval {
  if (a.length !== b.length) throw new Error('paired scores need the same examples on both sides');
  return pairedBootstrap(
    a.length,
    (idx) => {
      let sum = 0;
      for (const i of idx) sum += b[i]! - a[i]!;
      return sum / idx.length;
    },
    o,
  );
}

/** The same interval per category (a label such as topic); examples without a category are left out here. */
export function intervalsByCategory(
  a: readonly number[],
  b: readonly number[],
  categories: readonly (string | null | undefined)[],
  o: BootstrapOptions = {},
): Record<string, DifferenceInterval> {
  const groups = new Map<string, number[]>();
  categories.forEach((c, i) => {
    if (c === null || c === undefined || c === '') return;
    groups.set(c, [...(groups.get(c) ?? []), i]);
  });
  const out: Record<string, DifferenceInterval> = {};
  for (const [c, idx] of [...groups].sort(([x], [y]) => x.localeCompare(y))) {
    out[c] = meanDifferenceInterval(
      idx.map((i) => a[i]!),
      idx.map((i) => b[i]!),
      o,
    );
  }
  return out;
}
