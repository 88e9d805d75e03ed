// The stored report, shown in the app (a sandboxed frame: the page has no scripts) with where its HTML and PDF are
// saved beside the run.
import { useEvalStore } from '../../stores/evalStore.js';

export function ReportDialog() {
  const report = useEvalStore((s) => s.report);
  const close = useEvalStore((s) => s.closeReport);
  if (!report) return null;
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="eval-report-title" className="dialog report-dialog">
      <h3 id="eval-report-title">Evaluation report</h3>
      <p className="muted">
        Saved with the run: {report.htmlPath} (web page) and {report.pdfPath} (PDF).
      </p>
      <iframe title="Evaluation report" srcDoc={report.html} sandbox="" className="report-frame" />
      <button type="button" onClick={close}>
        Close the report
      </button>
    </div>
  );
}
