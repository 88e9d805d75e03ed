// The architecture matrix: for every architecture the trainer accepts besides llama (covered by gradcheck, training,
// resume and export tests), on a small demo model of that architecture:
//   - the finite-difference gradient check on every LoRA target it has (phi3: the fused attn_qkv and ffn_up),
//   - a short training run whose answer perplexity, measured by node-llama-cpp with the adapter loaded, falls,
//   - checkpoint + resume ending where the uninterrupted run ends,
// and the up-front refusals: an unsupported architecture or a target the model does not have is refused before
// anything is written. Sized for CI: 2 layers (6 for gemma3, so its 5:1 local/global pattern has a global layer),
// 128 wide, 32k vocabularies. The gemma families' only shipped vocabulary is Gemma 4's (262k tokens): it would make
// each gemma run ~8x slower, so the tests give gemma the 32k Llama-2 SentencePiece vocabulary (Gemma's tokenizer kind)
// with the Gemma template; demoModel/archs.test.ts checks the real vocabularies load and chat in node-llama-cpp.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { checkTrainableBase } from '../../electron/core/train/baseCheck.js';
import { evaluatePerplexity } from '../../electron/core/train/evaluate.js';
import { nativeTool } from '../../electron/core/train/supervisor.js';
import { adapterTensors, chatSamples, requireTrainer, runTrainerRaw, tempDir, trainingFile } from './trainerHelpers.js';

interface Check {
  tensor: string;
  index: number;
  analytic: number;
  numeric: number;
}

