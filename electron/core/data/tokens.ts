// Token counts without a model: a rough stand-in (about 4 characters per token for English with BPE tokenizers,
// never fewer tokens than words). Every function that counts tokens takes the counter as a parameter so the real
// tokenizer of the chosen base model (rendered with its chat template) replaces this when one is loaded.
import { exampleText, type Example } from './example.js';

export type CountTokens = (text: string) => number;
export type TokenizeExample<E = Example> = (example: E) => number | Promise<number>;

export const roughTokenCount: CountTokens = (text) => {
  if (!text) return 0;
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(words, Math.ceil(text.length / 4));
};

/** Adapts a text counter to whole examples (all message contents, plus a few tokens per turn for the template). */
export function countExampleTokens(countTokens: CountTokens = roughTokenCount): (e: Example) => number {
  return (e) => ('messages' in e ? e.messages.reduce((n, m) => n + countTokens(m.content) + 4, 0) : countTokens(exampleText(e)));
}
