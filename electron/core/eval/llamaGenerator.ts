// Greedy generation through node-llama-cpp with the model's own chat template. One model is loaded once; the tuned
// system is a second context on the same weights with the LoRA adapter applied. Each context holds several
// sequences, and node-llama-cpp evaluates the sequences of one context together in one batch, so several prompts
// decode at once.
import type { LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { Message } from '../../contract/domain.js';
import { history } from '../llm/render.js';
import { loadCheckedModel } from '../llm/runtime.js';
import type { GenerateOptions, Generator, Generators, TextGenerator } from './generator.js';

export interface LlamaGeneratorOptions {
  base: string;
  adapter?: string;
  threads: number;
  /** Prompts decoded together (sequences of one context). */
  parallel?: number;
  /** Tokens per sequence; default the model's training context, at most 4096. */
  contextSize?: number;
}

export interface OpenedGenerators extends Generators {
  baseText: TextGenerator;
  tunedText?: TextGenerator;
  contextSize: number;
  dispose(): Promise<void>;
}

type ChatWrapperLike = { generateContextState(o: { chatHistory: unknown[] }): { contextText: { tokenize(t: unknown): Token[] } } };

class LlamaGenerator implements Generator, TextGenerator {
  private context: Promise<LlamaContext> | null = null;
  // taken once and kept: a disposed sequence returns to the context asynchronously, so taking new ones for each batch
  // of prompts can find none left
  private sequences: LlamaContextSequence[] = [];

  constructor(
    private readonly model: LlamaModel,
    private readonly wrapper: ChatWrapperLike,
    private readonly o: LlamaGeneratorOptions & { contextSize: number; parallel: number },
    private readonly adapter: string | undefined,
  ) {}

  private getContext(): Promise<LlamaContext> {
    this.context ??= this.model.createContext({
      contextSize: this.o.contextSize,
      sequences: this.o.parallel,
      threads: this.o.threads,
      ...(this.adapter ? { lora: { adapters: [{ filePath: this.adapter, scale: 1 }] } } : {}),
    });
    return this.context;
  }

  promptTokens(prompt: readonly Message[]): Token[] {
    const state = this.wrapper.generateContextState({ chatHistory: [...history(prompt), { type: 'model', response: [] }] });
    return state.contextText.tokenize(this.model.tokenizer);
  }

  fits(prompt: readonly Message[], maxNewTokens: number): boolean {
    return this.promptTokens(prompt).length + maxNewTokens <= this.o.contextSize;
  }

  generate(prompts: readonly (readonly Message[])[], o: GenerateOptions): Promise<string[]> {
    return this.run(
      prompts.map((p) => this.promptTokens(p)),
      o,
    );
  }

  continueText(prefixes: readonly string[], o: GenerateOptions): Promise<string[]> {
    const bos = this.model.tokens.bos;
    return this.run(
      prefixes.map((p) => [...(bos === null ? [] : [bos]), ...this.model.tokenize(p, false)]),
      o,
    );
  }

  private async run(inputs: Token[][], o: GenerateOptions): Promise<string[]> {
    const context = await this.getContext();
    while (this.sequences.length < this.o.parallel) this.sequences.push(context.getSequence());
    const answers = new Array<string>(inputs.length).fill('');
    let next = 0;
    let done = 0;
    // one worker per sequence; each takes the next prompt when it finishes one
    const worker = async (sequence: LlamaContextSequence) => {
      while (next < inputs.length) {
        if (o.signal?.aborted) throw o.signal.reason ?? new Error('cancelled');
        const i = next++;
        const input = inputs[i]!;
        const room = Math.max(0, Math.min(o.maxNewTokens, this.o.contextSize - input.length - 1));
        const out: Token[] = [];
        await sequence.clearHistory();
        if (room > 0) {
          for await (const token of sequence.evaluate(input, { temperature: 0 })) {
            if (!o.ignoreEndOfTurn && this.model.isEogToken(token)) break;
            out.push(token);
            if (o.counter) o.counter.generated++;
            o.onToken?.(i, out.length);
            if (out.length >= room || o.signal?.aborted) break;
          }
        }
        answers[i] = this.model.detokenize(out).trim();
        o.onAnswer?.(++done, i);
      }
    };
    await Promise.all(this.sequences.slice(0, Math.min(this.o.parallel, inputs.length)).map(worker));
    if (o.signal?.aborted) throw o.signal.reason ?? new Error('cancelled');
    return answers;
  }

  async dispose(): Promise<void> {
    if (this.context) await (await this.context).dispose();
  }
}

export async function openLlamaGenerators(o: LlamaGeneratorOptions): Promise<OpenedGenerators> {
  const model = await loadCheckedModel({ modelPath: o.base });
  const { resolveChatWrapper } = await import('node-llama-cpp');
  const wrapper = resolveChatWrapper(model) as unknown as ChatWrapperLike;
  const opts = { ...o, contextSize: o.contextSize ?? Math.min(model.trainContextSize, 4096), parallel: o.parallel ?? 4 };
  const base = new LlamaGenerator(model, wrapper, opts, undefined);
  const tuned = o.adapter ? new LlamaGenerator(model, wrapper, opts, o.adapter) : undefined;
  return {
    base,
    baseText: base,
    ...(tuned ? { tuned, tunedText: tuned } : {}),
    contextSize: opts.contextSize,
    async dispose() {
      await base.dispose();
      await tuned?.dispose();
      await model.dispose();
    },
  };
}
