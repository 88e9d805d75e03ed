// Training works end to end: default settings + 10 epochs make the answers of a small chat file at least 100x more
// likely (perplexity measured through node-llama-cpp with the adapter applied, so the adapter also loads there), and
// completion-only masking trains the answers while leaving the prompts alone.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePerplexity } from '../../electron/core/train/evaluate.js';
import type { MaskedSample } from '../../electron/core/train/trainingFile.js';
import { adapterTensors, chatSamples, runTrainerRaw, trainerFixture, trainingFile } from './trainerHelpers.js';

const invert = (s: MaskedSample): MaskedSample => ({ tokens: s.tokens, mask: s.mask.map((m, i) => (i === 0 ? 0 : 1 - m)) });
const all = (s: MaskedSample): MaskedSample => ({ tokens: s.tokens, mask: s.mask.map((_, i) => (i === 0 ? 0 : 1)) });
const none = (s: MaskedSample): MaskedSample => ({ tokens: s.tokens, mask: s.mask.map(() => 0) });

describe('fieldtune-train training', () => {
  let dir = '';
  let base = '';
  let train = '';

  beforeAll(async () => {
    // the default demo shape (4 layers, 256 wide): the 2-layer one has too little capacity for a 100x drop
    ({ dir, base, train } = await trainerFixture({ layers: 4, embd: 256, ff: 512 }));
  });

  it('default settings, --epochs 10: answer-token perplexity falls at least 100x', async () => {
    const out = join(dir, 'default.gguf');
    const r = await runTrainerRaw(['--base', base, '--train', train, '--out', out, '--epochs', '10', '--threads', '2', '--no-stdin-watch']);
    expect(r.code, r.stderr).toBe(0);
    const done = r.events.at(-1);
    expect(done?.type).toBe('done');
    const steps = r.events.filter((e) => e.type === 'step');
    expect(steps.length).toBe(80);
    const ppl = await evaluatePerplexity({ base, adapter: out, samples: await chatSamples(), threads: 2 });
    const ratio = ppl.base.perplexity / (ppl.tuned?.perplexity ?? Infinity);
    console.log(`answer perplexity: base ${ppl.base.perplexity.toExponential(3)}, tuned ${ppl.tuned?.perplexity.toFixed(3)}, ${ratio.toExponential(2)}x`);
    expect(ratio).toBeGreaterThanOrEqual(100);
  });

  it('masking: answer NLL falls while prompt NLL stays put (unlike training on every token)', async () => {
    const answers = join(dir, 'answers.fttrain');
    const prompts = join(dir, 'prompts.fttrain');
    const everything = join(dir, 'everything.fttrain');
    await trainingFile(base, await chatSamples(), answers);
    await trainingFile(base, await chatSamples(), prompts, invert);
    await trainingFile(base, await chatSamples(), everything, all);
    const val = async (trainFile: string, valFile: string) => {
      const r = await runTrainerRaw([
        '--base',
        base,
        '--train',
        trainFile,
        '--val',
        valFile,
        '--out',
        join(dir, 'm.gguf'),
        '--epochs',
        '5',
        '--lr',
        '1e-3',
        '--threads',
        '2',
        '--no-stdin-watch',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const evals = r.events.flatMap((e) => (e.type === 'eval' ? [e.valLoss] : []));
      return { first: evals[0] ?? NaN, last: evals.at(-1) ?? NaN };
    };
    const a = await val(train, answers);
    const p = await val(train, prompts);
    const pAll = await val(everything, prompts);
    console.log(
      `masked training: answer NLL ${a.first.toFixed(3)} -> ${a.last.toFixed(3)}, prompt NLL ${p.first.toFixed(3)} -> ${p.last.toFixed(3)}; ` +
        `unmasked training: prompt NLL ${pAll.first.toFixed(3)} -> ${pAll.last.toFixed(3)}`,
    );
    expect(a.last).toBeLessThan(a.first - 3); // answers at least e^3 = 20x more likely
    // The prompts share words and the end-of-turn token with the answers, so they move a little; trained on directly
    // they fall several times further.
    expect(p.first - p.last).toBeLessThan(0.4 * (a.first - a.last));
    expect(p.first - p.last).toBeLessThan(0.4 * (pAll.first - pAll.last));
  });

  it('a fully masked file is refused, and with the test-only flag leaves the adapter bit-identical', async () => {
    const masked = join(dir, 'masked.fttrain');
    await trainingFile(base, await chatSamples(), masked, none);
    const refused = await runTrainerRaw(['--base', base, '--train', masked, '--out', join(dir, 'x.gguf'), '--no-stdin-watch']);
    expect(refused.code).toBeGreaterThan(0);
    expect(refused.code).toBeLessThan(128);
    expect(refused.events).toEqual([expect.objectContaining({ type: 'error', code: 'all-masked' })]);

    const run = async (epochs: string, out: string) => {
      const r = await runTrainerRaw([
        '--base',
        base,
        '--train',
        masked,
        '--out',
        out,
        '--epochs',
        epochs,
        '--threads',
        '2',
        '--test-allow-all-masked',
        '--no-stdin-watch',
      ]);
      expect(r.code, r.stderr).toBe(0);
      return adapterTensors(out);
    };
    const one = await run('1', join(dir, 'masked1.gguf'));
    const three = await run('3', join(dir, 'masked3.gguf'));
    expect(one.size).toBe(4 * 7 * 2); // 4 layers x 7 targets x (lora_a, lora_b)
    for (const [name, data] of one) {
      expect(Buffer.from(three.get(name)?.buffer ?? new ArrayBuffer(0)).equals(Buffer.from(data.buffer)), name).toBe(true);
      if (name.endsWith('lora_b'))
        expect(
          data.every((x) => x === 0),
          name,
        ).toBe(true);
    }
  });
});
