// Perplexity of plain text (every token after the first), for the base model and the base with an adapter: the
// retention probe's general-text sample. Same measurement as the answer-token perplexity (train/evaluate.ts).
import { createRenderer } from '../llm/render.js';
import { loadCheckedModel } from '../llm/runtime.js';
import { maskedNll } from '../train/evaluate.js';

export async function textPerplexity(o: {
  base: string;
  adapter?: string;
  texts: readonly string[];
  threads: number;
}): Promise<{ base: number; tuned: number | null }> {
  const model = await loadCheckedModel({ modelPath: o.base });
  try {
    const renderer = await createRenderer(model);
    // keep each piece within the model's context
    const limit = Math.max(16, Math.min(model.trainContextSize, 1024) - 8);
    const rendered = o.texts.map((t, sample) => {
      const r = renderer.renderText(t);
      return { tokens: r.tokens.slice(0, limit), mask: r.mask.slice(0, limit), sample };
    });
    const base = await maskedNll(model, rendered, o.texts.length, o.threads);
    const tuned = o.adapter ? await maskedNll(model, rendered, o.texts.length, o.threads, o.adapter) : null;
    return { base: Math.exp(base.nll), tuned: tuned ? Math.exp(tuned.nll) : null };
  } finally {
    await model.dispose();
  }
}
