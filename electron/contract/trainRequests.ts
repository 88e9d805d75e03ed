// The 'train:*' requests (the Train wizard and `fieldtune train --workspace`). Cancel and resume are the generic
// 'jobs:cancel' and 'jobs:resume'.
import { z } from 'zod';
import { Id } from './domain.js';
import { jobSchemas } from './jobs.js';
import { DatasetShare, Hardware, PreflightEstimate, Preset, PresetId, RunComparison, RunDetail, TrainingRun } from './train.js';
import { TrainingSettings } from './training.js';

const RunInput = {
  projectId: Id,
  /** A registered base model. */
  modelId: Id,
  datasets: z.array(DatasetShare).min(1, 'Choose at least one dataset version to train on').max(16),
  preset: PresetId.optional(),
  /** Any setting given here overrides the preset's. */
  settings: TrainingSettings.default({}),
  /** Continue from an earlier run's adapter (teach it more), replaying this share of that run's training data. */
  continueFrom: Id.optional(),
  /** Or continue from an adapter file made elsewhere (for this base); nothing is replayed then. */
  continueFromFile: z.string().min(1).optional(),
  replay: z.number().min(0, 'The replay share is between 0 and 1').max(1, 'The replay share is between 0 and 1').optional(),
};

export const trainRequests = {
  'train:hardware': { input: z.object({}).strict(), output: Hardware },
  /** Three presets computed from the dataset versions (sizes, token lengths with the model's tokenizer) and the hardware. */
  'train:presets': { input: z.object({ modelId: Id, datasets: z.array(DatasetShare).min(1) }).strict(), output: z.array(Preset) },
  /** A dry run of the trainer plus a few measured steps: time, peak memory, disk, and what will not fit. */
  'train:estimate': { input: z.object(RunInput).strict(), output: PreflightEstimate },
  'train:start': { input: z.object(RunInput).strict(), output: jobSchemas['train.run'] },
  /** A project's runs, newest first; every project's without projectId. */
  'train:runs': { input: z.object({ projectId: Id.optional() }).strict(), output: z.array(TrainingRun) },
  'train:run': { input: z.object({ id: Id }).strict(), output: RunDetail },
  'train:compare': { input: z.object({ a: Id, b: Id }).strict(), output: RunComparison },
  /** The project's candidate run: what Evaluate and Export open with by default. */
  'train:candidate': { input: z.object({ id: Id }).strict(), output: TrainingRun },
} as const;
