// The run-shaping options: gradient accumulation, validation with early stopping, interval checkpoints.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrainerRaw, trainerFixture } from './trainerHelpers.js';

describe('fieldtune-train options', () => {
  let dir = '';
  let base = '';
  let train = '';

  beforeAll(async () => {
    ({ dir, base, train } = await trainerFixture());
  });

  it('--grad-accum 2 halves the steps and still learns; --checkpoint-every writes interval checkpoints', async () => {
    const r = await runTrainerRaw([
      '--base',
      base,
      '--train',
      train,
      '--out',
      join(dir, 'ga.gguf'),
      '--epochs',
      '4',
      '--grad-accum',
      '2',
      '--lr',
      '2e-3',
      '--checkpoint-every',
      '5',
      '--checkpoint-dir',
      join(dir, 'ck'),
      '--threads',
      '2',
      '--no-stdin-watch',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const steps = r.events.filter((e) => e.type === 'step');
    expect(steps.length).toBe(16); // 8 samples x 4 epochs / 2
    expect(r.events.filter((e) => e.type === 'checkpoint').map((e) => (e.type === 'checkpoint' ? [e.step, e.reason] : []))).toEqual([
      [5, 'interval'],
      [10, 'interval'],
      [15, 'interval'],
    ]);
    const loss = steps.map((e) => (e.type === 'step' ? e.loss : NaN));
    const first = (loss[0]! + loss[1]! + loss[2]! + loss[3]!) / 4;
    const last = (loss[12]! + loss[13]! + loss[14]! + loss[15]!) / 4;
    expect(last).toBeLessThan(first - 1);
  });

  it('--val evaluates at the start and after every epoch; --early-stop ends a run whose validation loss rises', async () => {
    // a learning rate far too high makes validation loss worse, which early stopping must catch
    const r = await runTrainerRaw([
      '--base',
      base,
      '--train',
      train,
      '--val',
      train,
      '--out',
      join(dir, 'es.gguf'),
      '--epochs',
      '40',
      '--lr',
      '0.5',
      '--schedule',
      'constant',
      '--early-stop',
      '1',
      '--threads',
      '2',
      '--no-stdin-watch',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const evals = r.events.filter((e) => e.type === 'eval');
    expect(evals[0]).toMatchObject({ step: 0 });
    const done = r.events.at(-1);
    expect(done).toMatchObject({ type: 'done', stoppedEarly: true });
    expect(done?.type === 'done' && done.steps).toBeLessThan(320);
    // it stopped at the first evaluation that did not improve on the best one
    const losses = evals.map((e) => (e.type === 'eval' ? e.valLoss : NaN));
    expect(losses.at(-1)).toBeGreaterThanOrEqual(Math.min(...losses.slice(0, -1)));
  });
});
