// Training in the workspace: runs, their curves, presets, the pre-flight estimate and the machine's hardware. The
// requests are in trainRequests.ts; the settings themselves are described once in training.ts.
import { z } from 'zod';
import { Id } from './domain.js';
import { RetrainFlag } from './lineageRequests.js';
import { TrainingSettings } from './training.js';

export const RunStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']);
export type RunStatus = z.infer<typeof RunStatus>;

/** One dataset version in a run's mix; weights are relative shares of the training examples. */
export const DatasetShare = z.object({ versionId: Id, weight: z.number().positive('A weight must be more than 0').max(1000) }).strict();
export type DatasetShare = z.infer<typeof DatasetShare>;

/** What reproduces a run: with the same base file, dataset versions and these, the adapter comes out the same. */
export const RunProvenance = z.object({
  seed: z.number().int(),
  appVersion: z.string(),
  trainerBuild: z.string().nullable(),
  llamaCppCommit: z.string().nullable(),
  datasetHashes: z.record(z.string(), z.string()),
  /** How many training examples each version gave, after weighting. */
  mix: z.record(z.string(), z.number().int()),
  replayed: z.number().int(),
});
export type RunProvenance = z.infer<typeof RunProvenance>;

export const TrainingRun = z.object({
  id: Id,
  projectId: Id.nullable(),
  jobId: Id.nullable(),
  status: RunStatus,
  baseModelId: Id.nullable(),
  baseLabel: z.string().nullable(),
  baseSha256: z.string(),
  datasets: z.array(DatasetShare),
  preset: z.string().nullable(),
  settings: TrainingSettings,
  /** The run whose adapter this one continued from, and the share of its training data replayed. */
  continueFrom: Id.nullable(),
  replay: z.number().nullable(),
  steps: z.number().int(),
  totalSteps: z.number().int().nullable(),
  tokensTrained: z.number().int(),
  trainLoss: z.number().nullable(),
  valLoss: z.number().nullable(),
  seconds: z.number(),
  error: z.string().nullable(),
  checkpointPath: z.string().nullable(),
  adapterSha256: z.string().nullable(),
  /** The adapter file (a .gguf in the workspace's blob store), when the run finished. */
  adapterPath: z.string().nullable(),
  adapterBytes: z.number().int().nullable(),
  candidate: z.boolean(),
  provenance: RunProvenance.nullable(),
  /** Set when data it was trained on was erased since (lineage:erase): the adapter still carries it. */
  needsRetraining: RetrainFlag.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TrainingRun = z.infer<typeof TrainingRun>;

export const CurvePoint = z.object({ step: z.number().int(), loss: z.number() });
export const RunDetail = z.object({ run: TrainingRun, train: z.array(CurvePoint), val: z.array(CurvePoint) });
export type RunDetail = z.infer<typeof RunDetail>;

export const RunComparison = z.object({
  a: RunDetail,
  b: RunDetail,
  /** Settings and inputs that differ, by name. */
  differences: z.array(z.object({ name: z.string(), a: z.string(), b: z.string() })),
});
export type RunComparison = z.infer<typeof RunComparison>;

export const PresetId = z.enum(['quick', 'balanced', 'thorough']);
export type PresetId = z.infer<typeof PresetId>;

export const Preset = z.object({
  id: PresetId,
  label: z.string(),
  /** One plain line: why these settings for this data and this machine. */
  why: z.string(),
  settings: TrainingSettings,
});
export type Preset = z.infer<typeof Preset>;

export const Hardware = z.object({
  cpu: z.string(),
  threads: z.number().int(),
  /** x86-64 level (avx2, avx512, ...) or the CPU's architecture elsewhere. */
  instructionSet: z.string(),
  ramBytes: z.number(),
  freeRamBytes: z.number(),
  freeDiskBytes: z.number().nullable(),
  gpus: z.array(z.object({ name: z.string(), kind: z.enum(['cuda', 'vulkan', 'metal']), vramBytes: z.number().nullable() })),
  /** Trainer builds present on this machine. */
  trainerBuilds: z.array(z.enum(['cpu', 'cuda', 'vulkan', 'metal'])),
  /** Plain words when a GPU exists but no trainer build for it does. */
  notes: z.array(z.string()),
});
export type Hardware = z.infer<typeof Hardware>;

export const PreflightEstimate = z.object({
  examples: z.number().int(),
  /** Examples longer than the max sequence length: skipped by the trainer, or cut to it (longExamples). */
  tooLong: z.number().int(),
  maxSeq: z.number().int(),
  /** What the run does with those: the setting it will start with. */
  longExamples: z.enum(['skip', 'truncate']),
  steps: z.number().int(),
  seconds: z.number(),
  secondsPerStep: z.number(),
  peakMemoryBytes: z.number(),
  diskBytes: z.number(),
  /** What will not fit, in plain words with what to change; empty when it fits. */
  problems: z.array(z.object({ kind: z.enum(['memory', 'disk']), message: z.string() })),
});
export type PreflightEstimate = z.infer<typeof PreflightEstimate>;
