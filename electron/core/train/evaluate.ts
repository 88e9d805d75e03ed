// Perplexity on answer tokens only, measured through node-llama-cpp (the same inference engine the app chats with),
// for the base model and, when given, the base with a LoRA adapter applied. Samples go through the same
// render+tokenize+mask module as training, so "answer tokens" means exactly the tokens training had in its loss.
import type { LlamaModel, Token } from 'node-llama-cpp';
import type { Sample } from '../../contract/domain.js';
import { createRenderer } from '../llm/render.js';
import type { MaskedSample } from './trainingFile.js';
import { assertModelFits, loadCheckedModel } from '../llm/runtime.js';

export interface PerplexityResult {
  perplexity: number;
  /** Mean negative log-likelihood per answer token (natural log). */
  nll: number;
  tokens: number;
  /** Per sample, in order (NaN for a sample with no answer tokens). */
  perExample: number[];
}

export interface EvaluateOptions {
  base: string;
  adapter?: string;
  samples: readonly Sample[];
  threads?: number;
}

// Probabilities can round to 0 for a random model; clamp so one token cannot make the mean infinite.
const MIN_P = 1e-30;

export async function maskedNll(
  model: LlamaModel,
  rendered: readonly (MaskedSample & { sample: number })[],
  samples: number,
  threads: number,
  adapter?: string,
) {
  const longest = Math.max(...rendered.map((s) => s.tokens.length));
  const context = await model.createContext({
    contextSize: Math.max(64, longest + 8),
    batchSize: Math.max(64, longest + 8),
    threads,
    ...(adapter ? { lora: { adapters: [{ filePath: adapter, scale: 1 }] } } : {}),
  });
  try {
    const sequence = context.getSequence();
    let nll = 0;
    let count = 0;
    const perNll = new Array<number>(samples).fill(0);
    const perCount = new Array<number>(samples).fill(0);
    for (const s of rendered) {
      await sequence.clearHistory();
      const input = s.tokens.map((t, i) =>
        i + 1 < s.tokens.length && s.mask[i + 1] ? ([t as Token, { generateNext: { probabilities: true } }] as const) : (t as Token),
      );
      const out = await sequence.controlledEvaluate(input.map((x) => (Array.isArray(x) ? [x[0], x[1]] : x)) as never);
      for (let i = 0; i + 1 < s.tokens.length; i++) {
        if (!s.mask[i + 1]) continue;
        const probs = out[i]?.next.probabilities;
        const target = s.tokens[i + 1] as Token;
        const p = probs?.get(target) ?? 0;
        const tokenNll = -Math.log(Math.max(p, MIN_P));
        nll += tokenNll;
        count++;
        perNll[s.sample]! += tokenNll;
        perCount[s.sample]!++;
      }
    }
    return { nll: count ? nll / count : 0, tokens: count, perExample: perNll.map((x, i) => (perCount[i] ? Math.exp(x / perCount[i]!) : NaN)) };
  } finally {
    await context.dispose();
  }
}

export async function evaluatePerplexity(o: EvaluateOptions): Promise<{ base: PerplexityResult; tuned?: PerplexityResult }> {
  await assertModelFits(o.base);
  const model = await loadCheckedModel({ modelPath: o.base });
  try {
    const renderer = await createRenderer(model);
    const rendered = o.samples.flatMap((s, sample) => renderer.render(s).map((r) => ({ ...r, sample })));
    const threads = o.threads ?? 2;
    const wrap = (r: { nll: number; tokens: number; perExample: number[] }): PerplexityResult => ({
      perplexity: Math.exp(r.nll),
      nll: r.nll,
      tokens: r.tokens,
      perExample: r.perExample,
    });
    const n = o.samples.length;
    const base = wrap(await maskedNll(model, rendered, n, threads));
    if (!o.adapter) return { base };
    return { base, tuned: wrap(await maskedNll(model, rendered, n, threads, o.adapter)) };
  } finally {
    await model.dispose();
  }
}
