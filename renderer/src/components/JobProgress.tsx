import { useJobsStore } from '../stores/jobsStore.js';

/** Progress of one background job (phase, share done, time left) with its cancel button. */
export function JobProgress({ jobId, label, cancelLabel }: { jobId: string; label: string; cancelLabel: string }) {
  const job = useJobsStore((s) => s.jobs[jobId]);
  const cancel = useJobsStore((s) => s.cancel);
  const p = job?.progress;
  const percent = p?.total ? Math.round((100 * p.current) / p.total) : null;
  return (
    <div className="row job-progress" role="status">
      <progress aria-label={label} value={p?.total ? p.current : undefined} max={p?.total ?? undefined} />
      {/* the button before the text: a line that grows as the work goes would push it along, under the pointer */}
      <button type="button" className="ghost" onClick={() => void cancel(jobId)}>
        {cancelLabel}
      </button>
      <span>
        {p?.phase || 'Starting'}
        {percent !== null ? ` ${percent}%` : ''}
        {p?.etaSeconds ? `, about ${Math.ceil(p.etaSeconds)} s left` : ''}
      </span>
    </div>
  );
}
