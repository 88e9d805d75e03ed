// The stored report, shown in the app (a sandboxed frame: the page has no scripts), with where its HTML and PDF are
// kept beside the run, and a form to save a copy elsewhere: in an encrypted workspace the kept files are encrypted,
// so a saved copy is the only one that opens in a browser or a PDF reader.
import { useState, type FormEvent } from 'react';
import { Messages } from '../../components/Messages.js';
import { useEvalStore } from '../../stores/evalStore.js';

export function ReportDialog() {
  const report = useEvalStore((s) => s.report);
  const close = useEvalStore((s) => s.closeReport);
  const save = useEvalStore((s) => s.saveReport);
  const saving = useEvalStore((s) => s.reportSave);
  const [format, setFormat] = useState<'pdf' | 'html'>('pdf');
  const [outFile, setOutFile] = useState('');
  if (!report) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (outFile.trim()) void save(format, outFile.trim());
  };
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="eval-report-title" className="dialog report-dialog">
      <h3 id="eval-report-title">Evaluation report</h3>
      <p className="muted">
        {report.encrypted
          ? 'Kept with the run, encrypted like the rest of this workspace: save a copy below to open it in a browser or a PDF reader, or to send it.'
          : `Saved with the run: ${report.htmlPath} (web page) and ${report.pdfPath} (PDF).`}
      </p>
      <iframe title="Evaluation report" srcDoc={report.html} sandbox="" className="report-frame" />
      <form className="row wrap" aria-label="Save a copy of the report" onSubmit={submit}>
        <label htmlFor="report-file">Save a copy as</label>
        <input id="report-file" className="grow" value={outFile} placeholder="/home/me/Documents/evaluation.pdf" onChange={(e) => setOutFile(e.target.value)} />
        <label htmlFor="report-format" className="visually-hidden">
          Report format
        </label>
        <select id="report-format" value={format} onChange={(e) => setFormat(e.target.value as 'pdf' | 'html')}>
          <option value="pdf">PDF</option>
          <option value="html">Web page (HTML)</option>
        </select>
        <button type="submit" className="ghost" disabled={!outFile.trim()}>
          Save a copy
        </button>
      </form>
      {saving.exists && (
        <p role="alert">
          {saving.exists} already exists.{' '}
          <button type="button" className="danger" onClick={() => void save(format, outFile.trim(), true)}>
            Replace it
          </button>
        </p>
      )}
      <Messages error={saving.error} notice={saving.notice} />
      <button type="button" onClick={close}>
        Close the report
      </button>
    </div>
  );
}
