// Operations on stored dataset versions. Each change (clean, remove, edit, split) writes a NEW version whose parent is
// the one it started from, in one transaction with its audit row; nothing is ever changed in place.
import { randomUUID } from 'node:crypto';
import type { Sample } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { DatasetVersionRecord, MemberRow, SplitLabel } from '../../store/repositories/datasets.js';
import type { Workspace } from '../../workspace.js';
import { findConflicts, type Conflict } from '../../data/conflicts.js';
import { findDuplicates } from '../../data/dedupe.js';
import { canonicalJson, exampleHash, exampleText, isSample, versionHash, type Example } from '../../data/example.js';
import { filterByLength } from '../../data/filters.js';
import { normalizeExample } from '../../data/normalize.js';
import { assignSplits, checkLeakage, DEFAULT_RATIOS, nearDuplicateGroups, type LeakageReport, type SplitRatios } from '../../data/split.js';
import { roughTokenCount, type CountTokens } from '../../data/tokens.js';

export interface Member { position: number; hash: string; split: SplitLabel | null; example: Example }
export interface NewMember { example: Example; split?: SplitLabel | null }

export function requireVersion(ws: Workspace, versionId: string): DatasetVersionRecord {
  const v = ws.datasets.getVersion(versionId);
  if (!v) throw new FieldtuneError('NOT_FOUND', `No dataset version with id ${versionId}`);
  return v;
}

/** The newest version of a dataset (what "the dataset" means when no version is named). */
export function latestVersion(ws: Workspace, datasetId: string): DatasetVersionRecord {
  const versions = ws.datasets.listVersions(datasetId);
  const last = versions.at(-1);
  if (!last) throw new FieldtuneError('NOT_FOUND', `No dataset with id ${datasetId}`);
  return last;
}

export const toMember = (r: MemberRow): Member => ({ position: r.position, hash: r.hash, split: r.split, example: JSON.parse(r.body) as Example });

/** Walks a version in pages, so async work between pages never holds a SQLite statement open. */
export async function* walkVersion(ws: Workspace, versionId: string, pageSize = 5000): AsyncGenerator<Member> {
  const repo = ws.datasets;
  let from = 0;
  for (;;) {
    const page = repo.membersPage(versionId, from, pageSize);
    for (const row of page) yield toMember(row);
    if (page.length < pageSize) return;
    from = page.at(-1)!.position + 1;
  }
}

/** One page of a version for a virtualized table: positions are 0..n-1, so `offset` is a position. */
export function pageMembers(ws: Workspace, versionId: string, offset: number, limit: number): { total: number; items: Member[] } {
  const v = requireVersion(ws, versionId);
  return { total: v.examples, items: ws.datasets.membersPage(versionId, offset, Math.min(limit, 1000)).map(toMember) };
}

export function loadMembers(ws: Workspace, versionId: string): Member[] {
  requireVersion(ws, versionId);
  return [...ws.datasets.iterateMembers(versionId)].map(toMember);
}

/** Writes a child version of `parent` listing `members` in order; unchanged content reuses stored examples. */
export function createChildVersion(ws: Workspace, parent: DatasetVersionRecord, operation: string, details: Record<string, unknown>, members: readonly NewMember[]): DatasetVersionRecord {
  const repo = ws.datasets;
  const rows = members.map((m) => {
    const body = canonicalJson(m.example);
    return { body, hash: exampleHash(m.example), kind: isSample(m.example) ? ('chat' as const) : ('text' as const), split: m.split ?? null };
  });
  const version: DatasetVersionRecord = {
    id: randomUUID(), datasetId: parent.datasetId, parentId: parent.id, hash: versionHash(rows), examples: rows.length,
    operation, details, createdAt: new Date().toISOString(),
  };
  ws.db.transaction(() => {
    repo.createVersion(version);
    rows.forEach((r, position) => repo.addMember(version.id, position, repo.putExample(r.hash, r.kind, r.body, version.createdAt), r.split));
    ws.audit.append({ actor: 'user', action: `dataset.${operation}`, subject: version.id, hashBefore: parent.hash, hashAfter: version.hash, details: { datasetId: parent.datasetId, parentId: parent.id, ...details } });
  })();
  return version;
}

