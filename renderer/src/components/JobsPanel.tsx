import { useJobsStore, selectRecentJobs } from '../stores/jobsStore.js';
import { appMessage } from '../stores/errorWords.js';
import { useShallow } from 'zustand/react/shallow';

/** Plain names for job kinds; an unknown kind (a newer core) still shows its raw name. */
const JOB_LABELS: Record<string, string> = {
  'model.register': 'Adding a model',
  'dataset.import': 'Importing data',
  'dataset.stats': 'Counting tokens',
  'dataset.review': 'Looking for copies',
  'pii.scan': 'Checking for personal data',
  'pii.apply': 'Removing personal data',
  'template.sample': 'Importing template samples',
  train: 'Training',
};

export function jobLabel(kind: string): string {
  return JOB_LABELS[kind] ?? kind;
}

const STATUS_LABELS: Record<string, string> = {
  queued: 'waiting',
  running: 'running',
  succeeded: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
};

function formatEta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `about ${Math.ceil(seconds)} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

export function JobsPanel() {
  const jobs = useJobsStore(useShallow((s) => selectRecentJobs(s).slice(0, 5)));
  const cancel = useJobsStore((s) => s.cancel);
  const resume = useJobsStore((s) => s.resume);
  if (jobs.length === 0) return null;
  return (
    <section className="jobs" aria-label="Background work">
      <h2>Background work</h2>
      <ul>
        {jobs.map((job) => {
          const { phase, current, total, etaSeconds } = job.progress;
          const active = job.status === 'running' || job.status === 'queued';
          return (
            <li key={job.id}>
              <span>{jobLabel(job.kind)}</span> <strong>{STATUS_LABELS[job.status] ?? job.status}</strong>
              {active && (
                <>
                  <progress aria-label={`${jobLabel(job.kind)} progress`} value={total ? current : undefined} max={total ?? undefined} />
                  <span className="muted">
                    {phase} {formatEta(etaSeconds)}
                  </span>
                  <button type="button" className="ghost" onClick={() => void cancel(job.id)}>
                    Cancel
                  </button>
                </>
              )}
              {job.status === 'interrupted' && <span className="muted">{job.message}</span>}
              {job.resumable && (job.status === 'interrupted' || job.status === 'cancelled') && (
                <button type="button" className="ghost" onClick={() => void resume(job.id)}>
                  Resume
                </button>
              )}
              {job.error && <span className="danger-text">{appMessage(job.error)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
