import { describe, expect, it } from 'vitest';
import { sha256 } from './example.js';
import { mulberry32 } from './minhash.js';
import { assignSplits, checkLeakage, nearDuplicateGroups, type SplitItem } from './split.js';
import { tokenStats } from './stats.js';

const items = (n: number, stratum?: (i: number) => string): SplitItem[] =>
  Array.from({ length: n }, (_, i) => ({ hash: sha256(`example ${i}`), ...(stratum ? { stratum: stratum(i) } : {}) }));

const count = (splits: string[]) => ({
  train: splits.filter((s) => s === 'train').length,
  validation: splits.filter((s) => s === 'validation').length,
  test: splits.filter((s) => s === 'test').length,
});

describe('splits', () => {
  it('is deterministic for a seed, independent of input order, and different for another seed', () => {
    const list = items(1000);
    const a = assignSplits(list, { seed: 7 });
    expect(assignSplits(list, { seed: 7 })).toEqual(a);
    const reversed = [...list].reverse();
    expect(assignSplits(reversed, { seed: 7 }).reverse()).toEqual(a);
    expect(assignSplits(list, { seed: 8 })).not.toEqual(a);
    expect(count(a)).toEqual({ train: 800, validation: 100, test: 100 });
  });

  it('stratifies by a metadata column so each split keeps the category mix', () => {
    const list = items(600, (i) => (i % 6 === 0 ? 'rare' : 'common'));
    const splits = assignSplits(list, { seed: 1, ratios: { train: 0.7, validation: 0.15, test: 0.15 } });
    const rare = count(splits.filter((_, i) => list[i]!.stratum === 'rare'));
    const common = count(splits.filter((_, i) => list[i]!.stratum === 'common'));
    expect(rare).toEqual({ train: 70, validation: 15, test: 15 });
    expect(common).toEqual({ train: 350, validation: 75, test: 75 });
  });

  it('many small strata still add up to the requested overall shares', () => {
    const list = items(90, (i) => `s${Math.floor(i / 3)}`); // 30 strata of 3
    expect(count(assignSplits(list, { ratios: { train: 1, validation: 1, test: 1 } }))).toEqual({ train: 30, validation: 30, test: 30 });
  });

  it('keeps exact duplicates (and given groups) in one split', () => {
    const list = [...items(100), ...items(100)]; // every example twice
    const splits = assignSplits(list);
    for (let i = 0; i < 100; i++) expect(splits[i + 100]).toBe(splits[i]);
  });
});

describe('leakage check', () => {
  // Unrelated texts: templated questions differing in one word are genuinely near-duplicates, so words are random.
  const words = [
    'tenant',
    'dose',
    'appeal',
    'ward',
    'consent',
    'lease',
    'fever',
    'claim',
    'estate',
    'insulin',
    'verdict',
    'audit',
    'triage',
    'lien',
    'biopsy',
    'merger',
  ];
  const text = (i: number) => {
    const rand = mulberry32(i + 1);
    return Array.from({ length: 14 }, () => words[rand() % words.length]!).join(' ') + ` ${i}`;
  };

  it('reports exact and near duplicates across splits, and nothing for a clean split', () => {
    const clean = Array.from({ length: 40 }, (_, i) => ({
      hash: sha256(text(i)),
      text: text(i),
      split: (i < 30 ? 'train' : i < 35 ? 'validation' : 'test') as 'train' | 'validation' | 'test',
    }));
    expect(checkLeakage(clean)).toMatchObject({ exact: [], near: [], leakedEvalItems: 0, ok: true });
    const leaky = [
      ...clean,
      { hash: clean[3]!.hash, text: clean[3]!.text, split: 'test' as const },
      { hash: sha256('x'), text: clean[5]!.text + ' again', split: 'validation' as const },
    ];
    const r = checkLeakage(leaky);
    expect(r.exact).toEqual([{ a: 3, b: 40, splitA: 'train', splitB: 'test', similarity: 1 }]);
    expect(r.near.map((p) => [p.a, p.b, p.splitA, p.splitB])).toEqual([[5, 41, 'train', 'validation']]);
    expect(r.leakedEvalItems).toBe(2);
    expect(r.ok).toBe(false);
  });

  it('near-duplicate groups keep near-copies on the same side of the split', () => {
    const texts = Array.from({ length: 200 }, (_, i) => text(i % 100) + (i >= 100 ? ' please' : ''));
    const list = texts.map((t) => ({ hash: sha256(t), text: t }));
    const groups = nearDuplicateGroups(list);
    const splits = assignSplits(
      list.map((it, i) => ({ hash: it.hash, group: groups[i]! })),
      { seed: 3 },
    );
    const report = checkLeakage(list.map((it, i) => ({ ...it, split: splits[i]! })));
    expect(report.ok).toBe(true);
    const naive = assignSplits(list, { seed: 3 });
    expect(checkLeakage(list.map((it, i) => ({ ...it, split: naive[i]! }))).ok).toBe(false);
  });
});

describe('token statistics', () => {
  it('totals, histogram bins and share over the max length, with a pluggable tokenizer', async () => {
    const lengths = [5, 10, 15, 100, 250, 600, 1100];
    const s = await tokenStats(lengths, (n) => n, { maxLength: 512, bins: 10 });
    expect(s).toMatchObject({ count: 7, totalTokens: 2080, min: 5, max: 1100, median: 100, overMax: 2, maxLength: 512 });
    expect(s.overMaxShare).toBeCloseTo(2 / 7);
    expect(s.histogram[0]).toEqual({ from: 0, to: 200, count: 4 });
    expect(s.histogram.reduce((n, b) => n + b.count, 0)).toBe(7);
    expect(s.histogram.at(-1)!.to).toBeGreaterThan(1100);
    const asyncTok = await tokenStats(['a b', 'c'], async (t) => t.split(' ').length, { maxLength: 1 });
    expect(asyncTok).toMatchObject({ totalTokens: 3, overMax: 1, overMaxShare: 0.5 });
  });
});
