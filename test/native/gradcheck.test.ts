// Finite-difference check of the trainer's adapter gradients for every target, attn_k and attn_v included: with
// attention read from the KV cache those two get no gradient at all (and earlier layers a wrong one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatSamples, demoModel, requireTrainer, runTrainerRaw, tempDir, trainingFile } from './trainerHelpers.js';

interface Check {
  tensor: string;
  index: number;
  analytic: number;
  numeric: number;
}

const TARGETS = ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'];

async function gradCheck(env: Record<string, string> = {}): Promise<Check[]> {
  const dir = tempDir();
  const base = await demoModel(dir);
  const train = join(dir, 'train.fttrain');
  await trainingFile(base, (await chatSamples()).slice(0, 1), train);
  const out = join(dir, 'grad.json');
  // random lora_b so lora_a has a gradient too; one thread for a deterministic sum order
  const r = await runTrainerRaw(['--base', base, '--train', train, '--grad-check', '3', '--grad-check-out', out,
    '--test-init-b', '0.05', '--threads', '1', '--no-stdin-watch'], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Check[];
}

describe('fieldtune-train gradients', () => {
  let checks: Check[] = [];

  beforeAll(async () => {
    requireTrainer();
    checks = await gradCheck();
  });

  it.each(TARGETS)('%s: analytic gradients match finite differences (lora_a and lora_b, every layer)', (target) => {
    const mine = checks.filter((c) => c.tensor.includes(`.${target}.`));
    expect(mine.length).toBeGreaterThanOrEqual(2 * 2 * 3); // 2 layers x (a, b) x 3 elements
    for (const suffix of ['lora_a', 'lora_b']) {
      const largest = Math.max(...mine.filter((c) => c.tensor.endsWith(suffix)).map((c) => Math.abs(c.analytic)));
      expect(largest, `${target}.${suffix} has no gradient`).toBeGreaterThan(1e-6);
    }
    for (const c of mine) {
      const scale = Math.max(Math.abs(c.analytic), Math.abs(c.numeric));
      expect(Math.abs(c.analytic - c.numeric), `${c.tensor}[${c.index}] analytic ${c.analytic} numeric ${c.numeric}`).toBeLessThanOrEqual(0.05 * scale + 2e-5);
    }
  });
});

describe('the gradient check catches the KV-cache bug (negative control)', () => {
  it('with attention read from the cache (upstream behaviour), attn_k and attn_v have zero analytic gradient', async () => {
    requireTrainer();
    const bad = await gradCheck({ FIELDTUNE_TEST_CACHE_ATTENTION: '1' });
    for (const target of ['attn_k', 'attn_v']) {
      const mine = bad.filter((c) => c.tensor.includes(`.${target}.`));
      expect(mine.every((c) => c.analytic === 0)).toBe(true);
      expect(Math.max(...mine.map((c) => Math.abs(c.numeric)))).toBeGreaterThan(1e-4);
    }
  });
});
