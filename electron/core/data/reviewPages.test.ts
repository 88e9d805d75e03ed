import { describe, expect, it } from 'vitest';
import type { CleanReview } from '../../contract/datasets.js';
import { GROUP_SAMPLE, PAGE_SIZE, packReview, pageRange, parsePage } from './reviewPages.js';

/** 250 near copies of #0, 3 exact copies of #1 and one empty example; a conflict. */
function review(): CleanReview {
  const proposed: CleanReview['proposed'] = [
    ...Array.from({ length: 250 }, (_, i) => ({ position: 10 + i, reason: 'near-duplicate' as const, of: 0, similarity: 0.8, preview: `copy ${i} – é` })),
    ...[2, 3, 4].map((position) => ({ position, reason: 'exact-duplicate' as const, of: 1, similarity: 1, preview: 'same' })),
    { position: 5, reason: 'empty' as const, of: null, similarity: null, preview: '' },
  ];
  return {
    versionId: 'v',
    examples: 300,
    normalizedChanged: 7,
    proposed,
    kept: [
      { position: 0, preview: 'the original' },
      { position: 1, preview: 'the other' },
    ],
    nearPairs: [],
    conflicts: [{ question: 'Open on Sunday?', answers: [{ answer: 'Yes', positions: [6] }] }],
  };
}

/** Reads a page the way the service does: the byte range, then only those lines. */
function read(section: ReturnType<typeof packReview>['sections']['removals'], offset: number, limit: number): unknown[] {
  const range = pageRange({ pageSize: PAGE_SIZE, offsets: section.offsets }, section.count, offset, limit);
  if (!range) return [];
  return parsePage(new TextDecoder().decode(section.bytes.subarray(range.start, range.end)), range.skip, range.take);
}

describe('a review laid out for paging', () => {
  const packed = packReview(review());

  it('counts by reason and keeps each list whole, a page at a time, across page boundaries and multi-byte text', () => {
    expect(packed.proposed).toEqual({ total: 254, exact: 3, near: 250, outOfRange: 1 });
    const removals = packed.sections.removals;
    expect(removals.count).toBe(254);
    expect(removals.offsets).toHaveLength(Math.ceil(254 / PAGE_SIZE) + 1);
    expect(read(removals, 95, 10).map((r) => (r as { position: number }).position)).toEqual(Array.from({ length: 10 }, (_, i) => 105 + i));
    expect(read(removals, 250, 100)).toHaveLength(4);
    expect(read(removals, 254, 10)).toEqual([]);
    const all = read(removals, 0, 1000);
    expect(all).toHaveLength(254);
    expect(all[0]).toEqual({ position: 10, reason: 'near-duplicate', of: 0, similarity: 0.8 }); // no preview: numbers only
  });

  it('groups copies by the example they copy, largest first, with a capped sample and every position', () => {
    const groups = read(packed.sections.groups, 0, 10) as Array<{ head: { position: number } | null; positions: number[]; sample: unknown[]; reason: string }>;
    expect(groups.map((g) => [g.head?.position ?? null, g.positions.length, g.reason])).toEqual([
      [0, 250, 'near-duplicate'],
      [1, 3, 'exact-duplicate'],
      [null, 1, 'empty'],
    ]);
    expect(groups[0]!.sample).toHaveLength(GROUP_SAMPLE);
    expect(groups[0]!.sample[0]).toMatchObject({ position: 10, preview: 'copy 0 – é' });
    expect(read(packed.sections.conflicts, 0, 5)).toEqual(review().conflicts);
  });
});
