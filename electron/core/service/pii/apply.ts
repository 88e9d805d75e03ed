// Applying a reviewed redaction: a job that writes a NEW dataset version (operation 'redact') whose parent is the
// reviewed one, with its report in the same transaction. The pseudonym map goes to its own file, written just
// before the commit; a cancelled or failed run writes neither version nor report (see the checks below).
import { randomBytes } from 'node:crypto';
import type { DatasetVersion } from '../../../contract/datasets.js';
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { PiiApplyResult, RedactionMode, RedactionPolicy, RedactionReport, StoredRedactionReport } from '../../../contract/pii.js';
import { createChildVersion, requireVersion } from '../datasets/versions.js';
import { readsDayFirst } from '../../data/dateLocale.js';
import { throwIfAborted } from '../../data/errors.js';
import { createPseudonymMap } from '../../pii/redact.js';
import { buildRedactionReport } from '../../pii/report.js';
import { loadPiiResources } from '../../pii/resources.js';
import { redactionOf } from '../../store/repositories/redaction.js';
import type { Workspace } from '../../workspace.js';
import { scanFields } from './detect.js';
import { versionFields } from './fields.js';
import { deleteMap, loadMap, saveMap, type DatasetMap } from './maps.js';
import { redactExamples } from './redactRun.js';
import { engineDecisions, projectOfVersion, redactedAncestor, toDecision } from './pii.js';

const CANCELLED = 'The redaction was cancelled; no new version was made.';

export function startApply(ws: Workspace, versionId: string, mode: RedactionMode, policy: RedactionPolicy): JobOf<'pii.apply'> {
  const parent = requireVersion(ws, versionId);
  const projectId = projectOfVersion(ws, parent);
  return ws.jobs.start({ kind: 'pii.apply', projectId, params: { versionId, mode, policy } }, async (job): Promise<PiiApplyResult> => {
    const repo = redactionOf(ws);
    const resources = loadPiiResources();
    const dayFirst = readsDayFirst(ws.projects.get(projectId)?.locale);
    const examples = versionFields(ws, versionId);
    // What the reviewer saw is what gets applied: the stored scan. Without one (a script, the CLI), detect now.
    const scan = repo.scanSummary(versionId) ? repo.scanSpans(versionId) : (await scanFields(examples, job)).spans;
    const decisionRows = repo.decisions(parent.datasetId);
    const decisions = engineDecisions(decisionRows);
    // Mask mode needs no secret and keeps no map; pseudonyms extend the dataset's map so surrogates stay the same.
    const existing = mode === 'pseudonym' ? loadMap(ws, parent.datasetId) : null;
    let dm = existing ?? { secret: randomBytes(32), map: createPseudonymMap() };
    const run = (m: DatasetMap) =>
      redactExamples({ examples, scan, decisions, mode, policy, secret: m.secret, map: m.map, resources, job, cancelledMessage: CANCELLED, dayFirst });
    let out = await run(dm);
    // A surrogate equal to a real identifier of the dataset: with a new map, draw again (a kept map fixes the secret).
    for (let tries = 1; out.collisions > 0 && !existing && mode === 'pseudonym' && tries < 5; tries++) {
      const fresh = { secret: randomBytes(32), map: createPseudonymMap() };
      const again = await run(fresh);
      if (again.collisions < out.collisions) [out, dm] = [again, fresh];
    }
    const { members, forReport } = out;
    const report = buildRedactionReport({ mode, policy, records: forReport, decisions }) as RedactionReport;
    throwIfAborted(job.signal, CANCELLED);
    // From here on nothing checks the signal: the map and the version are written together or the job fails.
    if (mode === 'pseudonym') saveMap(ws, parent.datasetId, dm);
    const details = { mode, policy: policy.types, redacted: report.totalRedacted, decisions: decisionRows.length, surrogateCollisions: out.collisions };
    const version = ws.db.transaction(() => {
      const v = createChildVersion(ws, parent, 'redact', details, members);
      repo.saveReport({ versionId: v.id, sourceVersionId: parent.id, report, decisions: decisionRows, createdAt: report.createdAt });
      return v;
    })();
    job.onProgress({ phase: 'Replacing personal data', current: examples.length, total: examples.length });
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
