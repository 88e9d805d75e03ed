// One way for any store to follow a job it started: handlers per outcome, typed by the job's kind, called once when
// the job finishes. The last event can arrive before the request that started the job has answered, so the jobs
// store is consulted too.
import type { ErrorPayload } from '../../../electron/contract/errors.js';
import { isFinished, type Job, type JobKind, type JobOf, type JobResult } from '../../../electron/contract/jobs.js';
import { appMessage } from './errorWords.js';
import { useJobsStore } from './jobsStore.js';

export interface JobHandlers<K extends JobKind> {
  succeeded?(result: JobResult<K>, job: JobOf<K>): void;
  /** The error in the app's words, and the typed payload. */
  failed?(message: string, error: ErrorPayload): void;
  /** Cancelled by the user, or interrupted by a restart. */
  stopped?(job: JobOf<K>): void;
  /** After any outcome (clear a busy flag, a job id). */
  settled?(): void;
}

const followers = new Map<string, (job: Job) => void>();

export function followJob<K extends JobKind>(job: JobOf<K>, handlers: JobHandlers<K>): void {
  const settle = (j: Job) => {
    if (!isFinished(j) || !followers.has(j.id)) return;
    followers.delete(j.id);
    const typed = j as JobOf<K>;
    handlers.settled?.();
    if (typed.status === 'succeeded' && typed.result !== null) handlers.succeeded?.(typed.result as JobResult<K>, typed);
    else if (typed.status === 'failed') {
      const error = typed.error ?? { code: 'INTERNAL' as const, message: typed.message ?? 'It failed.' };
      handlers.failed?.(appMessage(error), error);
    } else handlers.stopped?.(typed);
  };
  followers.set(job.id, settle);
  settle(useJobsStore.getState().jobs[job.id] ?? job);
}

/** Called for every pushed job update (stores/events.ts). */
export function jobUpdated(job: Job): void {
  followers.get(job.id)?.(job);
}
