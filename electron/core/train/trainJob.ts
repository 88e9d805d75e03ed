// Training as a Job (core/jobs): the chat samples become a training file, the supervised trainer runs, its step
// events become throttled job progress, cancel = the job's AbortSignal (the trainer checkpoints, then stops), and an
// interrupted or cancelled run resumes from its checkpoint (resumable job). Run records in SQLite come with the
// training migration (not written yet: see the issue notes).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sample } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { JobRunner } from '../jobs/jobManager.js';
import { runTrainer, type TrainerDoneEvent, type TrainerSettings } from './supervisor.js';
import { buildTrainingFile } from './trainingData.js';

export interface TrainJobParams extends TrainerSettings {
  base: string;
  samples: readonly Sample[];
  valSamples?: readonly Sample[];
  /** Folder for the run: training file, checkpoints, log, adapter. */
  runDir: string;
  /** Checkpoint to continue from (a previous run of the same job). */
  resume?: string;
}

export interface TrainJobResult {
  done: TrainerDoneEvent;
  log: string;
}

/** The job runner; on cancel it rejects with the AbortSignal's reason after the trainer wrote its checkpoint. */
export function trainJob(p: TrainJobParams): JobRunner<TrainJobResult> {
  return async ({ signal, onProgress }) => {
    await mkdir(p.runDir, { recursive: true });
    onProgress({ phase: 'preparing data', current: 0, total: null });
    const train = await buildTrainingFile(p.base, p.samples, join(p.runDir, 'train.fttrain'));
    const val = p.valSamples?.length ? await buildTrainingFile(p.base, p.valSamples, join(p.runDir, 'val.fttrain')) : null;
    const log = join(p.runDir, 'trainer.log');
    const result = await runTrainer({
      ...p,
      trainFile: train.path,
      ...(val ? { valFile: val.path } : {}),
      out: join(p.runDir, 'adapter.gguf'),
      checkpointDir: join(p.runDir, 'checkpoints'),
      logFile: log,
      signal,
      ...(p.resume ? { resume: p.resume } : {}),
      onEvent(e) {
        if (e.type === 'step') onProgress({ phase: 'training', current: e.step, total: e.totalSteps });
      },
    });
    if (result.done) return { done: result.done, log };
    if (signal.aborted) throw signal.reason;
    const err = result.error;
    throw new FieldtuneError('INVALID_INPUT', `training failed: ${err?.message ?? 'unknown error'}`);
  };
}
