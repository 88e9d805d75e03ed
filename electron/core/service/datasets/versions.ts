// Operations on stored dataset versions. Each change (clean, remove, edit, split) writes a NEW version whose parent is
// the one it started from, in one transaction with its audit row; nothing is ever changed in place.
import { randomUUID } from 'node:crypto';
import { FieldtuneError } from '../../../contract/errors.js';
import type { DatasetVersionRecord, MemberRow, SplitLabel } from '../../store/repositories/datasets.js';
import { databaseSource, type Workspace } from '../../workspace.js';
import { canonicalJson, exampleHash, isSample, versionHash, type Example } from '../../data/example.js';
import type { LeakageReport, SplitRatios } from '../../data/split.js';
import { planLeakage, planSplit, type SplitPlan } from '../../data/splitPlan.js';
import { runInWorker } from '../../workers/runInWorker.js';

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
  const rows = members.map((m) => {
    const body = canonicalJson(m.example);
    return { body, hash: exampleHash(m.example), kind: isSample(m.example) ? ('chat' as const) : ('text' as const), split: m.split ?? null };
  });
  return createChildVersionFromRows(ws, parent, operation, details, rows);
}

/** A row of a new version, already canonical (a worker thread computed bodies and hashes). */
export interface NewVersionRow {
  body: string;
  hash: string;
  kind: 'chat' | 'text';
  split: SplitLabel | null;
}

/** createChildVersion for rows a worker thread prepared. */
export function createChildVersionFromRows(
  ws: Workspace,
  parent: DatasetVersionRecord,
  operation: string,
  details: Record<string, unknown>,
  rows: readonly NewVersionRow[],
): DatasetVersionRecord {
  const repo = ws.datasets;
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
  return writeSplit(ws, versionId, options, planSplit(loadMembers(ws, versionId), options));
}

/** The same split with the computing (MinHash over every example, twice) in a worker thread; the writing stays here. */
export async function splitVersionInWorker(ws: Workspace, versionId: string, options: SplitVersionOptions = {}): Promise<SplitReport> {
  requireVersion(ws, versionId);
  const plan = await runInWorker('dataset.split', { versionId, source: databaseSource(ws), options });
  return writeSplit(ws, versionId, options, plan);
}

function writeSplit(ws: Workspace, versionId: string, options: SplitVersionOptions, plan: SplitPlan): SplitReport {
  const parent = requireVersion(ws, versionId);
  const members = loadMembers(ws, versionId);
  const { splits, leakage, ratios, seed } = plan;
  const counts = { train: 0, validation: 0, test: 0 };
  for (const s of splits) counts[s] += 1;
  const details = {
    ratios,
    seed,
    stratifyBy: options.stratifyBy ?? null,
    keepNearDuplicatesTogether: plan.keptTogether,
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
  return planLeakage(loadMembers(ws, versionId));
}

/** The same check in a worker thread. */
export function versionLeakageInWorker(ws: Workspace, versionId: string): Promise<LeakageReport> {
  requireVersion(ws, versionId);
  return runInWorker('dataset.leakage', { versionId, source: databaseSource(ws) });
}
