// Patch 0012: a training step sends only the labelled rows (answer tokens) through the output head and the loss, with
// integer labels. The previous path (every row through the head, dense one-hot labels, a logits mask) stays behind
// FIELDTUNE_TEST_DENSE_LOSS=1 so the two can be compared on the same data: same loss, same gradients, same adapter.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MaskedSample } from '../../electron/core/train/trainingFile.js';
import { adapterTensors, chatSamples, maxDiff, runTrainerRaw, trainerFixture, trainingFile } from './trainerHelpers.js';

const DENSE = { FIELDTUNE_TEST_DENSE_LOSS: '1' };

describe('output head on labelled rows only (integer-label cross-entropy)', () => {
  let dir = '';
  let base = '';
  let train = '';
  let rendered: MaskedSample[] = [];

  beforeAll(async () => {
    ({ dir, base } = await trainerFixture());
    train = join(dir, 'chat.fttrain');
    rendered = await trainingFile(base, await chatSamples(), train);
  });

  // three optimizer steps in file order, random lora_b so every adapter tensor moves from the first step; one thread
  // so each path sums in a fixed order
  const run = (out: string, env: Record<string, string> = {}) =>
    runTrainerRaw(
      ['--base', base, '--train', train, '--out', out, '--max-steps', '3', '--no-shuffle', '--test-init-b', '0.05', '--threads', '1', '--no-stdin-watch'],
      { env },
    );

  it('sends only the answer rows through the head (the dense test path sends the whole window)', async () => {
    const [gathered, dense] = await Promise.all([run(join(dir, 'rows.gguf')), run(join(dir, 'rows-dense.gguf'), DENSE)]);
    expect(gathered.code, gathered.stderr).toBe(0);
    expect(dense.code, dense.stderr).toBe(0);
    const rows = (stderr: string) => {
      const m = /loss rows: (\d+) of (\d+) window rows, (\d+) wide/.exec(stderr);
      expect(m, stderr).not.toBeNull();
      return { rows: Number(m?.[1]), window: Number(m?.[2]), width: Number(m?.[3]) };
    };
    // the first step trains on the first sample (--no-shuffle): its targets are the answer tokens
    const first = rendered[0];
    const targets = first ? first.mask.filter((m) => m === 1).length : 0;
    const g = rows(gathered.stderr);
    const d = rows(dense.stderr);
    expect(targets).toBeGreaterThan(0);
    expect(g.rows).toBe(targets);
    expect(g.rows).toBeLessThan(g.window / 2);
    expect(d.rows).toBe(d.window);
    expect(g.width).toBe(d.width);
  });

  it('gives the dense path loss at every step, and the same adapter', async () => {
    const a = join(dir, 'sparse.gguf');
    const b = join(dir, 'dense.gguf');
    const [sparse, dense] = await Promise.all([run(a), run(b, DENSE)]);
    expect(sparse.code, sparse.stderr).toBe(0);
    expect(dense.code, dense.stderr).toBe(0);
    const losses = (r: typeof sparse) => r.events.flatMap((e) => (e.type === 'step' ? [e.loss] : []));
    const ls = losses(sparse);
    const ld = losses(dense);
    expect(ls.length).toBe(3);
    expect(ld.length).toBe(3);
    ls.forEach((l, i) => expect(Math.abs(l - (ld[i] ?? NaN)), `step ${i + 1}: ${l} vs ${String(ld[i])}`).toBeLessThan(1e-5 * Math.abs(l)));
    // the losses moved (the adapter trained), so equal losses are not two copies of the step-0 value
    expect(ls[2]).not.toBe(ls[0]);
    const ta = adapterTensors(a);
    const tb = adapterTensors(b);
    const scale = Math.max(...[...tb.values()].map((t) => Math.max(...t.map(Math.abs))));
    const d = maxDiff(ta, tb);
    console.log(
      `labelled rows vs dense head: losses ${ls.map((l) => l.toFixed(6)).join(', ')}; largest adapter difference ${d.toExponential(2)} of ${scale.toFixed(3)}`,
    );
    expect(d).toBeLessThan(1e-4 * scale);
  });
});