const ARCHS = [
  { arch: 'qwen2', vocab: 'phi-3', targets: ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'] },
  { arch: 'qwen3', vocab: 'phi-3', targets: ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'] },
  { arch: 'phi3', vocab: 'phi-3', targets: ['attn_qkv', 'attn_output', 'ffn_up', 'ffn_down'] },
  { arch: 'gemma3', vocab: 'llama-spm', targets: ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'] },
  { arch: 'mistral', vocab: 'llama-spm', targets: ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'] },
  { arch: 'gemma2', vocab: 'llama-spm', targets: ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'] },
] as const;

interface Fixture {
  dir: string;
  base: string;
  /** the chat fixture rendered for this model (8 samples) */
  train: string;
}

// one demo model and training file per architecture, shared by its tests (rendering loads the model in node-llama-cpp)
const fixtures = new Map<string, Promise<Fixture>>();
function fixture(arch: string, vocab: string): Promise<Fixture> {
  let f = fixtures.get(arch);
  if (!f) {
    f = (async () => {
      requireTrainer();
      const dir = tempDir(`ft-arch-${arch}-`);
      const model = await writeDemoModel({
        out: join(dir, `${arch}.gguf`),
        arch,
        vocab,
        layers: arch === 'gemma3' ? 6 : 2,
        embd: 128,
        headsKv: 1,
        ff: 256,
        ctx: 256,
        seed: 7,
      });
      const train = join(dir, 'train.fttrain');
      await trainingFile(model.path, await chatSamples(), train);
      return { dir, base: model.path, train };
    })();
    fixtures.set(arch, f);
  }
  return f;
}

describe.each(ARCHS)('$arch', ({ arch, vocab, targets }) => {
  it(`gradient check: ${targets.join(', ')} match finite differences (lora_a and lora_b, every layer)`, async () => {
    const { dir, base, train } = await fixture(arch, vocab); // the check uses the file's first sample
    const out = join(dir, 'grad.json');
    // no --targets: the defaults must map onto this architecture's tensors (phi3: attn_qkv, ffn_up)
    const r = await runTrainerRaw([
      '--base',
      base,
      '--train',
      train,
      '--grad-check',
      '2',
      '--grad-check-out',
      out,
      '--test-init-b',
      '0.05',
      '--threads',
      '1',
      '--no-stdin-watch',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const checks = JSON.parse(readFileSync(out, 'utf8')) as Check[];
    const kinds = new Set(checks.map((c) => c.tensor.replace(/^blk\.\d+\./, '').replace(/\.weight\.lora_[ab]$/, '')));
    expect([...kinds].sort()).toEqual([...targets].sort());
    for (const target of targets) {
      const mine = checks.filter((c) => c.tensor.includes(`.${target}.`));
      for (const suffix of ['lora_a', 'lora_b']) {
        const largest = Math.max(...mine.filter((c) => c.tensor.endsWith(suffix)).map((c) => Math.abs(c.analytic)));
        expect(largest, `${target}.${suffix} has no gradient`).toBeGreaterThan(1e-6);
      }
      for (const c of mine) {
        const scale = Math.max(Math.abs(c.analytic), Math.abs(c.numeric));
        expect(Math.abs(c.analytic - c.numeric), `${c.tensor}[${c.index}] analytic ${c.analytic} numeric ${c.numeric}`).toBeLessThanOrEqual(
          0.05 * scale + 2e-5,
        );
      }
    }
  }, 180_000);

  it('trains: answer perplexity in node-llama-cpp falls with the adapter; stop + resume ends where the straight run ends', async () => {
    const { dir, base, train } = await fixture(arch, vocab);
    const samples = await chatSamples();
    const common = ['--base', base, '--train', train, '--epochs', '3', '--lr', '2e-3', '--threads', '2', '--no-stdin-watch'];
    const full = join(dir, 'full.gguf');
    const r = await runTrainerRaw([...common, '--out', full]);
    expect(r.code, r.stderr).toBe(0);

    const ppl = await evaluatePerplexity({ base, adapter: full, samples, threads: 2 });
    console.log(`${arch}: answer perplexity ${ppl.base.perplexity.toFixed(1)} -> ${ppl.tuned!.perplexity.toFixed(2)} after ${samples.length * 3} steps`);
    expect(ppl.tuned!.tokens).toBeGreaterThan(0);
    // measured on these shapes: 20x or more for every architecture; 3x leaves room for another machine's rounding
    expect(ppl.tuned!.perplexity).toBeLessThan(ppl.base.perplexity / 3);

    // lora_b starts at zero: every one moved, so every target (k and v included) got a gradient in training too
    const trained = adapterTensors(full);
    for (const [name, x] of trained) {
      if (name.endsWith('.lora_b')) expect(Math.max(...x.map(Math.abs)), `${name} never moved`).toBeGreaterThan(0);
    }
    if (arch === 'phi3') {
      // the fused attn_qkv's K and V rows (q 128, k 64, v 64 wide; lora_b is [rank 8, 256]) learn too
      const b = trained.get('blk.0.attn_qkv.weight.lora_b')!;
      const rows = (from: number, to: number) => Math.max(...b.subarray(from * 8, to * 8).map(Math.abs));
      expect(rows(128, 192)).toBeGreaterThan(0);
      expect(rows(192, 256)).toBeGreaterThan(0);
    }

    const out = join(dir, 'resumed.gguf');
    const ckdir = join(dir, 'ck');
    const stopped = await runTrainerRaw([...common, '--out', out, '--checkpoint-dir', ckdir, '--test-stop-after', '5']);
    expect(stopped.code).toBe(75);
    const ck = stopped.events.find((e) => e.type === 'checkpoint');
    const resumed = await runTrainerRaw([...common, '--out', out, '--checkpoint-dir', ckdir, '--resume', ck?.type === 'checkpoint' ? ck.path : '']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const a = trained;
    const b = adapterTensors(out);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    let diff = 0;
    for (const [name, x] of a) x.forEach((v, i) => (diff = Math.max(diff, Math.abs(v - (b.get(name)![i] ?? NaN)))));
    expect(diff).toBeLessThanOrEqual(1e-5);
  }, 300_000);

  it('a Q4_0 base of this architecture trains (loss falls)', async () => {
    const { dir, base, train } = await fixture(arch, vocab);
    const q = join(dir, 'q4_0.gguf');
    execFileSync(nativeTool('llama-quantize'), [base, q, 'Q4_0', '1'], { stdio: 'ignore' });
    // same vocabulary and template as the F32 file, so its training file applies as it is
    const r = await runTrainerRaw([
      '--base',
      q,
      '--train',
      train,
      '--out',
      join(dir, 'q.gguf'),
      '--epochs',
      '2',
      '--lr',
      '2e-3',
      '--threads',
      '2',
      '--no-stdin-watch',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const losses = r.events.flatMap((e) => (e.type === 'step' ? [e.loss] : []));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`${arch} Q4_0: mean loss epoch 1 ${mean(losses.slice(0, 8)).toFixed(3)} -> epoch 2 ${mean(losses.slice(-8)).toFixed(3)}`);
    expect(mean(losses.slice(-8))).toBeLessThan(0.8 * mean(losses.slice(0, 8)));
  }, 120_000);
});

describe('more base types (qwen3, 256 wide so K-quant blocks of 256 fit every row)', () => {
  it.each(['F16', 'Q4_K_M', 'Q8_0'])(
    'a %s base trains (loss falls)',
    async (type) => {
      requireTrainer();
      const dir = tempDir(`ft-arch-${type}-`);
      const model = await writeDemoModel({ out: join(dir, 'qwen3.gguf'), arch: 'qwen3', vocab: 'phi-3', layers: 2, embd: 256, ff: 256, ctx: 256, seed: 7 });
      const q = join(dir, `${type}.gguf`);
      execFileSync(nativeTool('llama-quantize'), [model.path, q, type, '1'], { stdio: 'ignore' });
      const train = join(dir, 'train.fttrain');
      await trainingFile(q, await chatSamples(), train);
      const r = await runTrainerRaw([
        '--base',
        q,
        '--train',
        train,
        '--out',
        join(dir, 'a.gguf'),
        '--epochs',
        '2',
        '--lr',
        '2e-3',
        '--threads',
        '2',
        '--no-stdin-watch',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const losses = r.events.flatMap((e) => (e.type === 'step' ? [e.loss] : []));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(losses.slice(-8))).toBeLessThan(0.8 * mean(losses.slice(0, 8)));
    },
    120_000,
  );
});

describe('up-front refusals (before anything is written)', () => {
  it('phi3: asking for ffn_gate or attn_q says which fused tensor to target instead', async () => {
    const { dir, base, train } = await fixture('phi3', 'phi-3');
    await expect(checkTrainableBase(base, ['ffn_gate'])).rejects.toThrow(/fuses the gate and up projections into ffn_up; target ffn_up/);
    await expect(checkTrainableBase(base, ['attn_q', 'ffn_down'])).rejects.toThrow(/fuses q, k and v into one tensor; target attn_qkv/);
    await expect(checkTrainableBase(base, ['attn_qkv', 'ffn_up'])).resolves.toBeUndefined();
    await expect(checkTrainableBase(base)).resolves.toBeUndefined();
    // the trainer itself refuses the same way, and leaves no adapter, checkpoint or temporary file behind
    const before = readdirSync(dir).sort();
    const r = await runTrainerRaw(['--base', base, '--train', train, '--out', join(dir, 'a.gguf'), '--targets', 'ffn_gate', '--no-stdin-watch']);
    expect(r.code).toBe(2);
    expect(r.events.at(-1)).toMatchObject({ type: 'error', code: 'unknown-target' });
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('an unsupported architecture is refused with its reason, and nothing is written', async () => {
    const { dir, base, train } = await fixture('llama', 'phi-3');
    // the same file with general.architecture renamed (same length, so every offset stays valid): a MoE family
    const bytes = readFileSync(base);
    const at = bytes.indexOf(Buffer.from('\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000llama'));
    expect(at).toBeGreaterThan(0);
    const renamed = join(dir, 'renamed.gguf');
    writeFileSync(renamed, Buffer.concat([bytes.subarray(0, at + 8), Buffer.from('rwkv6'), bytes.subarray(at + 13)]));
    await expect(checkTrainableBase(renamed)).rejects.toThrow(/cannot train a 'rwkv6' model: RWKV's WKV op has no backward pass/);
    const before = readdirSync(dir).sort();
    const r = await runTrainerRaw(['--base', renamed, '--train', train, '--out', join(dir, 'x.gguf'), '--no-stdin-watch']);
    expect(r.code).toBe(2);
    expect(r.events.at(-1)).toMatchObject({ type: 'error', code: 'unsupported-architecture' });
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, 'x.gguf.ckpt'))).toBe(false);
  });
});
