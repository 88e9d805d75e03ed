// Evaluating a finished run in a workspace through the one door (as the Evaluate step and `fieldtune eval --run`
// send it): the eval.run job, the stored evaluation with probes and leak result, the report; and each bad input
// (an invalid rule, an empty test split, a missing adapter blob, an adapter for another base) refused with a
// specific message, no job and no evaluation written.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldtuneError } from '../../electron/contract/errors.js';
import { Core } from '../../electron/core/core.js';
import { demoModel, requireTrainer, tempDir } from './trainerHelpers.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');
let dir: string;
let core: Core;
let projectId: string;
let splitRun: string;
let unsplitVersion: string;

async function waitJob(id: string) {
  await core.ws.jobs.wait(id);
  return core.call('jobs:get', { id });
}

async function train(modelId: string, versionId: string): Promise<string> {
  const job = await core.call('train:start', {
    projectId,
    modelId,
    datasets: [{ versionId, weight: 1 }],
    preset: 'quick',
    settings: { threads: 2, epochs: 1 },
  });
  const done = await waitJob(job.id);
  expect(done.status, done.error?.message).toBe('succeeded');
  return (await core.call('train:runs', { projectId })).find((r) => r.jobId === job.id)!.id;
}

async function refusal(input: Parameters<typeof core.call<'eval:start'>>[1]): Promise<FieldtuneError> {
  const jobs = (await core.call('jobs:list', {})).length;
  const evaluations = (await core.call('eval:list', {})).length;
  const e = await core.call('eval:start', input).then(
    () => null,
    (x: unknown) => x as FieldtuneError,
  );
  expect(e).toBeInstanceOf(FieldtuneError);
  // nothing half-written: no job, no evaluation
  expect((await core.call('jobs:list', {})).length).toBe(jobs);
  expect((await core.call('eval:list', {})).length).toBe(evaluations);
  return e!;
}

beforeAll(async () => {
  requireTrainer();
  dir = tempDir('ft-eval-ws-');
  core = new Core({ workspaceDir: join(dir, 'ws'), mode: 'cli' });
  const model = await waitJob((await core.call('models:register', { path: await demoModel(dir) })).id);
  const modelId = model.kind === 'model.register' ? model.result!.id : '';
  projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  const imported = await waitJob((await core.call('datasets:import', { projectId, path: SAMPLE })).id);
  const unsplit = imported.kind === 'dataset.import' ? imported.result!.version.id : '';
  const split = await core.call('datasets:split', { versionId: unsplit, shares: { train: 0.8, validation: 0, test: 0.2 } });
  expect(split.counts.test).toBeGreaterThanOrEqual(3);
  splitRun = await train(modelId, split.version.id);
  unsplitVersion = unsplit;
}, 240_000);

