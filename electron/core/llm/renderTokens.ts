// Token counts with a base model's own tokenizer, through the trainer's render + tokenize module (train/render.ts), so
// the Data wizard's statistics count exactly the tokens training will see: chat template applied, end-of-turn included.
// The model is loaded vocabulary-only (no weights: fast, little memory) and cached per file, and the renderer (whose
// chat wrapper costs about 2 s to resolve for a Jinja template) is created once per model.
import { loadCheckedModel } from './runtime.js';
import { createRenderer } from './render.js';
import { isSample, type Example } from '../data/example.js';

export interface ModelTokenizer {
  /** Tokens of one example as training will feed it (every sequence the sample renders to, summed). */
  count(example: Example): number;
}

const cache = new Map<string, Promise<ModelTokenizer>>();

async function load(modelPath: string): Promise<ModelTokenizer> {
  const model = await loadCheckedModel({ modelPath, vocabOnly: true });
  const renderer = await createRenderer(model);
  return {
    count(example) {
      if (!isSample(example)) return renderer.renderText(example.text).tokens.length;
      return renderer.render(example).reduce((n, s) => n + s.tokens.length, 0);
    },
  };
}

/** One tokenizer per model file (key: fingerprint + path, so a replaced file is loaded again). */
export function modelTokenizer(modelPath: string, fingerprint: string): Promise<ModelTokenizer> {
  const key = `${fingerprint}:${modelPath}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = load(modelPath);
    cache.set(key, entry);
    entry.catch(() => cache.delete(key)); // a failed load (a moved file) is tried again next time, not cached
  }
  return entry;
}
