// A finished clean review laid out for paging: each long list (every proposed removal, the groups of copies, the
// near pairs, the conflicts) as JSON lines with the byte offset of every PAGE_SIZE-th line, so a page is one small
// read and one small parse. Built in the review's worker thread: the core only stores the bytes and reads ranges.
import type { CleanReview, ReviewGroup, ReviewRemoval, ReviewSection } from '../../contract/datasets.js';

export const PAGE_SIZE = 100;
/** Members shown with their text in one group (the group's tick covers the rest). */
export const GROUP_SAMPLE = 200;

export interface PackedSection {
  bytes: Uint8Array;
  count: number;
  /** Byte offset of items 0, PAGE_SIZE, 2*PAGE_SIZE, ..., then the length. */
  offsets: number[];
}

export interface PackedReview {
  versionId: string;
  examples: number;
  normalizedChanged: number;
  proposed: { total: number; exact: number; near: number; outOfRange: number };
  sections: Record<ReviewSection, PackedSection>;
}

/** Proposals grouped by what they copy (out-of-range ones by reason), largest groups first, then by position. */
export function reviewGroups(review: CleanReview): ReviewGroup[] {
  const heads = new Map(review.kept.map((k) => [k.position, k.preview]));
  const byKey = new Map<string, ReviewGroup>();
  for (const p of review.proposed) {
    const key = p.of === null ? p.reason : `of-${p.of}`;
    let g = byKey.get(key);
    if (!g) {
      g = { reason: p.reason, head: p.of === null ? null : { position: p.of, preview: heads.get(p.of) ?? '' }, positions: [], sample: [] };
      byKey.set(key, g);
    }
    g.positions.push(p.position);
    if (g.sample.length < GROUP_SAMPLE) g.sample.push(p);
  }
  // Largest groups first: they weigh most on training, and a quick look at them settles most of the decisions.
  return [...byKey.values()].sort((a, b) => b.positions.length - a.positions.length || (a.head?.position ?? -1) - (b.head?.position ?? -1));
}

function pack(items: readonly unknown[]): PackedSection {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  items.forEach((item, i) => {
    if (i % PAGE_SIZE === 0) offsets.push(size);
    const line = encoder.encode(`${JSON.stringify(item)}\n`);
    parts.push(line);
    size += line.byteLength;
  });
  offsets.push(size);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  return { bytes, count: items.length, offsets };
}

export function packReview(review: CleanReview): PackedReview {
  const removals: ReviewRemoval[] = review.proposed.map(({ position, reason, of, similarity }) => ({ position, reason, of, similarity }));
  const exact = removals.filter((r) => r.reason === 'exact-duplicate').length;
  const near = removals.filter((r) => r.reason === 'near-duplicate').length;
  return {
    versionId: review.versionId,
    examples: review.examples,
    normalizedChanged: review.normalizedChanged,
    proposed: { total: removals.length, exact, near, outOfRange: removals.length - exact - near },
    sections: { removals: pack(removals), groups: pack(reviewGroups(review)), nearPairs: pack(review.nearPairs), conflicts: pack(review.conflicts) },
  };
}

/** The byte range holding items [offset, offset + limit) of a packed section, and where the wanted items start in it. */
export function pageRange(
  section: { pageSize: number; offsets: readonly number[] },
  count: number,
  offset: number,
  limit: number,
): { start: number; end: number; skip: number; take: number } | null {
  const end = Math.min(count, offset + limit);
  if (offset >= end) return null;
  const first = Math.floor(offset / section.pageSize);
  const last = Math.ceil(end / section.pageSize);
  return { start: section.offsets[first]!, end: section.offsets[last]!, skip: offset - first * section.pageSize, take: end - offset };
}

/** The items of a range read by pageRange. */
export function parsePage(text: string, skip: number, take: number): unknown[] {
  return text
    .split('\n')
    .slice(skip, skip + take)
    .map((line) => JSON.parse(line) as unknown);
}
