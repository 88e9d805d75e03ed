// Train / validation / test splits. The order comes from a seeded hash of each example's content hash, not from the
// file order or Math.random, so the same data and seed give the same split on any machine, even after a re-import
// that reorders rows. Exact duplicates share a key and so always land in the same split.
import { sha256 } from './example.js';
import { MinHasher, type MinHashOptions } from './minhash.js';
import { UnionFind } from './dedupe.js';

export const SPLITS = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLITS)[number];

export interface SplitRatios {
  train: number;
  validation: number;
  test: number;
}

export interface SplitItem {
  /** The example's content hash. */
  hash: string;
  /** Value of the stratification column, when stratifying. */
  stratum?: string | null;
  /** Items with the same group key are kept together (e.g. a near-duplicate cluster); defaults to the hash. */
  group?: string;
}

export interface SplitOptions {
  ratios?: SplitRatios;
  seed?: number;
}

export const DEFAULT_RATIOS: SplitRatios = { train: 0.8, validation: 0.1, test: 0.1 };

function orderKey(seed: number, key: string): string {
  return sha256(`${seed}:${key}`);
}

/** Split label per item (same order as `items`). Within each stratum, groups are cut at the ratio boundaries. */
export function assignSplits(items: readonly SplitItem[], options: SplitOptions = {}): SplitName[] {
  const ratios = options.ratios ?? DEFAULT_RATIOS;
  const total = ratios.train + ratios.validation + ratios.test;
  if (!(total > 0) || Object.values(ratios).some((r) => r < 0)) throw new Error('Split ratios must be non-negative and add up to more than 0.');
  const seed = options.seed ?? 42;
  const strata = new Map<string, Map<string, number[]>>();
  items.forEach((item, i) => {
    const stratum = item.stratum ?? '';
    const groups = strata.get(stratum) ?? new Map<string, number[]>();
    strata.set(stratum, groups);
    const g = item.group ?? item.hash;
    const members = groups.get(g) ?? [];
    members.push(i);
    groups.set(g, members);
  });
  const out = new Array<SplitName>(items.length);
  // Targets by cumulative rounding over the strata (in a fixed order): many small strata still add up to the
  // requested overall shares instead of each rounding its validation/test share down to zero.
  let cumSize = 0;
  const sortedStrata = [...strata.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, groups] of sortedStrata) {
    const ordered = [...groups.entries()]
      .map(([key, members]) => ({ order: orderKey(seed, key), members }))
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const size = ordered.reduce((n, g) => n + g.members.length, 0);
    const share = (n: number, r: number) => Math.round((n * r) / total);
    const wantTest = share(cumSize + size, ratios.test) - share(cumSize, ratios.test);
    const wantVal = share(cumSize + size, ratios.validation) - share(cumSize, ratios.validation);
    cumSize += size;
    let placed = { test: 0, validation: 0 };
    for (const g of ordered) {
      let split: SplitName = 'train';
      if (placed.test < wantTest) split = 'test';
      else if (placed.validation < wantVal) split = 'validation';
      if (split !== 'train') placed = { ...placed, [split]: placed[split] + g.members.length };
      for (const i of g.members) out[i] = split;
    }
  }
  return out;
}

export interface LeakagePair {
  a: number;
  b: number;
  splitA: SplitName;
  splitB: SplitName;
  similarity: number;
}

export interface LeakageReport {
  /** Identical examples found in two different splits. */
  exact: LeakagePair[];
  /** Near-duplicates found in two different splits. */
  near: LeakagePair[];
  /** Validation/test items that have a copy (exact or near) in train: their scores would be inflated. */
  leakedEvalItems: number;
  ok: boolean;
}

/** Finds examples that appear (exactly or nearly) in more than one split. `texts` are the examples' full texts. */
export function checkLeakage(
  items: ReadonlyArray<{ hash: string; split: SplitName; text: string }>,
  options: MinHashOptions & { threshold?: number } = {},
): LeakageReport {
  const exact: LeakagePair[] = [];
  const firstInSplit = new Map<string, Map<SplitName, number>>();
  items.forEach((it, i) => {
    const seen = firstInSplit.get(it.hash) ?? new Map<SplitName, number>();
    firstInSplit.set(it.hash, seen);
    for (const [split, j] of seen) {
      if (split !== it.split) exact.push({ a: j, b: i, splitA: split, splitB: it.split, similarity: 1 });
    }
    if (!seen.has(it.split)) seen.set(it.split, i);
  });
  const hasher = new MinHasher(options);
  const sigs = hasher.signAll(items.map((it) => it.text));
  const near = hasher
    .similarPairs(sigs, items.length, options.threshold ?? 0.7, (a, b) => items[a]!.split !== items[b]!.split && items[a]!.hash !== items[b]!.hash)
    .map((p) => ({ a: p.a, b: p.b, splitA: items[p.a]!.split, splitB: items[p.b]!.split, similarity: p.similarity }));
  const leaked = new Set<number>();
  for (const p of [...exact, ...near]) {
    if (p.splitA === 'train' && p.splitB !== 'train') leaked.add(p.b);
    if (p.splitB === 'train' && p.splitA !== 'train') leaked.add(p.a);
  }
  return { exact, near, leakedEvalItems: leaked.size, ok: exact.length === 0 && near.length === 0 };
}

/** Near-duplicate clusters as group keys for assignSplits, so near-copies cannot straddle train and test. */
export function nearDuplicateGroups(items: ReadonlyArray<{ hash: string; text: string }>, options: MinHashOptions & { threshold?: number } = {}): string[] {
  const hasher = new MinHasher(options);
  const sigs = hasher.signAll(items.map((it) => it.text));
  const uf = new UnionFind(items.length);
  for (const p of hasher.similarPairs(sigs, items.length, options.threshold ?? 0.7)) uf.union(p.a, p.b);
  return items.map((_, i) => items[uf.find(i)]!.hash);
}
