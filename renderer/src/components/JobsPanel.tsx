import { useEffect, useState } from 'react';
import type { Job } from '../../../electron/contract/jobs.js';
import { isFinished } from '../../../electron/contract/jobs.js';
import { useJobsStore, selectProjectJobs } from '../stores/jobsStore.js';
import { appMessage } from '../stores/errorWords.js';
import { useShallow } from 'zustand/react/shallow';
import type { JobKind } from '../../../electron/contract/jobs.js';

/** Plain names for every job kind (the compiler asks for one when a kind is added to the contract). */
const JOB_LABELS: Record<JobKind, string> = {
  'model.register': 'Adding a model',
  'model.discover': 'Looking for models on this computer',
  'dataset.import': 'Importing data',
  'dataset.stats': 'Measuring example lengths',
  'dataset.review': 'Looking for copies',
  'pii.scan': 'Checking for personal data',
  'pii.apply': 'Removing personal data',
  'template.sample': 'Importing template samples',
  'train.run': 'Training',
  'eval.run': 'Evaluating',
  'adapter.export': 'Exporting an adapter',
  'data.generate': 'Writing examples with a model',
};

export function jobLabel(kind: string): string {
  return (JOB_LABELS as Record<string, string>)[kind] ?? kind;
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

/**
 * Whether a job still offers Resume: a cancelled or interrupted job of a resumable kind that no other job has resumed
 * already (resuming it twice would start two copies of the same work).
 */
export function canResume(job: Job, jobs: readonly Job[]): boolean {
  if (!job.resumable || (job.status !== 'interrupted' && job.status !== 'cancelled')) return false;
  return !jobs.some((other) => other.resumedFrom === job.id);
}

/** The file a job works on, by its name (a version or run id would mean nothing to a reader). */
function subjectName(job: Job): string | null {
  if (!job.subject || (job.kind !== 'dataset.import' && job.kind !== 'model.register')) return null;
  return job.subject.split(/[\\/]/).filter(Boolean).at(-1) ?? job.subject;
}

export function formatStart(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A running job's duration grows: the panel ticks once a second while one runs. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The background work of one project (null: work that belongs to no project, such as adding a model). */
export function JobsPanel({ projectId }: { projectId: string | null }) {
  const all = useJobsStore(useShallow((s) => selectProjectJobs(s, projectId)));
  const everyJob = useJobsStore(useShallow((s) => Object.values(s.jobs)));
  const cancel = useJobsStore((s) => s.cancel);
  const resume = useJobsStore((s) => s.resume);
  const clearFinished = useJobsStore((s) => s.clearFinished);
  const anyActive = all.some((j) => !isFinished(j));
  const now = useNow(anyActive);
  const jobs = all.slice(0, 8);
  if (jobs.length === 0) return null;
  return (
    <section className="jobs" aria-label="Background work">
      <div className="row">
        <h2>Background work</h2>
        <span className="spacer" />
        {all.some((j) => isFinished(j)) && (
          <button type="button" className="ghost" onClick={() => void clearFinished(projectId)}>
            Clear finished
          </button>
        )}
      </div>
      <ul>
        {jobs.map((job) => {
          const { phase, current, total, etaSeconds } = job.progress;
          const active = job.status === 'running' || job.status === 'queued';
          const started = job.startedAt ?? job.createdAt;
          const ended = job.finishedAt ? Date.parse(job.finishedAt) : now;
          const name = subjectName(job);
          return (
            <li key={job.id}>
              <span>
                {jobLabel(job.kind)}
                {name ? `: ${name}` : ''}
              </span>{' '}
              <strong>{STATUS_LABELS[job.status] ?? job.status}</strong>{' '}
              {/* before the running time and the progress, which change every second and would push it along */}
              {active && (
                <button type="button" className="ghost" onClick={() => void cancel(job.id)}>
                  Cancel
                </button>
              )}{' '}
              <span className="muted">
                started {formatStart(started)}, {active ? 'running for' : 'took'} {formatDuration(ended - Date.parse(started))}
              </span>
              {active && (
                <>
                  <progress aria-label={`${jobLabel(job.kind)} progress`} value={total ? current : undefined} max={total ?? undefined} />
                  <span className="muted">
                    {phase} {formatEta(etaSeconds)}
                  </span>
                </>
              )}
              {job.status === 'interrupted' && <span className="muted">{job.message}</span>}
              {canResume(job, everyJob) && (
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
