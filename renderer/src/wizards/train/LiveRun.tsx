// The run as it happens: the loss chart, step x of y, speed, time left, memory, hints when something goes wrong, Stop.
import { useTrainStore } from '../../stores/trainStore.js';
import { trainingHints } from './hints.js';
import { LossChart } from './LossChart.js';
import { duration } from './Preflight.js';

export function LiveRun() {
  const live = useTrainStore((s) => s.live);
  const jobId = useTrainStore((s) => s.jobId);
  const cancel = useTrainStore((s) => s.cancel);
  if (!jobId && live.train.length === 0) return null;
  const hints = trainingHints(live.train, live.val);
  return (
    <section aria-labelledby="train-live-title" className="data-section">
      <h3 id="train-live-title">{jobId ? 'Training now' : 'Last run'}</h3>
      {/* above the chart and the status line, which change as the run goes (hints appear, lines wrap): below them the
          button moved while a person aimed at it */}
      {jobId && (
        <button type="button" onClick={() => void cancel()}>
          Stop training (progress is kept)
        </button>
      )}
      <LossChart
        title="Loss while training"
        series={[
          { label: 'training loss', points: live.train, color: '#2563eb' },
          { label: 'validation loss', points: live.val, color: '#d97706', dash: [6, 4] },
        ]}
      />
      <p role="status" aria-live="polite">
        {live.totalSteps > 0 ? `Step ${live.step} of ${live.totalSteps}` : 'Preparing the examples…'}
        {live.tokensPerSecond > 0 && ` · ${Math.round(live.tokensPerSecond)} word pieces per second`}
        {jobId && live.etaSeconds > 0 && ` · about ${duration(live.etaSeconds)} left`}
        {live.memory !== null && ` · ${(live.memory / 1024 ** 3).toFixed(2)} GB memory`}
      </p>
      {hints.map((h) => (
        <p key={h.kind} role="alert">
          {h.text}
        </p>
      ))}
    </section>
  );
}
