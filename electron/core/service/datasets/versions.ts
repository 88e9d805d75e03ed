// Operations on stored dataset versions. Each change (clean, remove, edit, split) writes a NEW version whose parent is
// the one it started from, in one transaction with its audit row; nothing is ever changed in place.
import { randomUUID } from 'node:crypto';
import { FieldtuneError } from '../../../contract/errors.js';
import type { DatasetVersionRecord, MemberRow, SplitLabel } from '../../store/repositories/datasets.js';
import type { Workspace } from '../../workspace.js';
import { canonicalJson, exampleHash, exampleText, isSample, versionHash, type Example } from '../../data/example.js';
import { assignSplits, checkLeakage, DEFAULT_RATIOS, nearDuplicateGroups, type LeakageReport, type SplitRatios } from '../../data/split.js';

export interface Member {
  position: number;
  hash: string;
  split: SplitLabel | null;
  example: Example;
}
export interface NewMember {
  example: Example;
  split?: SplitLabel | null;
}

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
export function createChildVersion(
  ws: Workspace,
  parent: DatasetVersionRecord,
  operation: string,
  details: Record<string, unknown>,
  members: readonly NewMember[],
): DatasetVersionRecord {
  const repo = ws.datasets;
  const rows = members.map((m) => {
    const body = canonicalJson(m.example);
    return { body, hash: exampleHash(m.example), kind: isSample(m.example) ? ('chat' as const) : ('text' as const), split: m.split ?? null };
  });
  const version: DatasetVersionRecord = {
    id: randomUUID(),
    datasetId: parent.datasetId,
    parentId: parent.id,
    hash: versionHash(rows),
    examples: rows.length,
    operation,
    details,
    createdAt: new Date().toISOString(),
  };
  ws.db.transaction(() => {
    repo.createVersion(version);
    rows.forEach((r, position) => repo.addMember(version.id, position, repo.putExample(r.hash, r.kind, r.body, version.createdAt), r.split));
    ws.audit.append({
      actor: 'user',
      action: `dataset.${operation}`,
      subject: version.id,
      hashBefore: parent.hash,
      hashAfter: version.hash,
      details: { datasetId: parent.datasetId, parentId: parent.id, ...details },
    });
  })();
  return version;
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
  const splits = assignSplits(
    members.map((m, i) => ({ hash: m.hash, stratum: stratum(m), ...(groups ? { group: groups[i]! } : {}) })),
    { ratios, seed },
  );
  const leakage = checkLeakage(members.map((m, i) => ({ hash: m.hash, split: splits[i]!, text: texts[i]!.text })));
  const counts = { train: 0, validation: 0, test: 0 };
  for (const s of splits) counts[s] += 1;
  const details = {
    ratios,
    seed,
    stratifyBy: options.stratifyBy ?? null,
    keepNearDuplicatesTogether: groups !== null,
    counts,
    leakage: { exact: leakage.exact.length, near: leakage.near.length, leakedEvalItems: leakage.leakedEvalItems },
  };
  const version = createChildVersion(
    ws,
    parent,
    'split',
    details,
    members.map((m, i) => ({ example: m.example, split: splits[i]! })),
  );
  return { version, counts, leakage };
}

/** Leakage of an existing split version (shown before training). */
export function versionLeakage(ws: Workspace, versionId: string): LeakageReport {
  const members = loadMembers(ws, versionId);
  if (members.some((m) => m.split === null)) throw new FieldtuneError('INVALID_INPUT', 'This version is not split yet; split it first.');
  return checkLeakage(members.map((m) => ({ hash: m.hash, split: m.split!, text: exampleText(m.example) })));
}
