// The dry run of cleaning as a pure engine: plain examples in (with their positions in the version), the proposed
// removals, near pairs and conflicts out. It runs in a worker thread (core/workers), so it takes no workspace and
// reports progress through a callback; the service loads the examples and starts the job.
import type { CleanReview } from '../../contract/datasets.js';
import type { Sample } from '../../contract/domain.js';
import { findConflicts } from './conflicts.js';
import { findDuplicates } from './dedupe.js';
import { exampleText, isSample, type Example } from './example.js';
import { filterByLength } from './filters.js';
import { normalizeExample } from './normalize.js';

const MAX_PAIRS = 500;

export interface ReviewMember {
  position: number;
  example: Example;
}

export interface ReviewOptions {
  minTokens?: number | undefined;
  maxTokens?: number | undefined;
  threshold: number;
  nearDuplicates: boolean;
}

export type ReviewProgress = (phase: string, current: number, total: number | null) => void;

export function previewText(member: { example: Example } | undefined, length = 160): string {
  if (!member) return '';
  const t = exampleText(member.example).replace(/\s+/g, ' ').trim();
  return t.length > length ? `${t.slice(0, length - 1)}…` : t;
}

export function reviewMembers(versionId: string, members: readonly ReviewMember[], options: ReviewOptions, onProgress: ReviewProgress = () => {}): CleanReview {
  let normalizedChanged = 0;
  onProgress('Tidying the text', 0, members.length);
  // Duplicates are judged on normalized text: "é" typed two ways or a double space must not hide a copy.
  const examples = members.map((m) => {
    const n = normalizeExample(m.example);
    if (exampleText(n) !== exampleText(m.example)) normalizedChanged += 1;
    return n;
  });
  const proposed: CleanReview['proposed'] = [];
  const lengths = filterByLength(examples, { minTokens: options.minTokens, maxTokens: options.maxTokens });
  for (const r of lengths.removed) {
    proposed.push({ position: members[r.index]!.position, reason: r.reason, of: null, similarity: null, preview: previewText(members[r.index]) });
  }
  const kept = lengths.keep;
  onProgress('Looking for copies', 0, kept.length);
  const dup = findDuplicates(
    kept.map((i) => examples[i]!),
    { exactOnly: !options.nearDuplicates, threshold: options.threshold },
  );
  const exactOf = new Map<number, number>();
  for (const group of dup.exactGroups) for (const k of group.slice(1)) exactOf.set(k, group[0]!);
  const bestSimilarity = new Map<number, number>();
  for (const p of dup.nearPairs) for (const k of [p.a, p.b]) bestSimilarity.set(k, Math.max(bestSimilarity.get(k) ?? 0, p.similarity));
  for (const [k, root] of dup.duplicateOf) {
    const i = kept[k]!;
    const exact = exactOf.has(k);
    proposed.push({
      position: members[i]!.position,
      reason: exact ? 'exact-duplicate' : 'near-duplicate',
      of: members[kept[root]!]!.position,
      similarity: exact ? 1 : (bestSimilarity.get(k) ?? null),
      preview: previewText(members[i]),
    });
  }
  proposed.sort((a, b) => a.position - b.position);
  const nearPairs = dup.nearPairs.slice(0, MAX_PAIRS).map((p) => {
    const a = members[kept[p.a]!]!;
    const b = members[kept[p.b]!]!;
    return { a: { position: a.position, preview: previewText(a) }, b: { position: b.position, preview: previewText(b) }, similarity: p.similarity };
  });
  const heads = [...new Set(proposed.flatMap((p) => (p.of === null ? [] : [p.of])))].sort((a, b) => a - b);
  const byPosition = new Map(members.map((m) => [m.position, m]));
  const keptHeads = heads.map((position) => ({ position, preview: previewText(byPosition.get(position)) }));
  onProgress('Looking for questions answered two ways', 0, null);
  // Conflicts among what would stay: a question answered two ways is for the specialist to settle, not for a filter.
  const dropped = new Set(proposed.map((p) => p.position));
  const chat = members.filter((m, i) => !dropped.has(m.position) && isSample(examples[i]!));
  const conflicts = findConflicts(chat.map((m) => normalizeExample(m.example) as Sample))
    .slice(0, MAX_PAIRS)
    .map((c) => ({
      question: c.question,
      answers: c.answers.map((a) => ({ answer: a.answer, positions: a.indices.map((i) => chat[i]!.position) })),
    }));
  onProgress('Done', members.length, members.length);
  return { versionId, examples: members.length, normalizedChanged, proposed, kept: keptHeads, nearPairs, conflicts };
}
