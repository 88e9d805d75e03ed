import { afterEach, describe, expect, it } from 'vitest';
import { deadPid, tempDir } from '../../../test/unit/helpers.js';
import { Job as JobSchema, type Job, type JobResult } from '../../contract/jobs.js';
import { openWorkspace } from '../workspace.js';
import { FieldtuneError } from '../../contract/errors.js';
import { INTERRUPTED_MESSAGE } from './jobManager.js';
import { ProgressThrottle } from './progressThrottle.js';

const cleanups: Array<() => void | Promise<void>> = [];
const PARAMS = { path: '/tmp/model.gguf' };
const MODEL: JobResult<'model.register'> = {
  id: 'm1',
  path: '/tmp/model.gguf',
  sizeBytes: 1,
  sha256: 'ab',
  label: 'model',
  isDemo: false,
  metadata: {},
  addedAt: '2026-01-01T00:00:00.000Z',
};
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('JobManager', () => {
  it('cancels a running job for real: the work observes the signal and the row says cancelled', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const events: Job[] = [];
    const ws = openWorkspace(t.dir, (job) => events.push(job));
    cleanups.push(() => ws.close());
    let iterations = 0;
    let sawAbort = false;
    const job = ws.jobs.start({ kind: 'model.register', params: PARAMS }, async ({ signal, onProgress }) => {
      while (!signal.aborted) {
        iterations += 1;
        onProgress({ phase: 'looping', current: iterations, total: 1_000_000 });
        await new Promise((r) => setTimeout(r, 5));
      }
      sawAbort = true;
      throw signal.reason;
    });
    expect(job.status).toBe('running');
    await new Promise((r) => setTimeout(r, 60));
    const cancelled = await ws.jobs.cancel(job.id);
    expect(sawAbort).toBe(true);
    expect(cancelled.status).toBe('cancelled');
    expect(ws.jobs.get(job.id).finishedAt).not.toBeNull();
    const stoppedAt = iterations;
    await new Promise((r) => setTimeout(r, 30));
    expect(iterations).toBe(stoppedAt);
    expect(events.at(-1)?.status).toBe('cancelled');
  });

  it('records success with its result and failure with its message', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = openWorkspace(t.dir);
    cleanups.push(() => ws.close());
    const ok = ws.jobs.start({ kind: 'model.register', params: PARAMS }, async () => MODEL);
    const bad = ws.jobs.start({ kind: 'model.register', params: { path: '/tmp/broken.gguf' } }, async () => {
      throw new FieldtuneError('INVALID_INPUT', 'the file was truncated', { details: { bytes: 12 } });
    });
    const done = await ws.jobs.wait(ok.id);
    expect(done.kind === 'model.register' && done.result?.sha256).toBe('ab');
    const failed = await ws.jobs.wait(bad.id);
    expect(failed.status).toBe('failed');
    // the error stays typed across the store: code, message and details
    expect(failed.error).toEqual({ code: 'INVALID_INPUT', message: 'the file was truncated', details: { bytes: 12 } });
    expect(JobSchema.safeParse(failed).success).toBe(true);
  });

  it('marks a job left running by a previous process as interrupted when the workspace reopens', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const first = openWorkspace(t.dir);
    const job = first.jobs.start({ kind: 'model.register', params: PARAMS }, () => new Promise(() => {}));
    // Simulate a crash: the database closes while the job row still says running, and its process is gone.
    first.db.prepare('UPDATE jobs SET owner_pid = ? WHERE id = ?').run(await deadPid(), job.id);
    first.db.close();
    const second = openWorkspace(t.dir);
    cleanups.push(() => second.close());
    const after = second.jobs.get(job.id);
    expect(after.status).toBe('interrupted');
    expect(after.message).toBe(INTERRUPTED_MESSAGE);
    expect(after.resumable).toBe(true);
  });

  it('leaves a job alone that a process still running has open (the app, while a command opens the same workspace)', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const app = openWorkspace(t.dir);
    let finish: (m: typeof MODEL) => void = () => {};
    const job = app.jobs.start({ kind: 'model.register', params: PARAMS }, () => new Promise((r) => (finish = r)));
    app.trainingRuns.create({ id: 'run-1', projectId: null, jobId: job.id, baseSha256: 'b', trainSha256: 't', valSha256: null, settings: {} });
    const command = openWorkspace(t.dir);
    expect(command.jobs.get(job.id).status).toBe('running');
    expect(command.trainingRuns.get('run-1')?.status).toBe('running');
    await command.close();
    finish(MODEL);
    expect((await app.jobs.wait(job.id)).status).toBe('succeeded');
    await app.close();
  });
});

