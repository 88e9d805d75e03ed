// Finite-difference check of the trainer's adapter gradients for every target, attn_k and attn_v included: with
// attention read from the KV cache those two get no gradient at all (and earlier layers a wrong one).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeTool } from '../../electron/core/train/supervisor.js';
import { chatSamples, demoModel, requireTrainer, runTrainerRaw, tempDir, trainingFile } from './trainerHelpers.js';

interface Check {
  tensor: string;
  index: number;
  analytic: number;
  numeric: number;
}

const TARGETS = ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'];

async function gradCheck(env: Record<string, string> = {}, extraArgs: string[] = [], quantize?: string): Promise<Check[]> {
  const dir = tempDir();
  let base = await demoModel(dir);
  if (quantize) {
    const q = join(dir, `demo-${quantize}.gguf`);
    execFileSync(nativeTool('llama-quantize'), [base, q, quantize, '1'], { stdio: 'ignore' });
    base = q;
  }
  const train = join(dir, 'train.fttrain');
  await trainingFile(base, (await chatSamples()).slice(0, 1), train);
  const out = join(dir, 'grad.json');
  // random lora_b so lora_a has a gradient too; one thread for a deterministic sum order
  const r = await runTrainerRaw(
    [
      '--base',
      base,
      '--train',
      train,
      '--grad-check',
      '3',
      '--grad-check-out',
      out,
      '--test-init-b',
      '0.05',
      '--threads',
      '1',
      '--no-stdin-watch',
      ...extraArgs,
    ],
    { env },
  );
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

/**
 * Largest relative difference between two runs' analytic gradients at the points both checked (each run checks its
 * own largest gradients per tensor, so rounding can swap a few near-ties; most points must be shared).
 */
function largestDifference(a: Check[], b: Check[]): number {
  const key = (c: Check) => `${c.tensor}[${c.index}]`;
  const other = new Map(b.map((c) => [key(c), c.analytic]));
  const shared = a.filter((c) => other.has(key(c)));
  expect(shared.length).toBeGreaterThanOrEqual(0.8 * a.length);
  const scale = Math.max(...a.map((c) => Math.abs(c.analytic)));
  return Math.max(...shared.map((c) => Math.abs(c.analytic - (other.get(key(c)) ?? NaN)) / scale));
}

describe('transposed weight copies in the backward pass (the default; --low-memory turns them off)', () => {
  it('F32 base without BF16 products: the copies are exact, so gradients equal those of the OUT_PROD path', async () => {
    requireTrainer();
    const exact = { FIELDTUNE_TEST_NO_NATIVE_BF16: '1' };
    const [fast, lowMemory] = await Promise.all([gradCheck(exact), gradCheck(exact, ['--low-memory'])]);
    expect(largestDifference(fast, lowMemory)).toBeLessThan(1e-4);
  });

  it('F32 base, default copies (BF16 packed for AMX tiles where the CPU has them): within 5 percent of OUT_PROD', async () => {
    requireTrainer();
    const amx = /\bamx_bf16\b/.test(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '');
    const [fast, lowMemory] = await Promise.all([gradCheck(), gradCheck({}, ['--low-memory'])]);
    const d = largestDifference(fast, lowMemory);
    console.log(
      `F32 base, default transposed copies (AMX-BF16 ${amx ? 'present' : 'absent'}) vs OUT_PROD: largest relative gradient difference ${d.toExponential(2)}`,
    );
    expect(d).toBeLessThan(0.05);
    // with AMX the copies are BF16 (patch 0013), a different path from the exact one; without, they are exact
    if (amx) expect(d).toBeGreaterThan(0);
    else expect(d).toBeLessThan(1e-4);
  });

  it.each<{ label: string; env: Record<string, string> }>([
    { label: "the CPU's choice (BF16 with AVX512-BF16, else Q8_0)", env: {} },
    { label: 'Q8_0 forced', env: { FIELDTUNE_TEST_NO_NATIVE_BF16: '1' } },
  ])('Q8_0 base, copies of $label: input gradients within 5 percent of the OUT_PROD path', async ({ label, env }) => {
    requireTrainer();
    const [fast, lowMemory] = await Promise.all([gradCheck(env, [], 'Q8_0'), gradCheck(env, ['--low-memory'], 'Q8_0')]);
    const d = largestDifference(fast, lowMemory);
    console.log(`Q8_0 base, transposed copies (${label}) vs OUT_PROD: largest relative gradient difference ${d.toExponential(2)}`);
    expect(d).toBeLessThan(0.05);
    // and they are different paths (the copies re-round), not the same code twice
    expect(d).toBeGreaterThan(0);
  });
});

describe('output head on labelled rows only (patch 0012; FIELDTUNE_TEST_DENSE_LOSS=1 keeps the full head)', () => {
  it('the analytic gradients equal those of the full head with dense labels and a logits mask', async () => {
    requireTrainer();
    const [gathered, dense] = await Promise.all([gradCheck(), gradCheck({ FIELDTUNE_TEST_DENSE_LOSS: '1' })]);
    const d = largestDifference(gathered, dense);
    console.log(`labelled rows vs full head: largest relative gradient difference ${d.toExponential(2)}`);
    // AdamW would hide a gradient off by a constant factor (the loss's row count): the raw gradients must agree
    expect(d).toBeLessThan(1e-4);
  });
});
