// Applying a reviewed redaction: a job that writes a NEW dataset version (operation 'redact') whose parent is the
// reviewed one, with its report in the same transaction. The pseudonym map goes to its own file, written just
// before the commit; a cancelled or failed run writes neither version nor report (see the checks below).
import type { DatasetVersion } from '../../../contract/datasets.js';
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { PiiApplyResult, RedactionMode, RedactionPolicy, RedactionReport, StoredRedactionReport } from '../../../contract/pii.js';
import { createChildVersionFromRows, requireVersion } from '../datasets/versions.js';
import { readsDayFirst } from '../../data/dateLocale.js';
import { throwIfAborted } from '../../data/errors.js';
import { redactionOf } from '../../store/repositories/redaction.js';
import { runInWorker } from '../../workers/runInWorker.js';
import { databaseSource, type Workspace } from '../../workspace.js';
import { deleteMap, loadMap, saveMap } from './maps.js';
import { engineDecisions, projectOfVersion, redactedAncestor, toDecision } from './pii.js';

const CANCELLED = 'The redaction was cancelled; no new version was made.';

export function startApply(ws: Workspace, versionId: string, mode: RedactionMode, policy: RedactionPolicy): JobOf<'pii.apply'> {
  const parent = requireVersion(ws, versionId);
  const projectId = projectOfVersion(ws, parent);
  return ws.jobs.start({ kind: 'pii.apply', projectId, params: { versionId, mode, policy } }, async (job): Promise<PiiApplyResult> => {
    const repo = redactionOf(ws);
    const decisionRows = repo.decisions(parent.datasetId);
    // Mask mode needs no secret and keeps no map; pseudonyms extend the dataset's map so surrogates stay the same.
    const existing = mode === 'pseudonym' ? loadMap(ws, parent.datasetId) : null;
    // The replacing (every field of every example, the report's counts) runs in a worker thread that reads the
    // version itself; what the reviewer saw is what gets applied: the stored scan (without one, it detects now).
    const out = await runInWorker(
      'pii.apply',
      {
        ...databaseSource(ws),
        versionId,
        scan: repo.scanSummary(versionId) ? 'stored' : 'detect',
        decisions: engineDecisions(decisionRows),
        mode,
        policy,
        kept: existing ? { secret: new Uint8Array(existing.secret), map: existing.map } : null,
        dayFirst: readsDayFirst(ws.projects.get(projectId)?.locale),
      },
      { signal: job.signal, cancelledMessage: CANCELLED, onProgress: (phase, current, total) => job.onProgress({ phase, current, total }) },
    );
    const { report } = out;
    throwIfAborted(job.signal, CANCELLED);
    // From here on nothing checks the signal: the map and the version are written together or the job fails.
    if (mode === 'pseudonym') saveMap(ws, parent.datasetId, { secret: Buffer.from(out.secret), map: out.map });
    const details = { mode, policy: policy.types, redacted: report.totalRedacted, decisions: decisionRows.length, surrogateCollisions: out.collisions };
    const version = ws.db.transaction(() => {
      const v = createChildVersionFromRows(ws, parent, 'redact', details, out.rows);
      repo.saveReport({ versionId: v.id, sourceVersionId: parent.id, report, decisions: decisionRows, createdAt: report.createdAt });
      return v;
    })();
    return { version: version as DatasetVersion, report };
  });
}

/** The report of this version's redaction, or of the ancestor it was derived from (a split of a redacted version). */
export function versionReport(ws: Workspace, versionId: string): StoredRedactionReport | null {
  const redacted = redactedAncestor(ws, requireVersion(ws, versionId));
  if (!redacted) return null;
  const r = redactionOf(ws).report(redacted.id);
  if (!r) return null;
  return { versionId: r.versionId, sourceVersionId: r.sourceVersionId, report: r.report as RedactionReport, decisions: r.decisions.map(toDecision) };
}

export function deleteDatasetMap(ws: Workspace, datasetId: string): { deleted: boolean } {
  if (!ws.datasets.getDataset(datasetId)) throw new FieldtuneError('NOT_FOUND', `No dataset with id ${datasetId}`);
  const deleted = deleteMap(ws, datasetId);
  if (deleted) ws.audit.append({ actor: 'user', action: 'pii.map.delete', subject: datasetId });
  return { deleted };
}