export interface CleanOptions {
  /** NFC + whitespace normalization (default true). */
  normalize?: boolean;
  minTokens?: number;
  maxTokens?: number;
  /**
   * 'exact' (default) removes identical examples and LISTS near-duplicates for review (similar is not always
   * redundant: templated questions differ in the one word that matters); 'near' removes both; 'none' neither.
   */
  dedupe?: 'none' | 'exact' | 'near';
  /** Near-duplicate similarity threshold (default 0.7). */
  threshold?: number;
  countTokens?: CountTokens;
  signal?: AbortSignal;
}

export interface ReviewPair { a: { position: number; preview: string }; b: { position: number; preview: string }; similarity: number }

export interface CleanReport {
  version: DatasetVersionRecord;
  before: number;
  after: number;
  normalizedChanged: number;
  removed: { empty: number; tooShort: number; tooLong: number; exactDuplicates: number; nearDuplicates: number };
  /** Near-duplicate pairs found (positions in the parent version), most similar first; at most 1000. */
  nearPairs: ReviewPair[];
  /** Same question, different answers (positions in the parent version); at most 1000. */
  conflicts: Conflict[];
}

const preview = (e: Example): string => {
  const t = exampleText(e).replace(/\s+/g, ' ');
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
};

export function cleanVersion(ws: Workspace, versionId: string, options: CleanOptions = {}): CleanReport {
  const parent = requireVersion(ws, versionId);
  const members = loadMembers(ws, versionId);
  let normalizedChanged = 0;
  const examples = members.map((m) => {
    if (options.normalize === false) return m.example;
    const n = normalizeExample(m.example);
    if (exampleHash(n) !== m.hash) normalizedChanged += 1;
    return n;
  });
  const lengths = filterByLength(examples, { minTokens: options.minTokens, maxTokens: options.maxTokens, countTokens: options.countTokens ?? roughTokenCount });
  const removedCount = (r: string) => lengths.removed.filter((x) => x.reason === r).length;
  const kept = lengths.keep;
  const mode = options.dedupe ?? 'exact';
  const dup = mode === 'none' ? null : findDuplicates(kept.map((i) => examples[i]!), { threshold: options.threshold ?? 0.7, signal: options.signal });
  const exactCopies = new Set(dup ? dup.exactGroups.flatMap((g) => g.slice(1)) : []);
  const keepAfter = !dup ? kept : mode === 'near' ? dup.keep.map((k) => kept[k]!) : kept.filter((_, k) => !exactCopies.has(k));
  const exactRemoved = exactCopies.size;
  const conflicts = findConflicts(keepAfter.flatMap((i) => (isSample(examples[i]!) ? [examples[i] as Sample] : []))).slice(0, 1000);
  // findConflicts saw only the kept chat samples: map its indices back to parent positions.
  const chatKept = keepAfter.filter((i) => isSample(examples[i]!));
  const conflictsAtPositions = conflicts.map((c) => ({
    ...c,
    indices: c.indices.map((i) => members[chatKept[i]!]!.position),
    answers: c.answers.map((a) => ({ ...a, indices: a.indices.map((i) => members[chatKept[i]!]!.position) })),
  }));
  const details = {
    normalize: options.normalize !== false, minTokens: options.minTokens ?? null, maxTokens: options.maxTokens ?? null, dedupe: mode,
    threshold: options.threshold ?? 0.7, removed: members.length - keepAfter.length,
  };
  const version = createChildVersion(ws, parent, 'clean', details, keepAfter.map((i) => ({ example: examples[i]!, split: members[i]!.split })));
  return {
    version, before: members.length, after: keepAfter.length, normalizedChanged,
    removed: { empty: removedCount('empty'), tooShort: removedCount('too-short'), tooLong: removedCount('too-long'), exactDuplicates: exactRemoved, nearDuplicates: dup && mode === 'near' ? dup.duplicateOf.size - exactRemoved : 0 },
    nearPairs: (dup?.nearPairs ?? []).slice(0, 1000).map((p) => {
      const a = kept[p.a]!;
      const b = kept[p.b]!;
      return { a: { position: members[a]!.position, preview: preview(examples[a]!) }, b: { position: members[b]!.position, preview: preview(examples[b]!) }, similarity: p.similarity };
    }),
    conflicts: conflictsAtPositions,
  };
}

