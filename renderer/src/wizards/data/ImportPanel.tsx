import type { FormEvent } from 'react';
import type { ImportFormat } from '../../../../electron/contract/datasets.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { ImportPreviewView } from './ImportPreviewView.js';
import { JobProgress } from '../../components/JobProgress.js';

const FORMATS: Array<{ value: ImportFormat; label: string }> = [
  { value: 'chat', label: 'Chat messages (JSONL "messages")' },
  { value: 'sharegpt', label: 'ShareGPT ("conversations")' },
  { value: 'alpaca', label: 'Alpaca (instruction / input / output)' },
  { value: 'prompt-completion', label: 'Prompt and completion' },
  { value: 'text', label: 'Plain text records ("text")' },
  { value: 'csv', label: 'CSV spreadsheet' },
  { value: 'tsv', label: 'TSV (tab-separated)' },
  { value: 'xlsx', label: 'Excel workbook (XLSX)' },
  { value: 'documents', label: 'Documents (TXT, Markdown, PDF, DOCX) as raw text' },
];

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1', 'macintosh', 'windows-1250', 'shift_jis'];

/** Import: a path, a preview of what Fieldtune read, the choices that fix a refusal, then the import job. */
export function ImportPanel() {
  const form = useDatasetsStore((s) => s.form);
  const setForm = useDatasetsStore((s) => s.setForm);
  const preview = useDatasetsStore((s) => s.preview);
  const previewing = useDatasetsStore((s) => s.previewing);
  const runPreview = useDatasetsStore((s) => s.runPreview);
  const startImport = useDatasetsStore((s) => s.startImport);
  const jobId = useDatasetsStore((s) => s.importJobId);
  const done = useDatasetsStore((s) => s.importDone);
  const browse = useDatasetsStore((s) => s.browse);
  const canBrowse = useDatasetsStore((s) => s.canBrowse());
  const samples = useDatasetsStore((s) => s.samples);
  const chooseSample = useDatasetsStore((s) => s.pickSample);

  function submit(event: FormEvent) {
    event.preventDefault();
    void runPreview();
  }
  async function pick() {
    const chosen = await browse();
    if (chosen) {
      setForm({ path: chosen });
      void runPreview();
    }
  }
  const change = (patch: Parameters<typeof setForm>[0]) => {
    setForm(patch);
    void runPreview();
  };

  return (
    <section aria-labelledby="import-title" className="data-section">
      <h3 id="import-title">Import examples</h3>
      <p className="muted">
        Spreadsheets (CSV, TSV, Excel), chat exports (JSONL or JSON: chat messages, ShareGPT, Alpaca, prompt/completion), or documents (TXT, Markdown, PDF,
        Word; a file or a whole folder). Nothing is saved until you press Import.
      </p>
      <form className="row" aria-label="Choose a file" onSubmit={submit}>
        <label htmlFor="data-path">Path to a file or folder on this computer</label>
        <input
          id="data-path"
          className="grow"
          value={form.path}
          placeholder="/home/me/Documents/questions.csv"
          onChange={(e) => setForm({ path: e.target.value })}
        />
        {canBrowse && (
          <button type="button" className="ghost" onClick={() => void pick()}>
            Browse…
          </button>
        )}
        <button type="submit" disabled={!form.path.trim() || previewing}>
          {previewing ? 'Reading…' : 'Preview'}
        </button>
      </form>
      {!preview && !form.path && samples.length > 0 && (
        <p className="muted">
          No file at hand?{' '}
          {samples.map((s) => (
            <button key={s.path} type="button" className="ghost" onClick={() => chooseSample(s.path)}>
              Try the {s.label} ({s.examples} examples)
            </button>
          ))}
        </p>
      )}
      {preview && (
        <>
          <div className="row wrap">
            <label htmlFor="data-format">Format</label>
            <select id="data-format" value={form.format ?? ''} onChange={(e) => change({ format: (e.target.value || undefined) as ImportFormat | undefined })}>
              <option value="">
                Detect ({preview.format ? (FORMATS.find((f) => f.value === preview.format)?.label ?? preview.format) : 'not recognised'})
              </option>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
            <label htmlFor="data-encoding">Text encoding</label>
            <select id="data-encoding" value={form.encoding ?? ''} onChange={(e) => change({ encoding: e.target.value || undefined })}>
              <option value="">
                Detect (
                {preview.encoding ??
                  (preview.problem?.kind === 'encoding'
                    ? 'not UTF-8 or UTF-16'
                    : preview.reader === 'xlsx' || preview.reader === 'documents'
                      ? 'not needed'
                      : 'unknown')}
                )
              </option>
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          </div>
          <ImportPreviewView preview={preview} />
          <div className="row wrap">
            <input id="skip-bad" type="checkbox" checked={form.skipBad} onChange={(e) => setForm({ skipBad: e.target.checked })} />
            <label htmlFor="skip-bad">Skip bad rows (import the rest; the rows left out are saved in the workspace for you to check)</label>
          </div>
          <button type="button" disabled={Boolean(preview.problem) || Boolean(jobId)} onClick={() => void startImport()}>
            Import this file
          </button>
        </>
      )}
      {jobId && <JobProgress jobId={jobId} label="Import progress" cancelLabel="Cancel import" />}
      {done && (
        <p role="status" className="notice">
          {done} Go on to <strong>Clean</strong> to find duplicates.
        </p>
      )}
    </section>
  );
}