afterAll(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('evaluating a run in the workspace', () => {
  it('runs the eval job with the baseline and probes, stores it with the run, and writes the report', async () => {
    // the prompting baseline takes the project's system prompt when an example has none
    await core.call('projects:update', { id: projectId, systemPrompt: 'You answer for the clinic front desk.' });
    const job = await core.call('eval:start', { runId: splitRun, shots: 2, maxNewTokens: 4, probes: true, threads: 1 });
    expect(job.kind).toBe('eval.run');
    const done = await waitJob(job.id);
    expect(done.status, done.error?.message).toBe('succeeded');
    const result = done.kind === 'eval.run' ? done.result! : null;
    const list = await core.call('eval:list', { projectId });
    expect(list.map((e) => e.id)).toEqual([result!.evaluationId]);
    expect(Object.keys(list[0]!.systems).sort()).toEqual(['base', 'baseline', 'tuned']);
    expect(list[0]!.verdict).toBe(result!.verdict);
    const e = await core.call('eval:get', { id: result!.evaluationId });
    expect(e.result.examples.length).toBeGreaterThanOrEqual(3);
    expect(e.result.examples[0]!.answers).toHaveProperty('baseline');
    expect(e.result.settings.systemPrompt).toBe('You answer for the clinic front desk.');
    expect(e.result.examples[0]!.perplexity.base).toBeGreaterThan(0);
    expect(e.result.probes!.retention!.items).toBeGreaterThanOrEqual(200);
    expect(e.result.probes!.robustness!.pairs).toBeGreaterThan(0);
    expect(e.result.probes!.bias!.pairs).toBeGreaterThan(0);
    // the leak result is recorded with the run (Export reads it)
    expect(e.result.probes!.leak!.probes).toBeGreaterThan(0);
    expect(e.leakPassed).toBe(e.result.probes!.leak!.passed);
    expect(list[0]!.leakPassed).toBe(e.leakPassed);

    const report = await core.call('eval:report', { id: e.id });
    expect(report.html).toContain('Verdict');
    expect(report.html).toContain('<svg');
    expect(readFileSync(report.pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await core.call('eval:list', { runId: splitRun }))[0]!.reportPath).toBe(report.htmlPath);
  }, 240_000);

  it('stops when cancelled and keeps nothing', async () => {
    const before = (await core.call('eval:list', {})).length;
    const job = await core.call('eval:start', { runId: splitRun, maxNewTokens: 4, threads: 1 });
    await core.call('jobs:cancel', { id: job.id });
    expect((await waitJob(job.id)).status).toBe('cancelled');
    expect((await core.call('eval:list', {})).length).toBe(before);
  });

  it('refuses a rule with an invalid regular expression', async () => {
    const e = await refusal({ runId: splitRun, rules: [{ kind: 'regex', pattern: '([a-z' }] });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toMatchObject({ reason: 'invalidRule', rule: 0 });
    expect(e.message).toMatch(/Rule 1 \(must match \/\(\[a-z\/\) is not a valid pattern/);
  });

  it('refuses a run whose test split has no examples', async () => {
    // the run's record names the version without a split (one training run fewer for the suite)
    const row = core.ws.db.prepare('SELECT datasets FROM training_runs WHERE id = ?').get(splitRun) as { datasets: string };
    core.ws.db.prepare('UPDATE training_runs SET datasets = ? WHERE id = ?').run(JSON.stringify([{ versionId: unsplitVersion, weight: 1 }]), splitRun);
    try {
      const e = await refusal({ runId: splitRun });
      expect(e.details).toMatchObject({ reason: 'emptyTestSplit' });
      expect(e.message).toMatch(/has no examples: split the data with a test share/);
    } finally {
      core.ws.db.prepare('UPDATE training_runs SET datasets = ? WHERE id = ?').run(row.datasets, splitRun);
    }
  });

  it('refuses a run whose adapter blob is missing', async () => {
    // the blob is the run's record of its adapter (the run folder's copy is a convenience for tools)
    const path = core.ws.blobs.pathOf((await core.call('train:run', { id: splitRun })).run.adapterSha256!);
    renameSync(path, `${path}.away`);
    try {
      const e = await refusal({ runId: splitRun });
      expect(e.details).toMatchObject({ reason: 'adapterMissing' });
      expect(e.message).toMatch(/adapter file of this run is missing/);
    } finally {
      renameSync(`${path}.away`, path);
    }
  });

  it('refuses an adapter made for another base model', async () => {
    const other = await waitJob((await core.call('models:register', { path: await demoModel(dir, { embd: 64, ff: 128 }) })).id);
    const o = other.kind === 'model.register' ? other.result! : null;
    // the run now names another model (its fingerprint and all): the adapter's shapes do not fit it
    core.ws.db.prepare('UPDATE training_runs SET base_model_id = ?, base_sha256 = ? WHERE id = ?').run(o!.id, o!.sha256, splitRun);
    const e = await refusal({ runId: splitRun });
    expect(e.details).toMatchObject({ reason: 'adapterForAnotherBase' });
    expect(e.message).toMatch(/This adapter was made for another base model: .*shape/);
    expect(existsSync(o!.path)).toBe(true);
  });
});