describe('typed jobs', () => {
  it('fails a job whose runner returns the wrong result shape, and the compiler refuses it too', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = openWorkspace(t.dir);
    cleanups.push(() => ws.close());
    // @ts-expect-error a model.register runner must return a BaseModel, not a token-count summary
    const wrong = ws.jobs.start({ kind: 'model.register', params: PARAMS }, async () => ({ count: 3 }));
    const failed = await ws.jobs.wait(wrong.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/model\.register job returned a result of the wrong shape/) });
    expect(failed.result).toBeNull();
  });

  it('a second start of the same kind on the same subject joins the running job; other subjects and finished jobs start anew', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = openWorkspace(t.dir);
    cleanups.push(() => ws.close());
    let runs = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const work = async () => {
      runs += 1;
      await gate;
      return MODEL;
    };
    const first = ws.jobs.start({ kind: 'model.register', params: PARAMS }, work);
    const second = ws.jobs.start({ kind: 'model.register', params: { path: ' /tmp/model.gguf ' } }, work);
    const other = ws.jobs.start({ kind: 'model.register', params: { path: '/tmp/other.gguf' } }, work);
    expect(second.id).toBe(first.id);
    expect(first.subject).toBe('/tmp/model.gguf');
    expect(other.id).not.toBe(first.id);
    await Promise.resolve();
    expect(runs).toBe(2);
    release();
    await ws.jobs.wait(first.id);
    await ws.jobs.wait(other.id);
    expect(ws.jobs.list().filter((j) => j.kind === 'model.register')).toHaveLength(2);
    const again = ws.jobs.start({ kind: 'model.register', params: PARAMS }, work);
    expect(again.id).not.toBe(first.id);
    await ws.jobs.wait(again.id);
  });

  it('clears the finished jobs of one project only, keeping running ones and other projects', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const ws = openWorkspace(t.dir);
    cleanups.push(() => ws.close());
    const project = (id: string) => ({ id, name: id, domain: 'general' as const, locale: 'en-US', isDemo: false, createdAt: 'x', updatedAt: 'x' });
    ws.projects.insert(project('A'));
    ws.projects.insert(project('B'));
    const [a, b] = ['A', 'B'];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const done = ws.jobs.start({ kind: 'model.register', projectId: a, params: { path: '/a1' } }, async () => MODEL);
    const failed = ws.jobs.start({ kind: 'model.register', projectId: a, params: { path: '/a2' } }, async () => {
      throw new Error('no');
    });
    const running = ws.jobs.start({ kind: 'model.register', projectId: a, params: { path: '/a3' } }, async () => (await gate, MODEL));
    const otherProject = ws.jobs.start({ kind: 'model.register', projectId: b, params: { path: '/b1' } }, async () => MODEL);
    await Promise.all([done, failed, otherProject].map((j) => ws.jobs.wait(j.id)));
    expect(ws.jobs.clearFinished(a)).toBe(2);
    expect(ws.jobs.list(a).map((j) => j.id)).toEqual([running.id]);
    expect(ws.jobs.list(b)).toHaveLength(1);
    release();
    await ws.jobs.wait(running.id);
  });

  it('narrows the result by kind, and the wire schema rejects a result that does not fit its kind', () => {
    const base = {
      id: 'j1',
      projectId: null,
      status: 'succeeded',
      progress: { phase: '', current: 0, total: null, etaSeconds: null },
      message: null,
      error: null,
      createdAt: 'x',
      startedAt: null,
      finishedAt: null,
      resumable: false,
      resumedFrom: null,
      subject: null,
    };
    expect(JobSchema.safeParse({ ...base, kind: 'model.register', result: MODEL }).success).toBe(true);
    expect(JobSchema.safeParse({ ...base, kind: 'dataset.stats', result: MODEL }).success).toBe(false);
    expect(JobSchema.safeParse({ ...base, kind: 'no.such.kind', result: null }).success).toBe(false);
    const job = JobSchema.parse({ ...base, kind: 'model.register', result: MODEL });
    if (job.kind === 'model.register') expect(job.result?.label).toBe('model');
  });
});

describe('ProgressThrottle', () => {
  it('emits at most once per interval, always shows a new phase, and flushes the last value', () => {
    let now = 0;
    const seen: Array<{ phase: string; current: number; eta: number | null }> = [];
    const throttle = new ProgressThrottle(
      100,
      (p) => seen.push({ phase: p.phase, current: p.current, eta: p.etaSeconds }),
      () => now,
    );
    for (let i = 1; i <= 50; i++) {
      now = i * 10;
      throttle.update({ phase: 'hashing', current: i, total: 100 });
    }
    expect(seen.length).toBeLessThanOrEqual(6);
    now = 600;
    throttle.update({ phase: 'parsing', current: 1, total: 10 });
    expect(seen.at(-1)?.phase).toBe('parsing');
    now = 610;
    throttle.update({ phase: 'parsing', current: 2, total: 10 });
    throttle.flush();
    expect(seen.at(-1)).toMatchObject({ phase: 'parsing', current: 2 });
    // 1 unit per 10 ms since the phase began -> 8 units left take 0.08 s.
    expect(seen.at(-1)?.eta).toBeCloseTo(0.08, 5);
  });
});
