import { useEffect, useRef } from 'react';
import type { Lineage } from '../../../../electron/contract/lineageRequests.js';
import { confirmed, useLineageStore } from '../../stores/lineageStore.js';
import { OPERATION } from './VersionList.js';
import './lineage.css';

const when = (at: string): string => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const FORMAT: Record<string, string> = {
  'data-jsonl': 'Data file (JSONL)',
  'data-csv': 'Data file (CSV)',
  gguf: 'Adapter file',
  peft: 'Adapter for Hugging Face tools',
  ollama: 'Ollama model folder',
  bundle: 'Share bundle',
  merged: 'Merged model',
  job: 'Training package (includes the data itself)',
};

const STATUS: Record<string, string> = {
  succeeded: 'finished',
  running: 'still training',
  failed: 'failed',
  cancelled: 'stopped',
  interrupted: 'interrupted',
};

function Uses({ lineage }: { lineage: Lineage }) {
  return (
    <>
      <section aria-labelledby="lineage-versions">
        <h3 id="lineage-versions">Dataset versions that hold it ({lineage.versions.length})</h3>
        <ul className="lineage-list">
          {lineage.versions.map((v) => (
            <li key={v.id}>
              <strong>{v.datasetName}</strong>: {OPERATION[v.operation] ?? v.operation}, {when(v.createdAt)}
              {v.positions.length > 0 && <span className="muted"> · example #{v.positions.map((p) => p + 1).join(', #')}</span>}
              {v.latest && <span className="badge">newest</span>}
              {v.erased && <span className="badge">erased here</span>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="lineage-runs">
        <h3 id="lineage-runs">Models trained on it ({lineage.runs.length})</h3>
        {lineage.runs.length === 0 ? (
          <p className="muted">No model has been trained on it.</p>
        ) : (
          <ul className="lineage-list">
            {lineage.runs.map((r) => (
              <li key={r.id}>
                Training run of {when(r.createdAt)}, {STATUS[r.status] ?? r.status}
                {r.hasAdapter && ', with its adapter'}
                {r.current && <span className="badge">the project&apos;s current adapter</span>}
                {r.continuedFrom && <span className="muted"> · continued from an earlier run that used it</span>}
                {r.needsRetraining && <p className="warning-text">Needs retraining: {r.needsRetraining.reason}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="lineage-exports">
        <h3 id="lineage-exports">Copies that left this workspace ({lineage.exports.length})</h3>
        {lineage.exports.length === 0 ? (
          <p className="muted">Neither the data nor a model trained on it was saved outside this workspace.</p>
        ) : (
          <ul className="lineage-list">
            {lineage.exports.map((e, i) => (
              <li key={i}>
                {FORMAT[e.format] ?? e.format} saved {e.out ? <code>{e.out}</code> : 'outside the workspace'} on {when(e.at)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function EraseForm({ lineage }: { lineage: Lineage }) {
  const confirm = useLineageStore((s) => s.confirm);
  const reason = useLineageStore((s) => s.reason);
  const setConfirm = useLineageStore((s) => s.setConfirm);
  const setReason = useLineageStore((s) => s.setReason);
  const datasets = new Set(lineage.versions.filter((v) => v.latest).map((v) => v.datasetName)).size;
  return (
    <section aria-labelledby="erase-title" className="erase-form">
      <h3 id="erase-title">Erase this example everywhere</h3>
      <p>What will happen:</p>
      <ul>
        <li>
          {datasets === 1 ? 'The dataset gets' : `${datasets} datasets get`} a new version without this example. Training, evaluation and export start from it.
        </li>
        <li>
          In {lineage.versions.length === 1 ? 'the version that holds' : `the ${lineage.versions.length} versions that hold`} it now, its text is replaced by
          “[erased]” and deleted from this workspace.
        </li>
        <li>
          {lineage.runs.length === 0
            ? 'No trained model used it, so none needs retraining.'
            : `${lineage.runs.length} trained ${lineage.runs.length === 1 ? 'model is' : 'models are'} marked “needs retraining”.`}
        </li>
        <li>A line is added to the audit log (without the example&apos;s text).</li>
      </ul>
      <p>What will not happen:</p>
      <ul>
        <li>
          {lineage.exports.length === 0
            ? 'Nothing trained on it was exported, so no copy is outside this workspace.'
            : `The ${lineage.exports.length} ${lineage.exports.length === 1 ? 'copy' : 'copies'} already saved outside this workspace cannot be called back. Ask whoever has them to delete them.`}
        </li>
        <li>Models already trained keep what they learned from it until you train them again.</li>
        <li>This cannot be undone.</li>
      </ul>
      <label htmlFor="erase-reason">Why (optional, kept in the audit log)</label>
      <input id="erase-reason" value={reason} maxLength={500} placeholder="For example: the patient asked us to" onChange={(e) => setReason(e.target.value)} />
      <label htmlFor="erase-confirm">To confirm, type the word erase</label>
      <input id="erase-confirm" value={confirm} autoComplete="off" onChange={(e) => setConfirm(e.target.value)} />
    </section>
  );
}

/**
 * "Where is this used?" for one example: the versions that hold it (also redacted or corrected), the models trained
 * on it and the copies that left the workspace, with the way to erase it everywhere it can still be used.
 */
export function LineageDialog() {
  const target = useLineageStore((s) => s.target);
  const lineage = useLineageStore((s) => s.lineage);
  const mode = useLineageStore((s) => s.mode);
  const loading = useLineageStore((s) => s.loading);
  const erasing = useLineageStore((s) => s.erasing);
  const confirm = useLineageStore((s) => s.confirm);
  const result = useLineageStore((s) => s.result);
  const error = useLineageStore((s) => s.error);
  const setMode = useLineageStore((s) => s.setMode);
  const erase = useLineageStore((s) => s.erase);
  const close = useLineageStore((s) => s.close);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (target && !ref.current?.open) ref.current?.showModal();
    if (!target && ref.current?.open) ref.current.close();
  }, [target]);

  if (!target) return null;
  const example = target.kind === 'example';
  const title =
    target.kind === 'file'
      ? `Where the data from ${target.fileName} is used`
      : result
        ? `Example #${target.position + 1} erased`
        : `Where example #${target.position + 1} is used`;
  return (
    <dialog ref={ref} className="example-detail lineage" aria-labelledby="lineage-title" onClose={close}>
      <h2 id="lineage-title">{title}</h2>
      {loading && <p className="muted">Looking through versions, training runs and exports…</p>}
      {lineage?.subject.kind === 'example' && !result && <blockquote className="lineage-preview">{lineage.subject.preview}</blockquote>}
      {error && (
        <p className="danger-text" role="alert">
          {error}
        </p>
      )}
      {result ? (
        <div role="status" className="lineage-done">
          <p>
            <strong>Erased.</strong>{' '}
            {result.newVersions.length === 0
              ? 'No newest version held it any more.'
              : `New ${result.newVersions.length === 1 ? 'version' : 'versions'} without it: ${result.newVersions.map((v) => v.datasetName).join(', ')}.`}{' '}
            Its text was replaced by “[erased]” in {result.scrubbedVersions === 1 ? 'the version' : `${result.scrubbedVersions} versions`} that held it.{' '}
            {result.flaggedRuns.length > 0 &&
              `${result.flaggedRuns.length} trained ${result.flaggedRuns.length === 1 ? 'model needs' : 'models need'} retraining. `}
            {result.exportsOutside > 0 &&
              `${result.exportsOutside} exported ${result.exportsOutside === 1 ? 'copy is' : 'copies are'} still outside this workspace.`}
          </p>
        </div>
      ) : (
        lineage && (mode === 'erase' ? <EraseForm lineage={lineage} /> : <Uses lineage={lineage} />)
      )}
      {target.kind === 'file' && lineage && (
        <p className="muted">To erase one person&apos;s record, open that example in the table and choose “Where is this used?”.</p>
      )}
      <div className="row">
        <span className="spacer" />
        {mode === 'erase' && !result && (
          <button type="button" className="ghost" onClick={() => setMode('view')}>
            Back
          </button>
        )}
        <button type="button" className="ghost" onClick={close}>
          Close
        </button>
        {lineage && !result && mode === 'view' && example && (
          <button type="button" className="danger" onClick={() => setMode('erase')}>
            Erase everywhere…
          </button>
        )}
        {lineage && !result && mode === 'erase' && (
          <button type="button" className="danger" disabled={erasing || !confirmed(confirm)} onClick={() => void erase()}>
            {erasing ? 'Erasing…' : 'Erase this example'}
          </button>
        )}
      </div>
    </dialog>
  );
}
