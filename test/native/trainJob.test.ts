// Training as a Job: progress reaches the job row, cancel stops the trainer with a checkpoint, and the resumed job
// finishes from that checkpoint.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/workspace.js';
import { trainJob } from '../../electron/core/train/trainJob.js';
import { chatSamples, demoModel, requireTrainer, tempDir } from './trainerHelpers.js';

describe('training job', () => {
  let dir = '';
  let base = '';
  let ws: ReturnType<typeof openWorkspace>;

  beforeAll(async () => {
    requireTrainer();
    dir = tempDir();
    base = await demoModel(dir);
    ws = openWorkspace(join(dir, 'ws'));
  });

  afterAll(() => ws.close());

  it('reports progress, cancels with a checkpoint, resumes to completion', async () => {
    const samples = await chatSamples();
    const runDir = join(dir, 'run');
    const settings = { base, samples, runDir, epochs: 40, threads: 1 };
    const job = ws.jobs.start({ kind: 'train', resumable: true }, trainJob(settings));
    // wait until training has made progress, then cancel
    for (let i = 0; i < 200 && (ws.jobs.get(job.id).progress?.current ?? 0) < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ws.jobs.get(job.id).progress).toMatchObject({ phase: 'training' });
    const cancelled = await ws.jobs.cancel(job.id);
    expect(cancelled.status).toBe('cancelled');
    const ckpt = join(runDir, 'checkpoints', 'checkpoint.gguf');
    expect(existsSync(ckpt)).toBe(true);

    const resumed = ws.jobs.start({ kind: 'train', resumable: true }, trainJob({ ...settings, resume: ckpt }));
    const finished = await ws.jobs.wait(resumed.id);
    expect(finished.status, finished.error ?? '').toBe('succeeded');
    expect(existsSync(join(runDir, 'adapter.gguf'))).toBe(true);
  });
});
