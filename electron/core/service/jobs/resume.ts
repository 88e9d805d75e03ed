// `jobs:resume`: an interrupted (or cancelled) job of a resumable kind starts again as a new job that points back at
// it. Each resumable kind registers how it resumes; a kind the table calls resumable but nothing registers is refused
// with the reason, never silently restarted from scratch.
import { FieldtuneError } from '../../../contract/errors.js';
import { jobKinds, type Job, type JobKind, type JobParams } from '../../../contract/jobs.js';
import type { Workspace } from '../../workspace.js';

export type Resumer<K extends JobKind> = (ws: Workspace, params: JobParams<K>, resumedFrom: Job) => Job | Promise<Job>;

const resumers: { [K in JobKind]?: Resumer<K> } = {};

/** Called once by each service that owns a resumable kind. */
export function registerResumer<K extends JobKind>(kind: K, resume: Resumer<K>): void {
  (resumers as Record<string, Resumer<K>>)[kind] = resume;
}

export async function resumeJob(ws: Workspace, id: string): Promise<Job> {
  const job = ws.jobs.get(id);
  if (job.status !== 'interrupted' && job.status !== 'cancelled') {
    throw new FieldtuneError('CONFLICT', `This job is ${job.status}; only an interrupted or cancelled job can be resumed.`, {
      details: { status: job.status },
    });
  }
  const resume = resumers[job.kind] as Resumer<JobKind> | undefined;
  if (!jobKinds[job.kind].resumable || !resume) {
    throw new FieldtuneError('CONFLICT', 'This kind of job cannot be resumed; start it again instead.', { details: { kind: job.kind } });
  }
  const params = jobKinds[job.kind].params.safeParse(ws.jobs.params(id));
  if (!params.success) throw new FieldtuneError('CONFLICT', 'This job was started by an older Fieldtune and cannot be resumed; start it again.');
  return resume(ws, params.data as JobParams<JobKind>, job);
}
