// Examples longer than the max sequence length (issue 11, item 4): the trainer skips them by default and cuts them to
// the window with --long-examples truncate; the pre-flight counts them and says which of the two the run will do.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core.js';
import { readGgufHeader } from '../../electron/core/gguf/reader.js';
import { trainerArgs } from '../../electron/core/train/supervisor.js';
import { runTrainerRaw, trainerFixture, type TrainerFixture } from './trainerHelpers.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');
let fx: TrainerFixture;

beforeAll(async () => {
  fx = await trainerFixture();
}, 120_000);

async function train(mode: 'skip' | 'truncate') {
  const out = join(fx.dir, `${mode}.gguf`);
  // a 24-token window: most of the fixture's samples are longer
  const r = await runTrainerRaw(
    ['--base', fx.base, '--train', fx.train, '--out', out, '--max-seq', '24', '--long-examples', mode, '--max-steps', '2'].concat([
      '--threads',
      '1',
      '--no-stdin-watch',
    ]),
  );
  return { r, out };
}

describe('examples longer than the max sequence length', () => {
  it('are skipped by default, and cut to the window (kept) with --long-examples truncate', async () => {
    const skip = await train('skip');
    expect(skip.r.code, skip.r.stderr).toBe(0);
    const skipDone = skip.r.events.find((e) => e.type === 'done');
    const dropped = skipDone?.type === 'done' ? skipDone.droppedSamples : -1;
    expect(dropped).toBeGreaterThan(0);

    const cut = await train('truncate');
    expect(cut.r.code, cut.r.stderr).toBe(0);
    const cutDone = cut.r.events.find((e) => e.type === 'done');
    expect(cutDone?.type === 'done' ? cutDone.droppedSamples : -1).toBeLessThan(dropped);
    const truncated = (await readGgufHeader(cut.out)).keyValues.find((kv) => kv.key === 'fieldtune.truncated_samples')?.value.value;
    expect(Number(truncated)).toBeGreaterThan(0);
    expect(cut.r.stderr).toMatch(/\d+ truncated\), window 24/);

    const bad = await runTrainerRaw(['--base', fx.base, '--train', fx.train, '--out', join(fx.dir, 'x.gguf'), '--long-examples', 'cut']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/--long-examples must be skip or truncate/);
  }, 120_000);

  it('the setting reaches the trainer, and the pre-flight counts the long examples and says what happens to them', async () => {
    expect(trainerArgs({ base: 'b', trainFile: 't', out: 'o', logFile: 'l', maxSeq: 64, longExamples: 'truncate' }).join(' ')).toContain(
      '--max-seq 64 --long-examples truncate',
    );
    const core = new Core({ workspaceDir: join(fx.dir, 'ws'), mode: 'cli' });
    try {
      const reg = await core.ws.jobs.wait((await core.call('models:register', { path: fx.base })).id);
      const modelId = reg.kind === 'model.register' ? reg.result!.id : '';
      const projectId = (await core.call('projects:create', { name: 'P' })).id;
      const imported = await core.ws.jobs.wait((await core.call('datasets:import', { projectId, path: SAMPLE })).id);
      const versionId = imported.kind === 'dataset.import' ? imported.result!.version.id : '';
      const estimate = await core.call('train:estimate', {
        projectId,
        modelId,
        datasets: [{ versionId, weight: 1 }],
        settings: { maxSeq: 32, longExamples: 'truncate', epochs: 1, threads: 1 },
      });
      expect(estimate).toMatchObject({ maxSeq: 32, longExamples: 'truncate' });
      expect(estimate.tooLong).toBeGreaterThan(0);
    } finally {
      await core.close();
    }
  }, 180_000);
});
