import { randomUUID } from 'node:crypto';
import { FieldtuneError } from '../../contract/errors.js';
import { jobKinds, jobSubject, type Job, type JobKind, type JobOf, type JobParams, type JobResult } from '../../contract/jobs.js';
import { toErrorPayload } from '../../contract/wire.js';
import type { JobsRepository } from '../store/repositories/jobs.js';
import { ProgressThrottle, type ProgressUpdate } from './progressThrottle.js';
import { processAlive } from '../disk/processAlive.js';

export interface JobContext {
  readonly jobId: string;
  /** Aborted when the user cancels; long work must check it and stop promptly. */
  readonly signal: AbortSignal;
  onProgress(update: ProgressUpdate): void;
}

/** A job to start: its kind (contract/jobs.ts says whether it can be resumed) and the params that would rerun it. */
export interface JobSpec<K extends JobKind> {
  kind: K;
  projectId?: string | null;
  params: JobParams<K>;
  /** The interrupted job this one resumes. */
  resumedFrom?: string;
}

export type JobRunner<T> = (ctx: JobContext) => Promise<T>;

interface Running {
  controller: AbortController;
  done: Promise<Job>;
}

export const INTERRUPTED_MESSAGE = 'Fieldtune closed while this job was running. Its partial work was kept; start it again (or resume) when ready.';

/**
 * Runs long work as jobs: a SQLite row per job, throttled progress pushed to listeners, real cancellation
 * through AbortSignal. Creating a manager marks every job a process that is gone left running as interrupted.
 */
export class JobManager {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly repo: JobsRepository,
    private readonly publish: (job: Job) => void,
    private readonly progressIntervalMs = 250,
  ) {
    repo.markOrphansInterrupted(new Date().toISOString(), INTERRUPTED_MESSAGE, processAlive);
  }

  /**
   * Starts `run` as a job of `spec.kind`; the runner must return that kind's result (checked again at run time).
   * While a job of the same kind runs on the same subject in the same project, that job is returned instead: every
   * action that starts a job is idempotent while it runs (a double click imports once, a second check joins the first).
   */
  start<K extends JobKind>(spec: JobSpec<K>, run: JobRunner<JobResult<K>>): JobOf<K> {
    const same = this.runningLike(spec);
    if (same) return same;
    const id = randomUUID();
    this.repo.insert({
      id,
      kind: spec.kind,
      projectId: spec.projectId ?? null,
      params: spec.params,
      resumable: jobKinds[spec.kind].resumable,
      createdAt: new Date().toISOString(),
      resumedFrom: spec.resumedFrom ?? null,
    });
    const controller = new AbortController();
    const throttle = new ProgressThrottle(this.progressIntervalMs, (progress) => {
      this.repo.saveProgress(id, progress);
      this.publishRow(id);
    });
    this.repo.markStarted(id, new Date().toISOString());
    const ctx: JobContext = { jobId: id, signal: controller.signal, onProgress: (u) => throttle.update(u) };
    const entry: Running = { controller, done: Promise.resolve(null as unknown as Job) };
    this.running.set(id, entry);
    entry.done = this.execute(id, spec.kind, run, ctx, throttle);
    const job = this.get(id);
    this.publish(job);
    return job as JobOf<K>;
  }

  private runningLike<K extends JobKind>(spec: JobSpec<K>): JobOf<K> | null {
    const subject = jobSubject(spec.kind, spec.params);
    if (subject === null) return null;
    for (const id of this.running.keys()) {
      const job = this.repo.get(id);
      if (job && job.kind === spec.kind && job.subject === subject && job.projectId === (spec.projectId ?? null)) return job as JobOf<K>;
    }
    return null;
  }

  /** The params a job was started with (what resuming it runs again). */
  params(id: string): unknown {
    this.get(id);
    return this.repo.params(id);
  }

  get(id: string): Job {
    const job = this.repo.get(id);
    if (!job) throw new FieldtuneError('NOT_FOUND', `No job with id ${id}`);
    return job;
  }

  list(projectId?: string): Job[] {
    return this.repo.list(projectId);
  }

  /** Forgets the finished jobs of a project (null: those of no project); running and resumable ones stay. */
  clearFinished(projectId: string | null): number {
    return this.repo.clearFinished(projectId);
  }

  /** Asks a running job to stop; resolves with its row once it has actually stopped. */
  async cancel(id: string): Promise<Job> {
    const running = this.running.get(id);
    if (!running) {
      const job = this.get(id);
      if (job.status === 'running' || job.status === 'queued') {
        throw new FieldtuneError('CONFLICT', `Job ${id} belongs to another Fieldtune process and cannot be cancelled here`);
      }
      return job; // already finished: cancelling is a no-op, not an error
    }
    running.controller.abort(new FieldtuneError('CANCELLED', 'Cancelled by the user'));
    return running.done;
  }

  /** Resolves when the job has finished (any final status). */
  async wait(id: string): Promise<Job> {
    return this.running.get(id)?.done ?? this.get(id);
  }

  /** Cancels everything still running (app shutdown) and waits for it to stop. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }

  private async execute<K extends JobKind>(id: string, kind: K, run: JobRunner<JobResult<K>>, ctx: JobContext, throttle: ProgressThrottle): Promise<Job> {
    // Yield once so start() has returned (and published 'running') before any final status is written.
    await Promise.resolve();
    try {
      const raw = await run(ctx);
      // The type system checks runners at compile time; this catches what a cast or `any` let through.
      const checked = jobKinds[kind].result.safeParse(raw);
      if (!checked.success) {
        throw new FieldtuneError(
          'INTERNAL',
          `A ${kind} job returned a result of the wrong shape: ${checked.error.issues[0]?.path.join('.') ?? ''} ${checked.error.issues[0]?.message ?? ''}`.trim(),
        );
      }
      throttle.flush();
      this.repo.finish(id, 'succeeded', new Date().toISOString(), { result: checked.data });
    } catch (error) {
      throttle.flush();
      if (ctx.signal.aborted) {
        this.repo.finish(id, 'cancelled', new Date().toISOString(), { message: 'Cancelled by the user' });
      } else {
        this.repo.finish(id, 'failed', new Date().toISOString(), { error: toErrorPayload(error) });
      }
    } finally {
      this.running.delete(id);
    }
    return this.publishRow(id);
  }

  private publishRow(id: string): Job {
    const job = this.get(id);
    this.publish(job);
    return job;
  }
}
