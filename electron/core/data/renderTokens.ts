// Token counts with a base model's own tokenizer: each chat sample is rendered through the model's chat template (the
// GGUF's Jinja template when it has one) and tokenized, exactly as training will see it. The model is loaded
// vocabulary-only (no weights: fast, little memory) and cached per file; the chat wrapper is resolved once per model
// because resolving a Jinja template costs about 2 s.
// TODO(merge): the trainer's render+tokenize+mask module in electron/core/train/ should own this; when it lands, make
// this file a thin adapter over it so statistics and training can never disagree on a sample's length.
import type { ChatHistoryItem, ChatWrapper, Llama, LlamaModel } from 'node-llama-cpp';
import type { Sample } from '../../contract/domain.js';
import { isSample, type Example } from './example.js';

export interface ModelTokenizer {
  /** Tokens of one example as training will feed it: chat template applied, special tokens included. */
  count(example: Example): number;
  /** Name of the chat format used (e.g. "JinjaTemplateChatWrapper"). */
  template: string;
}

let llamaPromise: Promise<Llama> | null = null;
const cache = new Map<string, Promise<ModelTokenizer>>();

async function llama(): Promise<Llama> {
  llamaPromise ??= (async () => {
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    // gpu: false: a vocabulary-only model needs no backend; build: 'never' fails fast instead of compiling llama.cpp.
    return getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  })();
  return llamaPromise;
}

/** The chat history node-llama-cpp's wrappers render; a trailing assistant turn is a finished model response. */
export function toChatHistory(sample: Sample): ChatHistoryItem[] {
  return sample.messages.map((m): ChatHistoryItem => {
    if (m.role === 'system') return { type: 'system', text: m.content };
    if (m.role === 'user') return { type: 'user', text: m.content };
    return { type: 'model', response: [m.content] };
  });
}

export function renderSample(wrapper: ChatWrapper, sample: Sample) {
  return wrapper.generateContextState({ chatHistory: toChatHistory(sample) }).contextText;
}

async function load(modelPath: string): Promise<ModelTokenizer> {
  const { resolveChatWrapper } = await import('node-llama-cpp');
  const model: LlamaModel = await (await llama()).loadModel({ modelPath, vocabOnly: true });
  const wrapper = resolveChatWrapper(model);
  return {
    template: wrapper.constructor.name,
    count(example) {
      if (!isSample(example)) return model.tokenize(example.text).length + (model.tokens.bos === null ? 0 : 1);
      return renderSample(wrapper, example).tokenize(model.tokenizer).length;
    },
  };
}

/** One tokenizer per model file (key: path + fingerprint, so a replaced file is loaded again). */
export function modelTokenizer(modelPath: string, fingerprint: string): Promise<ModelTokenizer> {
  const key = `${fingerprint}:${modelPath}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = load(modelPath);
    cache.set(key, entry);
    entry.catch(() => cache.delete(key)); // a failed load (file moved) is retried next time, not cached
  }
  return entry;
}
