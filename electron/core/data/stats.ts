// Token statistics for a dataset: what the Data wizard's histogram and "share over the max length" show.
// The tokenizer is a parameter: the base model's real one (rendered through its chat template) when loaded.
import { throwIfAborted } from './errors.js';
import type { TokenizeExample } from './tokens.js';

export interface TokenStats {
  count: number;
  totalTokens: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p95: number;
  maxLength: number;
  /** Examples longer than maxLength (they would be truncated in training). */
  overMax: number;
  overMaxShare: number;
  /** Equal-width bins from 0; `to` is exclusive except for the last bin. */
  histogram: Array<{ from: number; to: number; count: number }>;
}

export interface TokenStatsOptions {
  maxLength: number;
  bins?: number;
  signal?: AbortSignal;
}

/** A bin width of 1, 2 or 5 times a power of ten, so the chart's axis reads naturally. */
function niceWidth(raw: number): number {
  if (raw <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

export async function tokenStats<E>(examples: Iterable<E> | AsyncIterable<E>, tokenize: TokenizeExample<E>, options: TokenStatsOptions): Promise<TokenStats> {
  const lengths: number[] = [];
  for await (const e of examples as AsyncIterable<E>) {
    if (lengths.length % 1024 === 0) throwIfAborted(options.signal, 'Cancelled; nothing was changed.');
    lengths.push(await tokenize(e));
  }
  const sorted = Float64Array.from(lengths).sort();
  const count = sorted.length;
  const totalTokens = lengths.reduce((a, b) => a + b, 0);
  const max = count ? sorted[count - 1]! : 0;
  const at = (q: number): number => (count ? sorted[Math.min(count - 1, Math.floor(q * count))]! : 0);
  const overMax = lengths.filter((n) => n > options.maxLength).length;
  const binCount = options.bins ?? 20;
  const width = niceWidth(Math.max(max, options.maxLength) / binCount);
  const bins = Math.max(1, Math.ceil((Math.max(max, options.maxLength) + 1) / width));
  const histogram = Array.from({ length: bins }, (_, b) => ({ from: b * width, to: (b + 1) * width, count: 0 }));
  for (const n of lengths) histogram[Math.min(bins - 1, Math.floor(n / width))]!.count += 1;
  return {
    count,
    totalTokens,
    min: count ? sorted[0]! : 0,
    max,
    mean: count ? totalTokens / count : 0,
    median: at(0.5),
    p95: at(0.95),
    maxLength: options.maxLength,
    overMax,
    overMaxShare: count ? overMax / count : 0,
    histogram,
  };
}
