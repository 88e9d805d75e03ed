// The native trainer's progress protocol: one JSON object per line on its stdout.
// The core parses every line with TrainerEvent and treats anything else as a protocol error.
import { z } from 'zod';

const finite = z.number().finite();

export const TrainerStepEvent = z.object({
  type: z.literal('step'),
  step: z.number().int().positive(),
  totalSteps: z.number().int().positive(),
  epoch: finite.nonnegative(),
  loss: finite,
  lr: finite.nonnegative(),
  tokensPerSecond: finite.nonnegative(),
  etaSeconds: finite.nonnegative(),
  memoryBytes: z.number().int().nonnegative(),
});

export const TrainerEvalEvent = z.object({
  type: z.literal('eval'),
  step: z.number().int().nonnegative(),
  valLoss: finite,
  valPerplexity: finite,
});

export const TrainerCheckpointEvent = z.object({
  type: z.literal('checkpoint'),
  step: z.number().int().nonnegative(),
  path: z.string(),
  reason: z.enum(['interval', 'signal', 'parent-exit', 'final']),
});

export const TrainerDoneEvent = z.object({
  type: z.literal('done'),
  adapterPath: z.string(),
  steps: z.number().int().nonnegative(),
  tokensTrained: z.number().int().nonnegative(),
  trainLoss: finite.nullable(),
  valLoss: finite.nullable(),
  droppedSamples: z.number().int().nonnegative(),
  seconds: finite.nonnegative(),
  stoppedEarly: z.boolean(),
});

export const TrainerErrorEvent = z.object({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
});

export const TrainerEstimateEvent = z.object({
  type: z.literal('estimate'),
  peakMemoryBytes: z.number().int().nonnegative(),
  secondsPerStep: finite.nonnegative(),
  steps: z.number().int().nonnegative(),
  totalSeconds: finite.nonnegative(),
  tokensPerSecond: finite.nonnegative(),
});

export const TrainerEvent = z.discriminatedUnion('type', [
  TrainerStepEvent,
  TrainerEvalEvent,
  TrainerCheckpointEvent,
  TrainerDoneEvent,
  TrainerErrorEvent,
  TrainerEstimateEvent,
]);
export type TrainerEvent = z.infer<typeof TrainerEvent>;
