// Training in a workspace through the one door (Core.call, as the app and `fieldtune train --workspace` send it):
// presets, the pre-flight estimate, a run with its curve, adapter and provenance, cancel + resume of the same run,
// continuing from a run with replay, comparing runs and marking the candidate.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core.js';
import { fitProblems } from '../../electron/core/service/train/estimate.js';
import { demoModel, requireTrainer, tempDir } from './trainerHelpers.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');
let dir: string;
let core: Core;
let projectId: string;
let modelId: string;
let versionId: string;

async function waitJob(id: string) {
  await core.ws.jobs.wait(id);
  return core.call('jobs:get', { id });
}

beforeAll(async () => {
  requireTrainer();
  dir = tempDir('ft-train-ws-');
  core = new Core({ workspaceDir: join(dir, 'ws'), mode: 'cli' });
  const model = await core.call('models:register', { path: await demoModel(dir) });
  const registered = await waitJob(model.id);
  modelId = registered.kind === 'model.register' ? registered.result!.id : '';
  projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  const imported = await waitJob((await core.call('datasets:import', { projectId, path: SAMPLE })).id);
  versionId = imported.kind === 'dataset.import' ? imported.result!.version.id : '';
}, 120_000);

afterAll(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('training in the workspace', () => {
  it('offers presets, estimates, trains, cancels and resumes the same run, continues from it with replay, compares, marks a candidate', async () => {
    const datasets = [{ versionId, weight: 1 }];
    const presets = await core.call('train:presets', { modelId, datasets });
    expect(presets.map((p) => p.id)).toEqual(['quick', 'balanced', 'thorough']);
    expect(presets[0]!.settings.threads).toBeGreaterThan(0);

    const estimate = await core.call('train:estimate', { projectId, modelId, datasets, preset: 'quick', settings: { threads: 2 } });
    expect(estimate).toMatchObject({ examples: 24, problems: [] });
    expect(estimate.steps).toBeGreaterThan(0);
    expect(estimate.peakMemoryBytes).toBeGreaterThan(1e6);

    // a first run, cancelled mid-way: it keeps its checkpoint, and resuming continues the same run's curve to the end
    const started = await core.call('train:start', { projectId, modelId, datasets, preset: 'quick', settings: { threads: 2, epochs: 5, checkpointEvery: 5 } });
    const runOf = async (jobId: string) => (await core.call('train:runs', { projectId })).find((r) => r.jobId === jobId);
    let points = 0;
    for (let i = 0; i < 1200 && points < 8; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const run = await runOf(started.id);
      points = run ? (await core.call('train:run', { id: run.id })).train.length : 0;
    }
    expect(points).toBeGreaterThanOrEqual(8);
    const cancelled = await core.call('jobs:cancel', { id: started.id });
    expect(cancelled.status).toBe('cancelled');
    const first = (await runOf(started.id))!;
    expect(first).toMatchObject({ status: 'cancelled', preset: 'quick', baseModelId: modelId, datasets });
    expect(first.checkpointPath && existsSync(first.checkpointPath)).toBe(true);
    const resumed = await core.call('jobs:resume', { id: started.id });
    expect(resumed).toMatchObject({ kind: 'train.run', resumedFrom: started.id });
    const done = await waitJob(resumed.id);
    expect(done.status, done.error?.message).toBe('succeeded');
    const detail = await core.call('train:run', { id: first.id });
    expect(detail.run).toMatchObject({ status: 'succeeded', jobId: resumed.id, candidate: false });
    expect(detail.train.length).toBeGreaterThan(points);
    expect(detail.train.at(-1)!.step).toBe(detail.run.steps);
    expect(detail.run.totalSteps).toBe(detail.run.steps);
    expect(detail.run.adapterPath).toMatch(/\.gguf$/);
    expect(existsSync(detail.run.adapterPath!)).toBe(true);
    expect(detail.run.provenance).toMatchObject({
      seed: 42,
      datasetHashes: { [versionId]: expect.stringMatching(/^[0-9a-f]{64}$/) },
      mix: { [versionId]: 24 },
      replayed: 0,
    });
    expect(detail.run.provenance!.appVersion).toMatch(/\d+\.\d+/);

    // teach it more without forgetting: continue from the first run, replaying half of its examples
    const phases = new Set<string>();
    const unsubscribe = core.subscribe((e) => {
      if (e.event === 'jobs:updated' && e.payload.kind === 'train.run' && e.payload.progress) phases.add(e.payload.progress.phase);
    });
    const next = await core.call('train:start', {
      projectId,
      modelId,
      datasets,
      settings: { threads: 2, epochs: 1, rank: 4 },
      continueFrom: first.id,
      replay: 0.5,
    });
    expect((await waitJob(next.id)).status).toBe('succeeded');
    unsubscribe();
    // the unchanged base's fingerprint comes from the workspace's cache: a many-GB base is not read again per run
    expect([...phases]).toContain('Fingerprint already known (file unchanged)');
    expect([...phases]).not.toContain('checking the base model');
    const second = (await runOf(next.id))!;
    expect(second).toMatchObject({ status: 'succeeded', continueFrom: first.id, replay: 0.5 });
    expect(second.provenance!.replayed).toBe(24);
    expect(second.settings.rank).toBe(first.settings.rank ?? 8); // the earlier adapter's shape, not the rank asked for

    const compared = await core.call('train:compare', { a: first.id, b: second.id });
    expect(compared.differences.map((d) => d.name)).toContain('epochs');
    expect(compared.a.train.length).toBeGreaterThan(0);
    expect(compared.b.train.length).toBeGreaterThan(0);

    const candidate = await core.call('train:candidate', { id: second.id });
    expect(candidate.candidate).toBe(true);
    await core.call('train:candidate', { id: first.id });
    const runs = await core.call('train:runs', { projectId });
    expect(runs.filter((r) => r.candidate).map((r) => r.id)).toEqual([first.id]);
  }, 600_000);

  it('refuses a run that will not fit, before anything is written', () => {
    expect(fitProblems(8e9, 1e9, { freeRamBytes: 4e9, freeDiskBytes: 100e9 })).toEqual([
      expect.objectContaining({ kind: 'memory', message: expect.stringMatching(/Save memory/) }),
    ]);
    expect(fitProblems(1e9, 50e9, { freeRamBytes: 16e9, freeDiskBytes: 10e9 })).toEqual([expect.objectContaining({ kind: 'disk' })]);
    expect(fitProblems(1e9, 1e9, { freeRamBytes: 16e9, freeDiskBytes: 100e9 })).toEqual([]);
  });

  it('refuses bad input with a specific message and writes no run', async () => {
    const before = (await core.call('train:runs', { projectId })).length;
    await expect(core.call('train:start', { projectId, modelId: 'nope', datasets: [{ versionId, weight: 1 }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.call('train:start', { projectId, modelId, datasets: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.call('train:start', { projectId, modelId, datasets: [{ versionId: 'missing', weight: 1 }] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(core.call('train:start', { projectId, modelId, datasets: [{ versionId, weight: 1 }], settings: { lr: -1 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await core.call('train:runs', { projectId })).length).toBe(before);
  });
});
