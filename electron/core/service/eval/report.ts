// eval:report: the evaluation's report, HTML and PDF, written once and stored with the run as blobs of its project.
import { readWorkspaceFile } from '../../disk/encryption.js';
import type { EvalReport } from '../../../contract/evalRequests.js';
import { reportHtml } from '../../eval/report/html.js';
import { reportPdf } from '../../eval/report/pdf.js';
import { evaluationsOf } from '../../store/repositories/evaluations.js';
import type { Workspace } from '../../workspace.js';
import { getEvaluation } from './evaluations.js';
import { writeFileAtomic } from '../../disk/atomicWrite.js';
import { userOutFile } from '../files/outFile.js';

export async function evaluationReport(ws: Workspace, id: string): Promise<EvalReport> {
  const e = getEvaluation(ws, id);
  if (e.reportPath && e.reportPdfPath) {
    const html = await readWorkspaceFile(e.reportPath).then(
      (b) => b.toString('utf8'),
      () => null,
    );
    if (html !== null) return { html, htmlPath: e.reportPath, pdfPath: e.reportPdfPath, encrypted: ws.encryptionKey !== undefined };
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
  return { html, htmlPath: ws.blobs.pathOf(h.sha256), pdfPath: ws.blobs.pathOf(p.sha256), encrypted: ws.encryptionKey !== undefined };
}

/** eval:save-report: the report (made first if need be) written in plain form to a file the person named. */
export async function saveEvaluationReport(ws: Workspace, id: string, format: 'html' | 'pdf', outFile: string, overwrite: boolean): Promise<{ file: string }> {
  const file = await userOutFile(outFile, overwrite);
  const report = await evaluationReport(ws, id);
  const bytes = format === 'html' ? Buffer.from(report.html, 'utf8') : await readWorkspaceFile(report.pdfPath);
  writeFileAtomic(file, bytes, { plain: true });
  // a copy of the answers (which may quote the data) now lives outside the workspace: the audit log says where
  ws.audit.append({ actor: 'user', action: 'eval.report-saved', subject: id, details: { out: file, format } });
  return { file };
}
