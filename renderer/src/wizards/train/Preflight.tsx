// Before Start: the estimate (time, peak memory, disk), what will not fit and what to change, examples too long for
// the window, and a confirmation for settings outside their usual range.
import { outsideSafeRange, trainingOptions } from '../../../../electron/contract/training.js';
import { effectiveSettings, useTrainStore } from '../../stores/trainStore.js';

const gb = (n: number) => (n < 1024 ** 3 ? `${Math.max(1, Math.round(n / 1024 ** 2))} MB` : `${(n / 1024 ** 3).toFixed(1)} GB`);
export const duration = (s: number) => (s < 90 ? `${Math.round(s)} seconds` : s < 5400 ? `${Math.round(s / 60)} minutes` : `${(s / 3600).toFixed(1)} hours`);

export function Preflight() {
  const s = useTrainStore();
  const unusual = outsideSafeRange(effectiveSettings(s));
  const e = s.estimate;
  const running = s.jobId !== null;
  return (
    <section aria-labelledby="train-preflight-title" className="data-section">
      <h3 id="train-preflight-title">3. Before you start</h3>
      <button type="button" onClick={() => void s.runEstimate()} disabled={s.estimating || running || !s.modelId || Object.keys(s.chosen).length === 0}>
        {s.estimating ? 'Estimating… (a few real steps)' : 'Estimate time and memory'}
      </button>
      {e && (
        <div role="region" aria-label="Estimate">
          <p>
            About <strong>{duration(e.seconds)}</strong> for {e.steps} steps over {e.examples} examples; it needs about <strong>{gb(e.peakMemoryBytes)}</strong>{' '}
            of memory and {gb(e.diskBytes)} of disk.
          </p>
          {e.tooLong > 0 && (
            <p role="status">
              {e.tooLong} example(s) are longer than {e.maxSeq} tokens (word pieces) and will be{' '}
              {e.longExamples === 'truncate' ? `cut to their first ${e.maxSeq} tokens` : 'skipped'}. Raise “{trainingOptions.maxSeq.label}” to keep them whole,
              or change “{trainingOptions.longExamples.label}”.
            </p>
          )}
          {e.problems.map((p) => (
            <p key={p.kind} role="alert" className="danger-text">
              {p.message}
            </p>
          ))}
        </div>
      )}
      {unusual.length > 0 && !s.confirmedUnusual && (
        <p role="alert">
          {unusual.map((k) => trainingOptions[k].label).join(', ')} {unusual.length === 1 ? 'is' : 'are'} outside the usual range.{' '}
          <button type="button" onClick={s.confirmUnusual}>
            Use these values anyway
          </button>
        </p>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => void s.start()}
        disabled={running || !s.modelId || Object.keys(s.chosen).length === 0 || (unusual.length > 0 && !s.confirmedUnusual)}
      >
        Start training
      </button>
    </section>
  );
}