/** A new version without the given positions (the review list's "remove these" and manual deletes). */
export function removeMembers(ws: Workspace, versionId: string, positions: readonly number[], reason: string): DatasetVersionRecord {
  const parent = requireVersion(ws, versionId);
  const drop = new Set(positions);
  const members = loadMembers(ws, versionId).filter((m) => !drop.has(m.position));
  return createChildVersion(ws, parent, 'remove', { reason, removed: parent.examples - members.length }, members);
}

/** A new version with one example replaced (an edit in the table). */
export function editMember(ws: Workspace, versionId: string, position: number, example: Example): DatasetVersionRecord {
  const parent = requireVersion(ws, versionId);
  const members = loadMembers(ws, versionId);
  const index = members.findIndex((m) => m.position === position);
  if (index < 0) throw new FieldtuneError('NOT_FOUND', `Version ${versionId} has no example at position ${position}`);
  const before = members[index]!;
  members[index] = { ...before, example };
  return createChildVersion(ws, parent, 'edit', { position, hashBefore: before.hash, hashAfter: exampleHash(example) }, members);
}

export interface SplitVersionOptions {
  ratios?: SplitRatios;
  seed?: number;
  /** A metadata column to stratify by (e.g. 'category'). */
  stratifyBy?: string;
  /** Keep near-duplicate clusters in one split, so none leaks from train into test (default true). */
  keepNearDuplicatesTogether?: boolean;
}

export interface SplitReport {
  version: DatasetVersionRecord;
  counts: Record<SplitLabel, number>;
  leakage: LeakageReport;
}

export function splitVersion(ws: Workspace, versionId: string, options: SplitVersionOptions = {}): SplitReport {
  const parent = requireVersion(ws, versionId);
  const members = loadMembers(ws, versionId);
  const texts = members.map((m) => ({ hash: m.hash, text: exampleText(m.example) }));
  const groups = options.keepNearDuplicatesTogether === false ? null : nearDuplicateGroups(texts);
  const stratum = (m: Member): string | null => {
    if (!options.stratifyBy || !isSample(m.example)) return null;
    const v = m.example.metadata?.[options.stratifyBy];
    return v === undefined || v === null ? null : String(v);
  };
  if (options.stratifyBy && !members.some((m) => stratum(m) !== null)) {
    throw new FieldtuneError('INVALID_INPUT', `No example has a "${options.stratifyBy}" value to stratify by.`);
  }
  const ratios = options.ratios ?? DEFAULT_RATIOS;
  const seed = options.seed ?? 42;
  const splits = assignSplits(members.map((m, i) => ({ hash: m.hash, stratum: stratum(m), ...(groups ? { group: groups[i]! } : {}) })), { ratios, seed });
  const leakage = checkLeakage(members.map((m, i) => ({ hash: m.hash, split: splits[i]!, text: texts[i]!.text })));
  const counts = { train: 0, validation: 0, test: 0 };
  for (const s of splits) counts[s] += 1;
  const details = { ratios, seed, stratifyBy: options.stratifyBy ?? null, keepNearDuplicatesTogether: groups !== null, counts, leakage: { exact: leakage.exact.length, near: leakage.near.length, leakedEvalItems: leakage.leakedEvalItems } };
  const version = createChildVersion(ws, parent, 'split', details, members.map((m, i) => ({ example: m.example, split: splits[i]! })));
  return { version, counts, leakage };
}

/** Leakage of an existing split version (shown before training). */
export function versionLeakage(ws: Workspace, versionId: string): LeakageReport {
  const members = loadMembers(ws, versionId);
  if (members.some((m) => m.split === null)) throw new FieldtuneError('INVALID_INPUT', 'This version is not split yet; split it first.');
  return checkLeakage(members.map((m) => ({ hash: m.hash, split: m.split!, text: exampleText(m.example) })));
}

