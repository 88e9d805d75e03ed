// Earlier runs of the project: what each was trained with, how it ended, its adapter; resume an interrupted one,
// compare two (settings that differ, curves overlaid), and mark the project's candidate.
import type { TrainingRun } from '../../../../electron/contract/train.js';
import { useTrainStore } from '../../stores/trainStore.js';
import { LossChart } from './LossChart.js';
import { duration } from './Preflight.js';
import '../data/lineage.css';

const STATUS: Record<TrainingRun['status'], string> = {
  running: 'training',
  succeeded: 'finished',
  failed: 'failed',
  cancelled: 'stopped',
  interrupted: 'interrupted (Fieldtune closed)',
};

function RunRow({ run }: { run: TrainingRun }) {
  const s = useTrainStore();
  const when = new Date(run.createdAt).toLocaleString();
  return (
    <>
      <tr>
        <td>{when}</td>
        <td>
          {STATUS[run.status]}
          {run.candidate && <strong> · candidate</strong>}
          {run.needsRetraining && <strong className="danger-text"> · needs retraining</strong>}
        </td>
        <td>{run.baseLabel ?? run.baseSha256.slice(0, 12)}</td>
        <td>
          {run.preset ?? 'custom'}
          {run.continueFrom ? ' · continued' : ''}
        </td>
        <td>
          {run.trainLoss?.toFixed(3) ?? '–'} / {run.valLoss?.toFixed(3) ?? '–'}
        </td>
        <td>{run.seconds ? duration(run.seconds) : '–'}</td>
        <td>{run.adapterBytes ? `${(run.adapterBytes / 1e6).toFixed(1)} MB` : '–'}</td>
        <td>
          {(run.status === 'interrupted' || run.status === 'cancelled') && run.checkpointPath && (
            <button type="button" onClick={() => void s.resume(run)} disabled={s.jobId !== null} aria-label={`Resume from checkpoint: run of ${when}`}>
              Resume from checkpoint
            </button>
          )}
          {run.status === 'succeeded' && !run.candidate && (
            <button type="button" onClick={() => void s.markCandidate(run.id)} aria-label={`Use as candidate: run of ${when}`}>
              Use as candidate
            </button>
          )}
          <label>
            <input
              type="checkbox"
              checked={s.compareIds.includes(run.id)}
              onChange={() => void s.toggleCompare(run.id)}
              aria-label={`Compare: run of ${when}`}
            />{' '}
            compare
          </label>
        </td>
      </tr>
      {run.needsRetraining && (
        // The reason on a line of its own: an erasure is something the person has to act on, not a detail.
        <tr className="retrain-row">
          <td colSpan={8} role="note" aria-label={`Needs retraining: run of ${when}`}>
            {run.needsRetraining.reason}
          </td>
        </tr>
      )}
    </>
  );
}

export function RunHistory() {
  const runs = useTrainStore((s) => s.runs);
  const compare = useTrainStore((s) => s.compare);
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby="train-history-title" className="data-section">
      <h3 id="train-history-title">Runs of this project</h3>
      <table aria-label="Training runs">
        <thead>
          <tr>
            <th>Started</th>
            <th>Status</th>
            <th>Base model</th>
            <th>Preset</th>
            <th>Final loss (training / validation)</th>
            <th>Took</th>
            <th>Adapter</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <RunRow key={r.id} run={r} />
          ))}
        </tbody>
      </table>
      {compare && (
        <div role="region" aria-label="Comparison of two runs">
          <h4>Two runs side by side</h4>
          {compare.differences.length === 0 ? (
            <p>They were trained the same way.</p>
          ) : (
            <table aria-label="What differs">
              <thead>
                <tr>
                  <th>Setting</th>
                  <th>First</th>
                  <th>Second</th>
                </tr>
              </thead>
              <tbody>
                {compare.differences.map((d) => (
                  <tr key={d.name}>
                    <td>{d.name}</td>
                    <td>{d.a}</td>
                    <td>{d.b}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <LossChart
            title="Training loss of both runs"
            series={[
              { label: 'first run', points: compare.a.train, color: '#2563eb' },
              { label: 'second run', points: compare.b.train, color: '#16a34a' },
            ]}
          />
        </div>
      )}
    </section>
  );
}
