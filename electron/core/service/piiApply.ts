// Applying a reviewed redaction: a job that writes a NEW dataset version (operation 'redact') whose parent is the
// reviewed one, with its report in the same transaction. The pseudonym map goes to its own file, written just
// before the commit; a cancelled or failed run writes neither version nor report (see the checks below).
import { randomBytes } from 'node:crypto';
import type { DatasetVersion } from '../../contract/datasets.js';
import type { Job } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { PiiApplyResult, RedactionMode, RedactionPolicy, RedactionReport, StoredRedactionReport } from '../../contract/pii.js';
import { createChildVersion, requireVersion, type NewMember } from '../data/datasetOps.js';
import { datasetsOf } from '../data/datasetRepo.js';
import { throwIfAborted } from '../data/errors.js';
import { createPseudonymMap, redactText } from '../pii/redact.js';
import { buildRedactionReport } from '../pii/report.js';
import { loadPiiResources } from '../pii/resources.js';
import { applyDecisions } from '../pii/review.js';
import type { PiiSpan } from '../pii/types.js';
import { redactionOf } from '../store/repositories/redaction.js';
import type { Workspace } from '../workspace.js';
import { scanFields } from './piiDetect.js';
import { versionFields, withFieldTexts } from './piiFields.js';
import { deleteMap, loadOrCreateMap, saveMap } from './piiMaps.js';
import { engineDecisions, projectOfVersion, toDecision } from './piiService.js';

const CANCELLED = 'The redaction was cancelled; no new version was made.';
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

export function startApply(ws: Workspace, versionId: string, mode: RedactionMode, policy: RedactionPolicy): Job {
  const parent = requireVersion(ws, versionId);
  const projectId = projectOfVersion(ws, parent);
  return ws.jobs.start({ kind: 'pii.apply', projectId, params: { versionId, mode, policy } }, async (job): Promise<PiiApplyResult> => {
    const repo = redactionOf(ws);
    const resources = loadPiiResources();
    const examples = versionFields(ws, versionId);
    // What the reviewer saw is what gets applied: the stored scan. Without one (a script, the CLI), detect now.
    const scan = repo.scanSummary(versionId) ? repo.scanSpans(versionId) : (await scanFields(examples, resources, job)).spans;
    const decisionRows = repo.decisions(parent.datasetId);
    const decisions = engineDecisions(decisionRows);
    // Mask mode needs no secret and keeps no map; pseudonyms extend the dataset's map so surrogates stay the same.
    const dm = mode === 'pseudonym' ? loadOrCreateMap(ws, parent.datasetId) : { secret: randomBytes(32), map: createPseudonymMap() };
    const allowed = new Set(policy.types);
    const forReport: { text: string; detected: PiiSpan[]; redacted: PiiSpan[] }[] = [];
    const members: NewMember[] = [];
    let last = Date.now();
    for (let i = 0; i < examples.length; i++) {
      const e = examples[i]!;
      // Yield at the start too, so a cancel sent right after the start is seen before anything is computed.
      if (i === 0 || Date.now() - last > 25) {
        job.onProgress({ phase: 'Replacing personal data', current: i, total: examples.length });
        await yieldNow();
        throwIfAborted(job.signal, CANCELLED);
        last = Date.now();
      }
      const stored = scan.get(e.position) ?? {};
      const texts = new Map<string, string>();
      const detected: PiiSpan[] = [];
      const redacted: PiiSpan[] = [];
      for (const f of e.fields) {
        const found = (stored[f.field] ?? []) as PiiSpan[];
        const spans = applyDecisions(f.text, found, decisions).filter((s) => allowed.has(s.type));
        // One record id per example (its content hash): every date in an example moves by the same offset.
        texts.set(f.field, redactText(f.text, spans, mode, { secret: dm.secret, recordId: e.hash, resources, map: dm.map, policy }).text);
        detected.push(...found);
        redacted.push(...spans);
      }
      forReport.push({ text: e.fields.map((f) => f.text).join('\n'), detected, redacted });
      members.push({ example: withFieldTexts(e.example, texts), split: e.split });
    }
    const report = buildRedactionReport({ mode, policy, records: forReport, decisions }) as RedactionReport;
    throwIfAborted(job.signal, CANCELLED);
    // From here on nothing checks the signal: the map and the version are written together or the job fails.
    if (mode === 'pseudonym') saveMap(ws, parent.datasetId, dm);
    const details = { mode, policy: policy.types, redacted: report.totalRedacted, decisions: decisionRows.length };
    const version = ws.db.transaction(() => {
      const v = createChildVersion(ws, parent, 'redact', details, members);
      repo.saveReport({ versionId: v.id, sourceVersionId: parent.id, report, decisions: decisionRows, createdAt: report.createdAt });
      return v;
    })();
    job.onProgress({ phase: 'Replacing personal data', current: examples.length, total: examples.length });
    return { version: version as DatasetVersion, report };
  });
}

export function versionReport(ws: Workspace, versionId: string): StoredRedactionReport | null {
  requireVersion(ws, versionId);
  const r = redactionOf(ws).report(versionId);
  if (!r) return null;
  return { versionId: r.versionId, sourceVersionId: r.sourceVersionId, report: r.report as RedactionReport, decisions: r.decisions.map(toDecision) };
}

export function deleteDatasetMap(ws: Workspace, datasetId: string): { deleted: boolean } {
  if (!datasetsOf(ws).getDataset(datasetId)) throw new FieldtuneError('NOT_FOUND', `No dataset with id ${datasetId}`);
  const deleted = deleteMap(ws, datasetId);
  if (deleted) ws.audit.append({ actor: 'user', action: 'pii.map.delete', subject: datasetId });
  return { deleted };
}
