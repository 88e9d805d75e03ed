import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { SAMPLE_DATASET } from '../datasets/datasets.js';
import { DEMO_DATASET_NAME, DEMO_PROJECT_NAME, seedDemo } from './seedDemo.js';

const t = tempDir();
let core: Core;

beforeAll(async () => {
  core = new Core({ workspaceDir: t.dir, mode: 'cli' });
  expect(await seedDemo(core.ws, () => {})).toBe(true);
});
afterAll(async () => {
  await core.close();
  t.cleanup();
});

describe('demo workspace', () => {
  it('registers a fingerprinted random-weight demo model and a demo project with the sample dataset', async () => {
    const [model] = await core.call('models:list');
    expect(model?.isDemo).toBe(true);
    expect(model?.label).toMatch(/random weights/);
    expect(model?.sha256).toBe(createHash('sha256').update(readFileSync(model!.path)).digest('hex'));
    expect(model?.metadata).toMatchObject({ architecture: 'llama' });
    expect((await core.call('app:info')).demoModelId).toBe(model?.id);

    const [project] = await core.call('projects:list');
    expect(project).toMatchObject({ name: DEMO_PROJECT_NAME, isDemo: true, domain: 'medical' }); // a clinic's front desk
    expect(project?.systemPrompt).toMatch(/^You are the front desk of a general practice/); // the front-desk template's
    const datasets = await core.call('datasets:list', { projectId: project!.id });
    expect(datasets).toEqual([expect.objectContaining({ name: DEMO_DATASET_NAME })]);
    const lines = readFileSync(SAMPLE_DATASET, 'utf8').trim().split('\n').length;
    expect(datasets[0]?.versions.map((v) => v.examples)).toEqual([lines]);
  });

  it('seeds only once, even after the user deleted the demo project', async () => {
    const [project] = await core.call('projects:list');
    await core.call('projects:delete', { id: project!.id, confirmName: project!.name });
    expect(await seedDemo(core.ws, () => {})).toBe(false);
    expect(await core.call('projects:list')).toEqual([]);
  });

  it('fingerprints a model through a job with progress, and refuses a non-GGUF file up front', async () => {
    const [demo] = await core.call('models:list');
    const job = await core.call('models:register', { path: demo!.path, label: 'again' });
    const done = await core.ws.jobs.wait(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ sha256: demo!.sha256, label: 'again' });
    expect(await core.call('models:list')).toHaveLength(1); // same path: updated, not duplicated

    const refused = await core.request('models:register', { path: import.meta.filename });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await core.request('models:register', { path: '/no/such/model.gguf' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('No file') } });
  });
});
