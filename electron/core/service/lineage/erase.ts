// Erasing an example everywhere it can still be used.
//
// What "a version that can still change" means here: none can. Versions are immutable snapshots (a model's record
// of what it was trained on depends on that), so an erasure:
// 1. writes a NEW newest version of every dataset whose newest version lists the example (or a redacted or
//    corrected form of it), without it: everything done from now on (training, evaluation, export) starts there;
// 2. replaces the example in every OLDER version that lists it with an "[erased]" placeholder, at the same place and
//    split, and deletes the stored text once nothing lists it (with SQLite's secure delete, and the write-ahead log
//    folded back), so the text cannot be brought back from this workspace. Those versions are marked as scrubbed
//    (erased_versions): their stored hash no longer matches their content, and that row says why;
// 3. flags every run trained on a version that listed it (and runs continued from those) for retraining: their
//    adapters learned from the example and cannot unlearn it;
// 4. writes one audit row (plus each new version's own row). Copies that already left the computer (exported
//    adapters, share bundles, job packages) cannot be recalled: the lineage lists them so the person can follow up.
import { randomUUID } from 'node:crypto';
import { FieldtuneError } from '../../../contract/errors.js';
import { ERASE_CONFIRM_WORD, type ErasureResult } from '../../../contract/lineageRequests.js';
import { LineageRepository } from '../../store/repositories/lineage.js';
import type { Workspace } from '../../workspace.js';
import { createChildVersion, loadMembers } from '../datasets/versions.js';
import { bodiesOf, reachFiles, reachInDatabase, type ReachInDb } from './eraseReach.js';
import { exportsOf, placeholderOf, runsOf, traceExample } from './trace.js';

export interface EraseInput {
  versionId: string;
  position: number;
  confirm: string;
  reason?: string | undefined;
}

export function retrainReason(at: string, reason: string | null): string {
  return `Some of the examples this model learned from were erased on ${new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}${reason ? ` (${reason})` : ''}. Train it again on the newest version of the data.`;
}

export function eraseExample(ws: Workspace, input: EraseInput): ErasureResult {
  if (input.confirm.trim().toLowerCase() !== ERASE_CONFIRM_WORD) {
    throw new FieldtuneError('INVALID_INPUT', `To erase, type the word "${ERASE_CONFIRM_WORD}". Nothing was changed.`);
  }
  const trace = traceExample(ws, input.versionId, input.position);
  const repo = new LineageRepository(ws.db);
  const runs = runsOf(ws, new Set(trace.versions.keys()));
  const exportsOutside = exportsOf(ws, trace.versions.keys(), runs).length;
  const reason = input.reason?.trim() || null;
  const erasureId = randomUUID();
  const at = new Date().toISOString();
  const newVersions: ErasureResult['newVersions'] = [];
  let scrubbed = 0;
  // read before the transaction deletes them: the files reached afterwards are matched against these texts
  const bodies = bodiesOf(ws, [...trace.forms]);
  const tracedDatasets = [...new Set([...trace.versions.values()].map((v) => v.row.dataset_id))];
  const projectIds = [...new Set([...trace.versions.values()].map((v) => v.row.project_id))];
  let reached: ReachInDb | undefined;

  repo.scrubbing(() =>
    ws.db.transaction(() => {
      repo.createErasure({
        id: erasureId,
        actor: 'user',
        reason: reason ?? '',
        details: { versions: trace.versions.size, runs: runs.length, exportsOutside },
        at,
      });
      // 1. a new newest version per dataset, from the members as they are before any scrubbing
      const datasetIds = new Set([...trace.versions.values()].map((v) => v.row.dataset_id));
      for (const datasetId of datasetIds) {
        const newest = ws.datasets.listVersions(datasetId).at(-1);
        const traced = newest ? trace.versions.get(newest.id) : undefined;
        if (!newest || !traced) continue;
        const drop = new Set(traced.positions);
        const keep = loadMembers(ws, newest.id).filter((m) => !drop.has(m.position));
        const version = createChildVersion(
          ws,
          newest,
          'erase',
          { erasureId, removed: drop.size, ...(reason ? { reason } : {}) },
          keep.map((m) => ({ example: m.example, split: m.split })),
        );
        newVersions.push({ datasetId, datasetName: traced.row.dataset_name, fromVersionId: newest.id, versionId: version.id, removed: drop.size });
      }
      // 2. the example's place in every older version holds a placeholder; the text goes once nothing lists it
      for (const { row, positions } of trace.versions.values()) {
        const kind = ws.datasets.getDataset(row.dataset_id)?.kind ?? 'chat';
        const placeholder = placeholderOf(kind);
        const placeholderId = ws.datasets.putExample(placeholder.hash, kind, placeholder.body, at);
        for (const position of positions) repo.scrubMember(row.id, position, placeholderId);
        repo.markErased(row.id, erasureId, positions.length);
        scrubbed += 1;
      }
      // 2b. the inbox, stored evaluations and personal-data decisions that quote it (eraseReach.ts)
      reached = reachInDatabase(ws, erasureId, [...trace.forms], projectIds, tracedDatasets);
      const deleted = repo.deleteUnlisted([...trace.forms]);
      // 3. runs and their adapters
      const why = retrainReason(at, reason);
      for (const run of runs) repo.flagRun(run.id, erasureId, why, at);
      // 4. the audit row: counts and ids only, never the erased text or its hash
      ws.audit.append({
        actor: 'user',
        action: 'lineage.erase',
        subject: erasureId,
        details: {
          scrubbedVersions: scrubbed,
          newVersions: newVersions.map((v) => v.versionId),
          flaggedRuns: runs.map((r) => r.id),
          exportsOutside,
          deletedExamples: deleted,
          inboxItems: reached.inboxItems,
          scrubbedEvaluations: reached.scrubbedEvaluations,
          piiDecisions: reached.piiDecisions,
          ...(reason ? { reason } : {}),
        },
      });
    })(),
  );
  // 5. files, once the database committed: report files, pseudonym-map pairs, the flagged runs' training files
  const files = reachFiles(
    ws,
    reached!,
    bodies,
    tracedDatasets,
    runs.map((r) => r.id),
  );
  ws.audit.append({ actor: 'user', action: 'lineage.erase-files', subject: erasureId, details: { ...files, reportFiles: reached!.blobFiles.length } });
  return { erasureId, newVersions, scrubbedVersions: scrubbed, flaggedRuns: runs.map((r) => r.id), exportsOutside };
}
