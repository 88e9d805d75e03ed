// How CLI commands reach the core: the same typed requests as the app (core.call), so each operation has one
// implementation. The CLI is a host like browser mode; it only parses flags, calls requests and prints results.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { FieldtuneError } from '../contract/errors.js';
import { isFinished, type Job, type JobKind, type JobOf, type JobResult } from '../contract/jobs.js';
import type { Method, RequestInput } from '../contract/requests.js';
import { Core } from '../core/core.js';
import { defaultWorkspaceDir } from '../core/workspace.js';
import type { CliArgs, CliOutput } from './command.js';
import { passphraseFrom, passphraseOptions } from './passphrase.js';

// every command that opens a workspace also takes the passphrase of an encrypted one
export const workspaceOption = { workspace: { type: 'string' }, ...passphraseOptions } as const;

export function workspaceDirFrom(args: CliArgs): string {
  const flag = args.values['workspace'];
  return resolve(typeof flag === 'string' && flag.length > 0 ? flag : defaultWorkspaceDir());
}

/**
 * Opens the workspace for one command and always closes it, so no job or file handle outlives the command. A command
 * that fails on a workspace it had to create leaves none behind: bad input never creates a workspace.
 */
export async function withCore<T>(args: CliArgs, fn: (core: Core) => Promise<T>): Promise<T> {
  const dir = workspaceDirFrom(args);
  const existed = existsSync(dir);
  const core = new Core({ workspaceDir: dir, mode: 'cli', passphrase: passphraseFrom(args) });
  let ok = false;
  try {
    const result = await fn(core);
    ok = true;
    return result;
  } finally {
    await core.close();
    if (!ok && !existed) rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolves with the job once it has finished (any final status), from the pushed updates. */
export async function waitForJob(core: Core, id: string, onUpdate?: (job: Job) => void): Promise<Job> {
  return new Promise<Job>((resolve, reject) => {
    const stop = core.subscribe((e) => {
      if (e.event !== 'jobs:updated' || e.payload.id !== id) return;
      onUpdate?.(e.payload);
      if (isFinished(e.payload)) {
        stop();
        resolve(e.payload);
      }
    });
    // it may have finished before we listened
    core.call('jobs:get', { id }).then((job) => {
      if (isFinished(job)) {
        stop();
        resolve(job);
      }
    }, reject);
  });
}

/**
 * Sends a request that starts a job, logs its progress on stderr and waits for it to finish. Resolves with the job's
 * typed result; a failed job throws its typed error, a cancelled one a CANCELLED error.
 */
export async function runJob<M extends Method, K extends JobKind>(
  core: Core,
  out: CliOutput,
  method: M,
  params: RequestInput<M>,
  kind: K,
): Promise<JobResult<K>> {
  let lastLine = '';
  const started = (await core.call(method, params)) as Job;
  if (started.kind !== kind) throw new FieldtuneError('INTERNAL', `${method} started a ${started.kind} job, not ${kind}`);
  const job = await waitForJob(core, started.id, (j) => {
    const p = j.progress;
    const line = p.total ? `${p.phase}: ${Math.floor((100 * p.current) / p.total / 10) * 10}%` : p.phase;
    if (j.status === 'running' && p.phase && line !== lastLine) {
      lastLine = line;
      out.log(line);
    }
  });
  if (job.status === 'succeeded') return (job as JobOf<K>).result as JobResult<K>;
  if (job.error) throw FieldtuneError.fromPayload(job.error);
  throw new FieldtuneError('CANCELLED', job.message ?? `The job was ${job.status}.`);
}

/** A project named by its id or its name (exact, then case-insensitive when that is unique). */
export async function resolveProject(core: Core, ref: string) {
  const projects = await core.call('projects:list');
  const byId = projects.find((p) => p.id === ref) ?? projects.find((p) => p.name === ref);
  if (byId) return byId;
  const loose = projects.filter((p) => p.name.toLowerCase() === ref.toLowerCase());
  if (loose.length === 1) return loose[0]!;
  throw new FieldtuneError('NOT_FOUND', `No project named or numbered "${ref}"; see fieldtune projects list`, { details: { project: ref } });
}
