// Reading stored evaluations: the history list (per project or run, newest first) and one evaluation in full.
import { FieldtuneError } from '../../../contract/errors.js';
import { EvaluationResult, type Evaluation, type EvaluationSummary } from '../../../contract/evaluation.js';
import { evaluationsOf, type EvaluationSummaryRow } from '../../store/repositories/evaluations.js';
import type { Workspace } from '../../workspace.js';

function summary(ws: Workspace, r: EvaluationSummaryRow): EvaluationSummary {
  return {
    id: r.id,
    projectId: r.project_id,
    runId: r.run_id,
    versionId: r.version_id,
    createdAt: r.created_at,
    systems: JSON.parse(r.systems) as EvaluationSummary['systems'],
    verdict: r.verdict,
    leakPassed: r.leak_passed === null ? null : r.leak_passed === 1,
    reportPath: r.report_sha256 ? ws.blobs.pathOf(r.report_sha256) : null,
    reportPdfPath: r.report_pdf_sha256 ? ws.blobs.pathOf(r.report_pdf_sha256) : null,
  };
}

export function listEvaluations(ws: Workspace, filter: { projectId?: string; runId?: string }): EvaluationSummary[] {
  return evaluationsOf(ws)
    .list(filter)
    .map((r) => summary(ws, r));
}

export function getEvaluation(ws: Workspace, id: string): Evaluation {
  const row = evaluationsOf(ws).get(id);
  if (!row) throw new FieldtuneError('NOT_FOUND', `No evaluation ${id}`, { details: { evaluation: id } });
  return { ...summary(ws, row), result: EvaluationResult.parse(JSON.parse(row.result)) };
}
