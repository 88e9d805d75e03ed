// eval:report: the evaluation's report, HTML and PDF, written once and stored with the run as blobs of its project.
import { readWorkspaceFile } from '../../disk/encryption.js';
import type { EvalReport } from '../../../contract/evalRequests.js';
import { reportHtml } from '../../eval/report/html.js';
import { reportPdf } from '../../eval/report/pdf.js';
import { evaluationsOf } from '../../store/repositories/evaluations.js';
import type { Workspace } from '../../workspace.js';
import { getEvaluation } from './evaluations.js';

export async function evaluationReport(ws: Workspace, id: string): Promise<EvalReport> {
  const e = getEvaluation(ws, id);
  if (e.reportPath && e.reportPdfPath) {
    const html = await readWorkspaceFile(e.reportPath).then(
      (b) => b.toString('utf8'),
      () => null,
    );
    if (html !== null) return { html, htmlPath: e.reportPath, pdfPath: e.reportPdfPath };
  }
  const meta = { title: 'Evaluation report', runId: e.runId, createdAt: e.createdAt, examples: e.result.examples.length };
  const html = reportHtml(e.result, meta);
  const pdf = await reportPdf(e.result, meta);
  const h = await ws.blobs.put(new TextEncoder().encode(html));
  const p = await ws.blobs.put(pdf);
  const repo = evaluationsOf(ws);
  repo.transaction(() => {
    if (e.projectId) {
      ws.blobs.reference(e.projectId, h.sha256, 'evaluation-report');
      ws.blobs.reference(e.projectId, p.sha256, 'evaluation-report-pdf');
    }
    repo.saveReport(id, h.sha256, p.sha256);
  });
  return { html, htmlPath: ws.blobs.pathOf(h.sha256), pdfPath: ws.blobs.pathOf(p.sha256) };
}
