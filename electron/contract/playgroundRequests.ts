// The Playground: chat with the original model or a run's adapter (at a chosen strength), one reply per request,
// streamed back as 'playground:reply' events (events.ts) until it ends or is stopped. Ratings and corrections go to
// the project's candidate inbox through 'inbox:add' (source 'playground'). Pure: zod and the contract only.
import { z } from 'zod';
import { ErrorPayload } from './errors.js';
import { Id, Message } from './domain.js';

/** What answers: a registered base model as it is, or a finished run's adapter on the base it was trained on. */
export const PlaygroundTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('base'), modelId: Id }).strict(),
  z
    .object({
      kind: z.literal('run'),
      runId: Id,
      /** How strongly the adapter applies: 0 is the original model, 1 as trained; above 1 exaggerates it. */
      scale: z.number().min(0).max(2).default(1),
    })
    .strict(),
]);
export type PlaygroundTarget = z.infer<typeof PlaygroundTarget>;

export const SamplingSettings = z
  .object({
    /** 0: always the most likely word (the same answer every time); higher: more varied. */
    temperature: z.number().min(0).max(2).default(0.7),
    topP: z.number().gt(0).max(1).default(0.9),
    topK: z.number().int().min(1).max(1000).default(40),
    maxTokens: z.number().int().min(1).max(4096).default(256),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict();
export type SamplingSettings = z.infer<typeof SamplingSettings>;

export const PlaygroundSendInput = z
  .object({
    projectId: Id,
    target: PlaygroundTarget,
    /** The conversation so far: an optional system message first, then turns ending with the person's message. */
    messages: z
      .array(Message)
      .min(1, 'Type a message first')
      .max(400)
      .refine((m) => m.at(-1)?.role === 'user' && m.at(-1)!.content.trim() !== '', 'The conversation must end with your message')
      .refine((m) => m.every((x, i) => x.role !== 'system' || i === 0), 'Only the first message may be the instructions (system prompt)'),
    sampling: SamplingSettings.default({ temperature: 0.7, topP: 0.9, topK: 40, maxTokens: 256 }),
  })
  .strict();

export const ReplyStats = z.object({
  /** Milliseconds from the start of answering (model loaded, prompt read) to the first piece of text. */
  firstTokenMs: z.number().nonnegative().nullable(),
  tokens: z.number().int().nonnegative(),
  /** Speed of writing after the first token; null until there are two tokens. */
  tokensPerSecond: z.number().nonnegative().nullable(),
  /** Milliseconds spent loading the model first (0 when it was already loaded). */
  loadMs: z.number().nonnegative(),
});
export type ReplyStats = z.infer<typeof ReplyStats>;

/** One reply as it streams: the whole text so far each time (a lost event costs nothing), then once with done. */
export const PlaygroundReply = z.object({
  replyId: Id,
  projectId: Id,
  text: z.string(),
  /** waiting: behind another reply; loading: the model is being read; writing; then one of the last three. */
  state: z.enum(['waiting', 'loading', 'writing', 'done', 'stopped', 'failed']),
  stats: ReplyStats,
  error: ErrorPayload.nullable(),
});
export type PlaygroundReply = z.infer<typeof PlaygroundReply>;

export const playgroundRequests = {
  /** Starts one reply and answers at once with its id; the text arrives as 'playground:reply' events. */
  'playground:send': { input: PlaygroundSendInput, output: z.object({ replyId: Id }) },
  /** Stops a reply; the text so far is kept (its last event has state 'stopped'). Unknown or finished ids: no-op. */
  'playground:stop': { input: z.object({ replyId: Id }).strict(), output: z.object({ replyId: Id, stopped: z.boolean() }) },
} as const;
