// The stored report, shown in the app (a sandboxed frame: the page has no scripts), with where its HTML and PDF are
// kept beside the run, and a form to save a copy elsewhere: in an encrypted workspace the kept files are encrypted,
// so a saved copy is the only one that opens in a browser or a PDF reader.
import { useState } from 'react';
import { Messages } from '../../components/Messages.js';
import { ReplaceFilePrompt } from '../../components/ReplaceFilePrompt.js';
import { SaveAsForm } from '../../components/SaveAsForm.js';
import { useEvalStore } from '../../stores/evalStore.js';

type Format = 'pdf' | 'html';
const FORMATS = [
  { value: 'pdf', label: 'PDF' },
  { value: 'html', label: 'Web page (HTML)' },
] as const;

export function ReportDialog() {
  const report = useEvalStore((s) => s.report);
  const close = useEvalStore((s) => s.closeReport);
  const save = useEvalStore((s) => s.saveReport);
  const keep = useEvalStore((s) => s.keepReportFile);
  const saving = useEvalStore((s) => s.reportSave);
  const [last, setLast] = useState<{ format: Format; file: string } | null>(null);
  if (!report) return null;
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="eval-report-title" className="dialog report-dialog">
      <h3 id="eval-report-title">Evaluation report</h3>
      <p className="muted">
        {report.encrypted
          ? 'Kept with the run, encrypted like the rest of this workspace: save a copy below to open it in a browser or a PDF reader, or to send it.'
          : `Saved with the run: ${report.htmlPath} (web page) and ${report.pdfPath} (PDF).`}
      </p>
      <iframe title="Evaluation report" srcDoc={report.html} sandbox="" className="report-frame" />
      <SaveAsForm<Format>
        name="Save a copy of the report"
        fileLabel="Save a copy as"
        formatLabel="Report format"
        submitLabel="Save a copy"
        placeholder="/home/me/Documents/evaluation.pdf"
        idPrefix="report"
        formats={FORMATS}
        onSave={(format, file) => {
          setLast({ format, file });
          void save(format, file);
        }}
      />
      {saving.exists && last && <ReplaceFilePrompt file={saving.exists} onReplace={() => void save(last.format, last.file, true)} onKeep={keep} />}
      <Messages error={saving.error} notice={saving.notice} />
      <button type="button" onClick={close}>
        Close the report
      </button>
    </div>
  );
}
