// Builds the trainer's input from chat samples: render + tokenize + mask with the base model's own tokenizer and chat
// template (vocabulary-only load: no weights, fast), then the binary training file (trainingFile.ts).
import type { Sample } from '../../contract/domain.js';
import { createRenderer, type RenderedSample, type SampleRenderer } from '../llm/render.js';
import { writeTrainingFile } from './trainingFile.js';
import { loadCheckedModel } from '../llm/runtime.js';
import { missingTemplateMarkers } from '../llm/templateFit.js';

export interface TrainingDataSummary {
  path: string;
  sha256: string;
  sequences: number;
  tokens: number;
  targetTokens: number;
  /** Sequences whose answers needed piecewise tokenization (see render.ts). */
  piecewise: number;
  longest: number;
}

/** Runs fn with a renderer for the base model's tokenizer and chat template (vocabulary-only load). */
export async function withRenderer<T>(base: string, fn: (renderer: SampleRenderer) => T | Promise<T>): Promise<T> {
  const model = await loadCheckedModel({ modelPath: base, vocabOnly: true });
  try {
    return await fn(await createRenderer(model));
  } finally {
    await model.dispose();
  }
}

/** The chat template's markers the base's vocabulary lacks (see llm/templateFit.ts); empty when they fit. */
export async function templateMarkersMissing(base: string): Promise<string[]> {
  const model = await loadCheckedModel({ modelPath: base, vocabOnly: true });
  try {
    const { resolveChatWrapper } = await import('node-llama-cpp');
    return missingTemplateMarkers(model, resolveChatWrapper(model));
  } finally {
    await model.dispose();
  }
}

export function renderSamples(base: string, samples: readonly Sample[]): Promise<RenderedSample[]> {
  return withRenderer(base, (renderer) => samples.flatMap((s) => renderer.render(s)));
}

export async function buildTrainingFile(base: string, samples: readonly Sample[], outPath: string): Promise<TrainingDataSummary> {
  const rendered = await renderSamples(base, samples);
  // vocabulary size 0: the trainer checks every token id against the model it loads instead
  const sha256 = await writeTrainingFile(outPath, rendered, 0);
  return {
    path: outPath,
    sha256,
    sequences: rendered.length,
    tokens: rendered.reduce((n, s) => n + s.tokens.length, 0),
    targetTokens: rendered.reduce((n, s) => n + s.mask.slice(1).reduce((a, m) => a + m, 0), 0),
    piecewise: rendered.filter((s) => s.piecewise).length,
    longest: Math.max(0, ...rendered.map((s) => s.tokens.length)),
  };
}
