// The render + tokenize + mask module on several real vocabularies: answers (plus the end-of-turn token) are exactly
// the masked-in tokens, prompts and template tokens are out, and multi-turn samples train every assistant turn.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sample } from '../../electron/contract/domain.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import type { RenderedSample } from '../../electron/core/llm/render.js';
import { withRenderer } from '../../electron/core/train/trainingData.js';
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

/** Runs of consecutive masked-in tokens: one per trained answer. */
function maskedRuns(s: RenderedSample): number[][] {
  const runs: number[][] = [];
  s.tokens.forEach((t, i) => {
    if (s.mask[i] && !s.mask[i - 1]) runs.push([]);
    if (s.mask[i]) runs.at(-1)?.push(t);
  });
  return runs;
}

describe.each(VOCABS)('render + mask with the %s vocabulary', (vocab) => {
  let out: RenderedSample[] = [];
  let eot: readonly number[] = [];
  let answersText: string[] = [];
  let promptText = '';

  beforeAll(async () => {
    const path = join(tempDir(), `${vocab}.gguf`);
    await writeDemoModel({ out: path, vocab, layers: 1, embd: 64, ff: 64, ctx: 256, seed: 1 });
    await withRenderer(path, (renderer) => {
      out = renderer.render(sample);
      eot = renderer.endOfTurn;
      const last = out.at(-1);
      if (!last) return;
      answersText = maskedRuns(last).map((run) => renderer.detokenize(run.slice(0, -1)).trim());
      promptText = renderer.detokenize(last.tokens.filter((_, i) => !last.mask[i]));
    });
  });

  it('masks in exactly the answers and the end-of-turn token after each', () => {
    const last = out.at(-1);
    expect(last).toBeDefined();
    if (!last) return;
    expect(last.mask.length).toBe(last.tokens.length);
    expect(eot.length).toBe(1);
    for (const run of maskedRuns(last)) expect(run.at(-1)).toBe(eot[0]);
    // one sequence holds both turns; if the template re-renders earlier turns, the last sequence trains the last one
    expect(answersText).toEqual(out.length === 1 ? ['Paris.', 'Rome, of course.'] : ['Rome, of course.']);
    expect(promptText).toContain('Capital of France?');
    expect(promptText).not.toContain('Rome');
  });
});
