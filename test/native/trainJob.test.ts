// Training as a Job: progress reaches the job row, cancel stops the trainer with a checkpoint, and the resumed job
// finishes from that checkpoint; the run, its loss curve and its adapter are recorded in the workspace.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/workspace.js';
import { trainJob } from '../../electron/core/service/train/trainJob.js';
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
    const now = new Date().toISOString();
    const project = { id: 'p-runs', name: 'Run records', domain: 'general' as const, locale: 'en-US', isDemo: false, createdAt: now, updatedAt: now };
    ws.projects.insert(project);
    const record = { runs: ws.trainingRuns, blobs: ws.blobs, projectId: project.id, runId: 'run-1' };
    const settings = { base, samples, runDir, epochs: 40, threads: 1, record };
    const trainedSteps = (n: number) => {
      const progress = ws.jobs.get(job.id).progress;
      return progress?.phase === 'training' && progress.current >= n;
    };
    const job = ws.jobs.start({ kind: 'train.run', params: { runId: 'run-1' } }, trainJob(settings));
    // wait until training has made progress, then cancel
    for (let i = 0; i < 200 && !trainedSteps(3); i++) await new Promise((r) => setTimeout(r, 50));
    expect(ws.jobs.get(job.id).progress).toMatchObject({ phase: 'training' });
    const cancelled = await ws.jobs.cancel(job.id);
    expect(cancelled.status).toBe('cancelled');
    const ckpt = join(runDir, 'checkpoints', 'checkpoint.gguf');
    expect(existsSync(ckpt)).toBe(true);
    expect(ws.trainingRuns.get('run-1')).toMatchObject({ status: 'cancelled', checkpoint_path: ckpt });
    const stepsBefore = ws.trainingRuns.curve('run-1', 'train').length;
    expect(stepsBefore).toBeGreaterThanOrEqual(3);

    const resumed = ws.jobs.start({ kind: 'train.run', params: { runId: 'run-1' } }, trainJob({ ...settings, resume: ckpt }));
    const finished = await ws.jobs.wait(resumed.id);
    expect(finished.status, finished.error?.message ?? '').toBe('succeeded');
    expect(existsSync(join(runDir, 'adapter.gguf'))).toBe(true);
    const run = ws.trainingRuns.get('run-1');
    expect(run).toMatchObject({ status: 'succeeded' });
    // the curve continues where the cancelled part stopped, and the last point is the final step
    const curve = ws.trainingRuns.curve('run-1', 'train');
    expect(curve.length).toBeGreaterThan(stepsBefore);
    expect(curve.at(-1)?.step).toBe(run?.steps);
    // the adapter is a project blob with the same bytes as the trainer's output
    const sha = createHash('sha256')
      .update(readFileSync(join(runDir, 'adapter.gguf')))
      .digest('hex');
    expect(run?.adapter_sha256).toBe(sha);
    expect(readFileSync(ws.blobs.pathOf(sha)).equals(readFileSync(join(runDir, 'adapter.gguf')))).toBe(true);
  });

  it('refuses a base of an unsupported architecture up front: no run folder, no run row', async () => {
    // the demo file with general.architecture renamed to a state-space family of the same length
    const buf = readFileSync(base);
    const key = Buffer.from('general.architecture');
    const at = buf.indexOf(key) + key.length + 4 + 8;
    expect(buf.toString('latin1', at, at + 5)).toBe('llama');
    buf.write('mamba', at, 'latin1');
    const other = join(dir, 'mamba.gguf');
    writeFileSync(other, buf);
    const runDir = join(dir, 'refused-run');
    const record = { runs: ws.trainingRuns, blobs: ws.blobs, projectId: null, runId: 'run-refused' };
    const job = ws.jobs.start(
      { kind: 'train.run', params: { runId: 'run-refused' } },
      trainJob({ base: other, samples: await chatSamples(), runDir, threads: 1, record }),
    );
    const finished = await ws.jobs.wait(job.id);
    expect(finished.status).toBe('failed');
    expect(finished.error?.message).toMatch(/cannot train a 'mamba' model: state-space layers \(SSM_CONV\/SSM_SCAN\) have no backward pass/);
    expect(existsSync(runDir)).toBe(false);
    expect(ws.trainingRuns.get('run-refused')).toBeFalsy();
  });
});
