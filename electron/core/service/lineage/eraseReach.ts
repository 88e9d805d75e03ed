// Erasure beyond dataset versions (issue 16 item 8): the other places an erased example's text or the personal data
// in it can be kept. Each is deleted or scrubbed:
// - the inbox's suggestions that quote it: deleted (a suggestion is a proposal, not a record);
// - stored evaluations that quote it: the text in their result is replaced with "[erased]", their report files (HTML,
//   PDF blobs) are deleted and made again from the scrubbed result when asked for; the erasure lists them as scrubbed;
// - the reviewer's personal-data decisions about strings in it (pii_decisions): deleted;
// - pseudonym-map pairs whose original is in it: deleted from the dataset's map file (surrogates come from the map's
//   secret, so a later redaction makes the same surrogate again without the pair being kept);
// - tokenized training files in the folders of runs trained on it: deleted (the run is flagged for retraining anyway).
// The database part runs in the erasure's transaction; files are changed after it committed.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isSample, type Example } from '../../data/example.js';
import { normalizeKey } from '../../pii/surrogates.js';
import type { PiiType } from '../../../contract/pii.js';
import { ErasureReachRepository } from '../../store/repositories/erasureReach.js';
import type { Workspace } from '../../workspace.js';
import { loadMap, saveMap } from '../pii/maps.js';
import { runDirOf } from '../train/runs.js';

const ERASED = '[erased]';
/** Shorter strings ("Yes.", "At eight.") would match unrelated text; the personal data in them is matched on its own. */
const MIN_QUOTE = 12;

/** The erased example's texts (each message or the text, in every form it had), longest first. */
export function quotesOf(bodies: readonly string[]): string[] {
  const texts = new Set<string>();
  for (const body of bodies) {
    const example = JSON.parse(body) as Example;
    const parts = isSample(example) ? example.messages.map((m) => m.content) : [example.text];
    for (const p of parts) if (p.trim().length >= MIN_QUOTE && p !== ERASED) texts.add(p.trim());
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

const quotes = (text: string | null, needles: readonly string[]) => text !== null && needles.some((n) => text.includes(n));

/** Every string in a JSON value with the needles replaced. */
function scrubJson(value: unknown, needles: readonly string[]): unknown {
  if (typeof value === 'string') return needles.reduce((s, n) => s.split(n).join(ERASED), value);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, needles)]));
  return value;
}

export interface ReachInDb {
  inboxItems: number;
  scrubbedEvaluations: string[];
  piiDecisions: number;
  /** Blob files of dropped reports, to remove once the transaction committed. */
  blobFiles: string[];
}

/** The database places; call inside the erasure's transaction, before the example's stored text is deleted. */
export function reachInDatabase(
  ws: Workspace,
  erasureId: string,
  forms: readonly string[],
  projectIds: readonly string[],
  datasetIds: readonly string[],
): ReachInDb {
  const repo = new ErasureReachRepository(ws.db);
  const bodies = repo.exampleBodies(forms);
  const needles = quotesOf(bodies);
  const plain = bodies.join('\n').toLowerCase();
  let inboxItems = 0;
  for (const item of repo.inboxOf(projectIds)) {
    if ([item.prompt, item.answers, item.correction, item.review_correction].some((t) => quotes(t, needles))) {
      repo.deleteInboxItem(item.id);
      inboxItems += 1;
    }
  }
  const scrubbedEvaluations: string[] = [];
  const reports: string[] = [];
  for (const e of repo.evaluationsOf(projectIds)) {
    if (!quotes(e.result, needles)) continue;
    repo.scrubEvaluation(e.id, JSON.stringify(scrubJson(JSON.parse(e.result), needles)));
    for (const sha of [e.report_sha256, e.report_pdf_sha256]) if (sha) reports.push(sha);
    scrubbedEvaluations.push(e.id);
  }
  repo.unreferenceBlobs(reports);
  const blobFiles = ws.blobs.collectOrphanRows().map((sha) => ws.blobs.pathOf(sha));
  let piiDecisions = 0;
  for (const d of repo.piiDecisionsOf(datasetIds)) {
    if (d.text.trim() && plain.includes(d.text.toLowerCase())) {
      repo.deletePiiDecision(d);
      piiDecisions += 1;
    }
  }
  repo.addErasureDetails(erasureId, { inboxItems, scrubbedEvaluations, piiDecisions });
  return { inboxItems, scrubbedEvaluations, piiDecisions, blobFiles };
}

/** Pairs of the datasets' pseudonym maps whose original is in the erased texts; returns how many were deleted. */
function reachMaps(ws: Workspace, datasetIds: readonly string[], bodies: readonly string[]): number {
  let removed = 0;
  for (const datasetId of datasetIds) {
    const m = loadMap(ws, datasetId);
    if (!m) continue;
    let changed = false;
    for (const [type, pairs] of Object.entries(m.map.entries) as Array<[PiiType, Record<string, string>]>) {
      const haystacks = bodies.map((b) => normalizeKey(type, b));
      for (const original of Object.keys(pairs)) {
        if (original && haystacks.some((h) => h.includes(original))) {
          delete pairs[original];
          removed += 1;
          changed = true;
        }
      }
    }
    if (changed) saveMap(ws, datasetId, m);
  }
  return removed;
}

/** Tokenized training files of the flagged runs. */
function reachTrainingFiles(ws: Workspace, runIds: readonly string[]): number {
  let removed = 0;
  for (const runId of runIds) {
    const dir = runDirOf(ws, runId);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.fttrain'))) {
      rmSync(join(dir, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** The file places; call after the erasure committed, with the bodies read before its text was deleted. */
export function reachFiles(ws: Workspace, db: ReachInDb, bodies: readonly string[], datasetIds: readonly string[], runIds: readonly string[]) {
  for (const file of db.blobFiles) rmSync(file, { force: true });
  return { mapEntries: reachMaps(ws, datasetIds, bodies), trainingFiles: reachTrainingFiles(ws, runIds) };
}

export function bodiesOf(ws: Workspace, forms: readonly string[]): string[] {
  return new ErasureReachRepository(ws.db).exampleBodies(forms);
}
