// One training flow for every caller (the workspace's train job and file-mode `fieldtune train`): chat samples become
// training files rendered with the base model's own template, then the supervised trainer runs. Callers add what is
// theirs around it (the job records the run and keeps the adapter; the CLI prints events).
import { join } from 'node:path';
import type { Sample } from '../../contract/domain.js';
import type { TrainerEvent } from '../../contract/trainerEvents.js';
import { runTrainer, type TrainerRunResult, type TrainerSettings } from './supervisor.js';
import { buildTrainingFile, type TrainingDataSummary } from './trainingData.js';

export interface TrainOnSamplesOptions extends TrainerSettings {
  base: string;
  samples: readonly Sample[];
  valSamples?: readonly Sample[] | undefined;
  /** Folder for the training files. */
  workDir: string;
  /** The adapter to write. */
  out: string;
  logFile: string;
  checkpointDir?: string;
  baseSha256?: string;
  resume?: string;
  /** Only estimate (two calibration steps, discarded): the result's events hold an `estimate`. */
  dryRun?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: TrainerEvent) => void;
  /** The trainer's pid, once it is started. */
  onSpawn?: (pid: number) => void;
  /** Called once the training files exist, before the trainer starts (the job hashes the base and records the run). */
  beforeRun?: (files: {
    train: TrainingDataSummary;
    val: TrainingDataSummary | null;
  }) => Promise<{ baseSha256?: string } | void> | { baseSha256?: string } | void;
  /** Extra raw arguments (tests use the trainer's test-only flags). */
  extraArgs?: readonly string[];
}

export interface TrainOnSamplesResult {
  run: TrainerRunResult;
  train: TrainingDataSummary;
  val: TrainingDataSummary | null;
}

export async function trainOnSamples(o: TrainOnSamplesOptions): Promise<TrainOnSamplesResult> {
  const { base, samples, valSamples, workDir, beforeRun, ...rest } = o;
  const train = await buildTrainingFile(base, samples, join(workDir, 'train.fttrain'));
  const val = valSamples?.length ? await buildTrainingFile(base, valSamples, join(workDir, 'val.fttrain')) : null;
  const extra = (await beforeRun?.({ train, val })) ?? {};
  const run = await runTrainer({
    ...rest,
    ...extra,
    base,
    trainFile: train.path,
    ...(val ? { valFile: val.path } : {}),
  });
  return { run, train, val };
}
