// What the evaluation needs from a model: answers to chat prompts, and whether a prompt fits its context. The real
// one runs node-llama-cpp (llamaGenerator.ts); tests pass fakes with planted behaviour.
import type { Message } from '../../contract/domain.js';

export interface GenerateOptions {
  maxNewTokens: number;
  signal?: AbortSignal;
  /** Called after each answer is complete, with how many are done (and which prompt it answered). */
  onAnswer?: (done: number, index?: number) => void;
  /** Called as each token streams in, with the prompt's index and the tokens written for it so far (job progress). */
  onToken?: (index: number, written: number) => void;
  /** Keep going past end-of-turn tokens (benchmarks decode a fixed number of tokens, as llama-bench does). */
  ignoreEndOfTurn?: boolean;
  /** When given, the count of generated tokens is added to it (the bench reads it). */
  counter?: { generated: number };
}

export interface Generator {
  /** Greedy answers, one per prompt, in order. A prompt ends with the user's turn. */
  generate(prompts: readonly (readonly Message[])[], o: GenerateOptions): Promise<string[]>;
  /** True when the prompt plus room for maxNewTokens fits the context. */
  fits(prompt: readonly Message[], maxNewTokens: number): boolean;
}

/** The systems an evaluation can compare; the baseline is the base model with a few-shot prompt. */
export interface Generators {
  base: Generator;
  tuned?: Generator;
}

/** Raw continuation of plain text (no chat template): the leak check asks for it. */
export interface TextGenerator {
  continueText(prefixes: readonly string[], o: GenerateOptions): Promise<string[]>;
}
