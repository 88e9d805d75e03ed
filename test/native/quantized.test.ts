// Quantized bases train: Q8_0 and Q4_0 (made with the llama-quantize built from the same llama.cpp source).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeTool } from '../../electron/core/train/supervisor.js';
import { runTrainerRaw, trainerFixture } from './trainerHelpers.js';

describe('fieldtune-train on quantized bases', () => {
  let dir = '';
  let f32 = '';
  let train = '';

  beforeAll(async () => {
    ({ dir, base: f32, train } = await trainerFixture());
  });

  it.each(['Q8_0', 'Q4_0'])('%s base: training lowers the loss and writes an adapter', async (type) => {
    const q = join(dir, `demo-${type}.gguf`);
    execFileSync(nativeTool('llama-quantize'), [f32, q, type, '1'], { stdio: 'ignore' });
    const r = await runTrainerRaw([
      '--base',
      q,
      '--train',
      train,
      '--out',
      join(dir, `${type}.gguf`),
      '--epochs',
      '4',
      '--lr',
      '1e-3',
      '--threads',
      '2',
      '--no-stdin-watch',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const losses = r.events.flatMap((e) => (e.type === 'step' ? [e.loss] : []));
    const firstEpoch = losses.slice(0, 8).reduce((a, b) => a + b, 0) / 8;
    const lastEpoch = losses.slice(-8).reduce((a, b) => a + b, 0) / 8;
    console.log(`${type}: mean loss epoch 1 ${firstEpoch.toFixed(3)} -> epoch 4 ${lastEpoch.toFixed(3)}`);
    expect(lastEpoch).toBeLessThan(0.7 * firstEpoch);
    expect(r.events.at(-1)).toMatchObject({ type: 'done', steps: 32 });
  });
});
