// Cleaning in two steps, so a specialist sees before anything changes: review (a dry run over the engine's filters,
// duplicate finder and conflict finder; writes nothing) and clean (the choices made in the review become a new version).
// Splitting and the leakage check reuse the engine's version operations and add short previews for the UI.
import type { CleanReview, DatasetVersion, LeakageSummary, SplitResult } from '../../../contract/datasets.js';
import type { Sample } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { findConflicts } from '../../data/conflicts.js';
import { createChildVersion, loadMembers, requireVersion, splitVersion, versionLeakage, type Member } from './versions.js';
import { findDuplicates } from '../../data/dedupe.js';
import { exampleText, isSample } from '../../data/example.js';
import { filterByLength } from '../../data/filters.js';
import { normalizeExample } from '../../data/normalize.js';
import type { LeakageReport } from '../../data/split.js';
import type { Workspace } from '../../workspace.js';

const MAX_PAIRS = 500;

export function previewText(member: Member | undefined, length = 160): string {
  if (!member) return '';
  const t = exampleText(member.example).replace(/\s+/g, ' ').trim();
  return t.length > length ? `${t.slice(0, length - 1)}…` : t;
}

export interface ReviewOptions {
  minTokens?: number | undefined;
  maxTokens?: number | undefined;
  threshold: number;
  nearDuplicates: boolean;
}

export function reviewVersion(ws: Workspace, versionId: string, options: ReviewOptions): CleanReview {
  const members = loadMembers(ws, versionId);
  let normalizedChanged = 0;
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
  // Conflicts among what would stay: a question answered two ways is for the specialist to settle, not for a filter.
  const dropped = new Set(proposed.map((p) => p.position));
  const chat = members.filter((m, i) => !dropped.has(m.position) && isSample(examples[i]!));
  const conflicts = findConflicts(chat.map((m) => normalizeExample(m.example) as Sample))
    .slice(0, MAX_PAIRS)
    .map((c) => ({
      question: c.question,
      answers: c.answers.map((a) => ({ answer: a.answer, positions: a.indices.map((i) => chat[i]!.position) })),
    }));
  return { versionId, examples: members.length, normalizedChanged, proposed, nearPairs, conflicts };
}

/** A new version without the chosen positions, normalized when asked; the parent stays as it was. */
export function applyClean(ws: Workspace, versionId: string, remove: readonly number[], normalize: boolean): DatasetVersion {
  const parent = requireVersion(ws, versionId);
  const members = loadMembers(ws, versionId);
  const drop = new Set(remove);
  const unknown = remove.find((p) => p >= members.length);
  if (unknown !== undefined) throw new FieldtuneError('INVALID_INPUT', `This version has no example #${unknown + 1}; reload the review and try again.`);
  const keep = members.filter((m) => !drop.has(m.position));
  if (keep.length === 0) throw new FieldtuneError('INVALID_INPUT', 'That would remove every example; keep at least one.');
  return createChildVersion(
    ws,
    parent,
    'clean',
    { normalize, removed: members.length - keep.length, removedPositions: [...drop].sort((a, b) => a - b).slice(0, 10_000) },
    keep.map((m) => ({ example: normalize ? normalizeExample(m.example) : m.example, split: m.split })),
  );
}

function summarizeLeakage(members: Member[], report: LeakageReport): LeakageSummary {
  const pairs = [...report.exact, ...report.near].slice(0, 100).map((p) => ({
    a: { position: members[p.a]!.position, preview: previewText(members[p.a]) },
    b: { position: members[p.b]!.position, preview: previewText(members[p.b]) },
    splitA: p.splitA,
    splitB: p.splitB,
    similarity: p.similarity,
  }));
  return { ok: report.ok, exact: report.exact.length, near: report.near.length, leakedEvalItems: report.leakedEvalItems, pairs };
}

export interface SplitInput {
  seed: number;
  shares: { train: number; validation: number; test: number };
  stratifyBy?: string | undefined;
  keepNearDuplicatesTogether: boolean;
}

export function splitWithReport(ws: Workspace, versionId: string, input: SplitInput): SplitResult {
  const r = splitVersion(ws, versionId, {
    ratios: input.shares,
    seed: input.seed,
    keepNearDuplicatesTogether: input.keepNearDuplicatesTogether,
    ...(input.stratifyBy ? { stratifyBy: input.stratifyBy } : {}),
  });
  // The new version lists the same examples in the same order, so its members index the leakage pairs.
  return { version: r.version, counts: r.counts, leakage: summarizeLeakage(loadMembers(ws, r.version.id), r.leakage) };
}

export function leakageOf(ws: Workspace, versionId: string): LeakageSummary {
  return summarizeLeakage(loadMembers(ws, versionId), versionLeakage(ws, versionId));
}
