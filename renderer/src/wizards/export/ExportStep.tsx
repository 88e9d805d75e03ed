// The Export step: choose a finished run and a format, edit the model card, export with a progress bar; and which
// adapter is the project's current one (promote, roll back).
import { useEffect } from 'react';
import { QuantType } from '../../../../electron/contract/adapters.js';
import type { Project } from '../../../../electron/contract/domain.js';
import { JobProgress } from '../../components/JobProgress.js';
import { Messages } from '../../components/Messages.js';
import { ReplaceFilePrompt } from '../../components/ReplaceFilePrompt.js';
import { useExportStore } from '../../stores/exportStore.js';
import { AdapterVersions } from './AdapterVersions.js';
import { FORMATS } from './formats.js';
import { ImportShared } from './ImportShared.js';

export function ExportStep({ project }: { project: Project }) {
  const s = useExportStore();
  useEffect(() => {
    void s.open(project.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project.id]);

  if (s.runs.length === 0) {
    return (
      <div className="export-step">
        <Messages error={s.error} notice={s.error ? null : s.notice} />
        <p>There is nothing to export yet: finish a training run in the Train step first.</p>
        <ImportShared />
      </div>
    );
  }
  const chosen = s.runs.find((r) => r.id === s.runId);
  return (
    <div className="export-step">
      <p>Save the adapter for the tools your colleagues use. Every export carries a model card that says what the adapter is and how it was made.</p>
      <Messages error={s.error} notice={s.error ? null : s.notice} />
      <label>
        Training run
        <select value={s.runId ?? ''} onChange={(e) => void s.chooseRun(e.target.value)}>
          {s.runs.map((r) => (
            <option key={r.id} value={r.id}>
              {new Date(r.createdAt).toLocaleString()} · {r.baseLabel ?? 'base model'}
              {r.candidate ? ' (candidate)' : ''}
              {s.versions?.currentRunId === r.id ? ' (current)' : ''}
            </option>
          ))}
        </select>
      </label>
      {chosen?.needsRetraining && (
        <p className="banner warning" role="alert">
          This model needs retraining. {chosen.needsRetraining.reason} Sharing it also shares what it learned from the erased examples.
        </p>
      )}
      {s.leakPassed === false && (
        <p className="banner warning" role="alert">
          The leak check of this adapter failed: it repeated training text or a personal identifier word for word. Look at the examples in the Evaluate step
          before you share it; the model card says so too.
        </p>
      )}
      <fieldset>
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.id} className="choice">
            <input type="radio" name="export-format" checked={s.format === f.id} onChange={() => s.setFormat(f.id)} />
            <span>
              <strong>{f.label}</strong> <small>{f.help}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {s.format === 'merged' && (
        <label>
          Compression
          <select value={s.quant} onChange={(e) => s.set({ quant: e.target.value as QuantType })}>
            {QuantType.options.map((q) => (
              <option key={q} value={q}>
                {q}
                {q === 'Q8_0' ? ' (nearly lossless, half size)' : q === 'Q4_K_M' ? ' (smaller, small quality loss)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {s.format === 'bundle' && (
        <label>
          Passphrase (optional)
          <input type="password" value={s.passphrase} autoComplete="new-password" onChange={(e) => s.set({ passphrase: e.target.value })} />
        </label>
      )}
      {s.format === 'job' && (
        <label className="choice">
          <input type="checkbox" checked={s.confirmed} onChange={(e) => s.set({ confirmed: e.target.checked })} />I understand this copies the examples (their
          privacy-protected version where one exists), the split and the settings off this computer.
        </label>
      )}
      <label>
        Save to
        <input value={s.out} onChange={(e) => s.set({ out: e.target.value })} />
      </label>
      <label>
        Model card
        <textarea rows={12} value={s.card} onChange={(e) => s.editCard(e.target.value)} />
      </label>
      <button type="button" onClick={() => void s.start()} disabled={!!s.jobId || (s.format === 'job' && !s.confirmed)}>
        Export
      </button>
      {s.exists && <ReplaceFilePrompt file={s.exists} busy={!!s.jobId} onReplace={() => void s.start(true)} onKeep={s.keepExisting} />}
      {s.jobId && <JobProgress jobId={s.jobId} label="Export progress" cancelLabel="Stop" />}
      {s.result && (
        <section aria-label="Exported files">
          <h3>Written</h3>
          <ul>
            {s.result.files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          {s.result.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </section>
      )}
      <AdapterVersions />
      <ImportShared />
    </div>
  );
}
