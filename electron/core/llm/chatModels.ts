// Streaming chat replies through node-llama-cpp for the Playground. One base model is kept loaded (switching bases
// frees the old one), with a few contexts on it: the model as it is, and each adapter at each strength asked for
// (llama.cpp fixes a LoRA's scale when the context is made, so a new strength is a new context). Runs on the core's
// thread like every node-llama-cpp use; generation yields to the event loop between tokens.
import { availableParallelism } from 'node:os';
import type { LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { Message } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import { assertModelFits, loadCheckedModel } from './runtime.js';
import { history } from './render.js';

export interface ChatSampling {
  temperature: number;
  topP: number;
  topK: number;
  maxTokens: number;
  seed?: number | undefined;
}

export interface ChatReplyOptions {
  basePath: string;
  adapter?: { path: string; scale: number } | undefined;
  messages: readonly Message[];
  sampling: ChatSampling;
  signal: AbortSignal;
  /** Called once the model and context are ready (loading took `loadMs`), before the prompt is read. */
  onReady?(loadMs: number): void;
  /** The whole text so far, after each token. */
  onText(text: string, tokens: number): void;
}

export interface ChatReplyResult {
  text: string;
  tokens: number;
  stopped: boolean;
  loadMs: number;
  firstTokenMs: number | null;
  tokensPerSecond: number | null;
}

type ChatWrapperLike = { generateContextState(o: { chatHistory: unknown[] }): { contextText: { tokenize(t: unknown): Token[] } } };

interface Loaded {
  path: string;
  model: LlamaModel;
  wrapper: ChatWrapperLike;
  contextSize: number;
}

interface Slot {
  context: LlamaContext;
  sequence: LlamaContextSequence;
}

/** Contexts kept per model: the base and the last few adapter strengths tried (each holds its own KV memory). */
const MAX_CONTEXTS = 3;

export class ChatModels {
  private loaded: Promise<Loaded> | null = null;
  private loadedPath: string | null = null;
  private readonly slots = new Map<string, Promise<Slot>>();

  /** Writes one reply; resolves with the text (and how fast it came) when it ends, is stopped, or fills maxTokens. */
  async reply(o: ChatReplyOptions): Promise<ChatReplyResult> {
    const loadStart = performance.now();
    const { model, wrapper, contextSize } = await this.model(o.basePath);
    const { sequence } = await this.slot(model, contextSize, o.adapter);
    const loadMs = Math.round(performance.now() - loadStart);
    o.onReady?.(loadMs);

    const input = wrapper
      .generateContextState({ chatHistory: [...history(o.messages), { type: 'model', response: [] }] })
      .contextText.tokenize(model.tokenizer);
    const room = Math.min(o.sampling.maxTokens, contextSize - input.length - 1);
    if (room <= 0) {
      throw new FieldtuneError('INVALID_INPUT', 'This conversation is too long for the model to read. Start a new conversation.', {
        details: { reason: 'contextFull', promptTokens: input.length, contextSize },
      });
    }
    const start = performance.now();
    let first: number | null = null;
    const out: Token[] = [];
    await sequence.clearHistory();
    const greedy = o.sampling.temperature === 0;
    for await (const token of sequence.evaluate(input, {
      temperature: o.sampling.temperature,
      ...(greedy ? {} : { topP: o.sampling.topP, topK: o.sampling.topK, ...(o.sampling.seed === undefined ? {} : { seed: o.sampling.seed }) }),
    })) {
      if (o.signal.aborted || model.isEogToken(token)) break;
      first ??= performance.now();
      out.push(token);
      o.onText(model.detokenize(out).trimStart(), out.length);
      if (out.length >= room) break;
      // give the core's other requests (and the stop button) a turn between tokens
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (o.signal.aborted) break;
    }
    const end = performance.now();
    const seconds = first === null ? 0 : (end - first) / 1000;
    return {
      text: model.detokenize(out).trim(),
      tokens: out.length,
      stopped: o.signal.aborted,
      loadMs,
      firstTokenMs: first === null ? null : Math.round(first - start),
      tokensPerSecond: out.length > 1 && seconds > 0 ? (out.length - 1) / seconds : null,
    };
  }

  private model(path: string): Promise<Loaded> {
    if (this.loaded && this.loadedPath === path) return this.loaded;
    const previous = this.loaded;
    const previousSlots = [...this.slots.values()];
    this.slots.clear();
    this.loadedPath = path;
    this.loaded = (async () => {
      // free the model in use before loading another, so two never sit in memory together
      await Promise.all(previousSlots.map(async (s) => (await s.catch(() => null))?.context.dispose()));
      await (await previous?.catch(() => null))?.model.dispose();
      await assertModelFits(path);
      const model = await loadCheckedModel({ modelPath: path });
      const { resolveChatWrapper } = await import('node-llama-cpp');
      return { path, model, wrapper: resolveChatWrapper(model) as unknown as ChatWrapperLike, contextSize: Math.min(model.trainContextSize, 4096) };
    })();
    // a failed load is not kept: the next message tries again
    this.loaded.catch(() => {
      if (this.loadedPath === path) {
        this.loaded = null;
        this.loadedPath = null;
      }
    });
    return this.loaded;
  }

  private slot(model: LlamaModel, contextSize: number, adapter: ChatReplyOptions['adapter']): Promise<Slot> {
    const key = adapter ? `${adapter.path}@${adapter.scale}` : 'base';
    const kept = this.slots.get(key);
    if (kept) {
      // most recently used last, so the oldest is the one let go
      this.slots.delete(key);
      this.slots.set(key, kept);
      return kept;
    }
    const made = (async () => {
      const context = await model.createContext({
        contextSize,
        sequences: 1,
        threads: Math.max(1, availableParallelism() - 1),
        ...(adapter ? { lora: { adapters: [{ filePath: adapter.path, scale: adapter.scale }] } } : {}),
      });
      return { context, sequence: context.getSequence() };
    })();
    made.catch(() => this.slots.delete(key));
    this.slots.set(key, made);
    while (this.slots.size > MAX_CONTEXTS) {
      const [oldest, slot] = this.slots.entries().next().value as [string, Promise<Slot>];
      this.slots.delete(oldest);
      void slot.then((s) => s.context.dispose()).catch(() => {});
    }
    return made;
  }

  async dispose(): Promise<void> {
    const slots = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(slots.map(async (s) => (await s.catch(() => null))?.context.dispose()));
    const loaded = this.loaded;
    this.loaded = null;
    this.loadedPath = null;
    await (await loaded?.catch(() => null))?.model.dispose();
  }
}
