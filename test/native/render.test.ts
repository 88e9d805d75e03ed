// The render + tokenize + mask module on several real vocabularies: answers (plus the end-of-turn token) are exactly
// the masked-in tokens, prompts and template tokens are out, and multi-turn samples train every assistant turn.
import { join } from 'node:path';
import { getLlama, LlamaLogLevel, type LlamaModel } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sample } from '../../electron/contract/domain.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { createRenderer, type SampleRenderer } from '../../electron/core/train/render.js';
import { tempDir } from './trainerHelpers.js';

const VOCABS = ['phi-3', 'llama-spm', 'qwen2', 'gpt-2'];
const sample: Sample = {
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: 'Capital of France?' },
    { role: 'assistant', content: 'Paris.' },
    { role: 'user', content: 'And of Italy?' },
    { role: 'assistant', content: 'Rome, of course.' },
  ],
};

describe.each(VOCABS)('render + mask with the %s vocabulary', (vocab) => {
  let model: LlamaModel;
  let renderer: SampleRenderer;

  beforeAll(async () => {
    const dir = tempDir();
    const path = join(dir, `${vocab}.gguf`);
    await writeDemoModel({ out: path, vocab, layers: 1, embd: 64, ff: 64, ctx: 256, seed: 1 });
    const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    model = await llama.loadModel({ modelPath: path, vocabOnly: true });
    renderer = await createRenderer(model);
  });

  afterAll(async () => {
    await model.dispose();
  });

  it('masks in exactly the answers and the end-of-turn token after each', () => {
    const out = renderer.render(sample);
    expect(out.length).toBeGreaterThanOrEqual(1);
    const last = out.at(-1);
    if (!last) throw new Error('no sequence');
    expect(last.mask.length).toBe(last.tokens.length);
    // runs of masked-in tokens = the answers (each ending with the end-of-turn token)
    const runs: number[][] = [];
    last.tokens.forEach((t, i) => {
      if (last.mask[i] && !last.mask[i - 1]) runs.push([]);
      if (last.mask[i]) runs.at(-1)?.push(t);
    });
    const eot = model.tokens.eot ?? model.tokens.eos;
    const answers = out.length === 1 ? ['Paris.', 'Rome, of course.'] : ['Rome, of course.'];
    expect(runs.length).toBe(answers.length);
    runs.forEach((run, k) => {
      expect(run.at(-1)).toBe(eot);
      expect(renderer.detokenize(run.slice(0, -1)).trim()).toBe(answers[k]);
    });
    // the prompt side holds the user's words, never in the loss
    const prompt = last.tokens.filter((_, i) => !last.mask[i]);
    expect(renderer.detokenize(prompt)).toContain('Capital of France?');
  });
});
