// Training as a Job (core/jobs): the chat samples become a training file, the supervised trainer runs, its step
// events become throttled job progress, cancel = the job's AbortSignal (the trainer checkpoints, then stops), and an
// interrupted or cancelled run resumes from its checkpoint (resumable job). With `record`, the run, its loss curve
// and its outcome land in SQLite (store/repositories/trainingRuns.ts) and the finished adapter is kept as a project blob.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Sample } from '../../../contract/domain.js';
import { TRAINING_OPTION_KEYS, type TrainingSettings } from '../../../contract/training.js';
import type { TrainRunResult } from '../../../contract/jobs.js';
import type { TrainerEvent } from '../../../contract/trainerEvents.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { writeFileAtomic } from '../../disk/atomicWrite.js';
import { isEncryptedBytes, readWorkspaceFileSync } from '../../disk/encryption.js';
import { makeScratchDir, markScratchRun, removeScratch } from '../../disk/scratch.js';
import type { JobContext, JobRunner } from '../../jobs/jobManager.js';
import { sha256OfFile, type BlobStore } from '../../store/blobStore.js';
import type { RunInputs, TrainingRunsRepository } from '../../store/repositories/trainingRuns.js';
import { checkTrainableBase } from '../../train/baseCheck.js';
import type { TrainerSettings } from '../../train/supervisor.js';
import { trainOnSamples } from '../../train/trainOnSamples.js';

export interface TrainJobRecording {
  runs: TrainingRunsRepository;
  blobs: BlobStore;
  projectId: string | null;
  /** The run's id; a resumed job passes the id of the run it continues. */
  runId: string;
  /** What the run was made from (model, dataset versions, preset, provenance), for listing and reproducing it. */
  inputs?: RunInputs;
  /** Every trainer event of the run, as it happens (live charts, the CLI's --json). */
  notify?: (event: TrainerEvent, jobId: string) => void;
}

export interface TrainJobParams extends TrainerSettings {
  base: string;
  samples: readonly Sample[];
  valSamples?: readonly Sample[];
  /** Folder for the run: training file, checkpoints, log, adapter. */
  runDir: string;
  /** Checkpoint to continue from (a previous run of the same job). */
  resume?: string;
  record?: TrainJobRecording;
  /** Raw trainer arguments (`--init-adapter` when a run continues another). */
  extraArgs?: readonly string[];
  /**
   * The workspace's folder when it is encrypted. The trainer reads and writes plain files, so the training files,
   * checkpoints and adapter are made in a private scratch folder (disk/scratch.ts) for the run's lifetime; each
   * checkpoint, the log and the adapter are encrypted into the workspace as they appear, and the folder is deleted
   * when the run ends however it ends (cancel, failure; a killed process's is swept at the next open).
   */
  encryptedWorkspace?: string;
  /** The caller already ran the trainer's base check (startTraining does, before any job exists). */
  baseChecked?: boolean;
  /** The base's sha256, e.g. from the workspace's fingerprint cache; without it the file is hashed here. */
  fingerprint?: (ctx: JobContext) => Promise<string>;
}

/** A plain copy in `dir` of a file that is encrypted (an adapter blob, a checkpoint); a plain file is used as it is. */
function plainInput(dir: string, path: string, name: string): string {
  const bytes = readFileSync(path);
  if (!isEncryptedBytes(bytes)) return path;
  const copy = join(dir, name);
  writeFileAtomic(copy, readWorkspaceFileSync(path), { plain: true, mode: 0o600 });
  return copy;
}

export type TrainJobResult = TrainRunResult;

/** Settings worth keeping with a run (what a report or a rerun needs), without the samples themselves. */
function settingsOf(p: TrainJobParams): TrainingSettings {
  return Object.fromEntries(TRAINING_OPTION_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]])) as TrainingSettings;
}

/** The job runner; on cancel it rejects with the AbortSignal's reason after the trainer wrote its checkpoint. */
export function trainJob(p: TrainJobParams): JobRunner<TrainJobResult> {
  return async (ctx) => {
    const { jobId, signal, onProgress } = ctx;
    if (!p.baseChecked) await checkTrainableBase(p.base, p.targets); // refused up front: no run folder, no run row
    await mkdir(p.runDir, { recursive: true });
    onProgress({ phase: 'preparing data', current: 0, total: null });
    const rec = p.record;
    const log = join(p.runDir, 'trainer.log');
    const { samples, valSamples, record: _r, runDir: _d, resume: resumeFrom, encryptedWorkspace, baseChecked: _c, fingerprint, ...options } = p;
    const scratch = encryptedWorkspace ? makeScratchDir(encryptedWorkspace) : null;
    if (scratch) markScratchRun(scratch, { runDir: p.runDir });
    const work = scratch ?? p.runDir;
    let settings = options;
    let resume = resumeFrom;
    if (scratch) {
      if (resume) resume = plainInput(scratch, resume, 'resume.gguf');
      const init = options.extraArgs?.indexOf('--init-adapter') ?? -1;
      const initPath = init >= 0 ? options.extraArgs?.[init + 1] : undefined;
      if (initPath) {
        const extraArgs = [...(options.extraArgs ?? [])];
        extraArgs[init + 1] = plainInput(scratch, initPath, 'init-adapter.gguf');
        settings = { ...options, extraArgs };
      }
    }
    /** A checkpoint the trainer wrote in the scratch folder, encrypted into the run folder; returns its workspace path. */
    const keepCheckpoint = (path: string): string => {
      if (!scratch) return path;
      const kept = join(p.runDir, 'checkpoints', basename(path));
      writeFileAtomic(kept, readFileSync(path));
      return kept;
    };
    try {
      return await runIn(work);
    } finally {
      if (scratch) {
        try {
          writeFileAtomic(log, readFileSync(join(scratch, 'trainer.log')));
        } catch {
          // no log (refused before the trainer started)
        }
        removeScratch(scratch);
      }
    }

    async function runIn(work: string): Promise<TrainJobResult> {
      if (scratch) await mkdir(join(p.runDir, 'checkpoints'), { recursive: true });
      const { run: result } = await trainOnSamples({
        ...settings,
        samples,
        valSamples,
        workDir: work,
        out: join(work, 'adapter.gguf'),
        checkpointDir: join(work, 'checkpoints'),
        logFile: scratch ? join(scratch, 'trainer.log') : log,
        signal,
        ...(resume ? { resume } : {}),
        // the trainer outlives a killed host to write a last checkpoint: the folder is kept until it has exited
        ...(scratch ? { onSpawn: (pid: number) => markScratchRun(scratch, { runDir: p.runDir, workerPid: pid }) } : {}),
        async beforeRun({ train, val }) {
          // handed to the trainer, which would otherwise hash the (possibly many-GB) base again; a workspace passes its
          // fingerprint cache, so an unchanged base is not read again at every run
          const baseSize = (await stat(p.base)).size;
          const baseSha256 = fingerprint
            ? await fingerprint(ctx)
            : await sha256OfFile(p.base, (bytes) => onProgress({ phase: 'checking the base model', current: bytes, total: baseSize }), signal);
          if (rec) {
            if (rec.runs.get(rec.runId)) rec.runs.restart(rec.runId, jobId);
            else
              rec.runs.create({
                id: rec.runId,
                projectId: rec.projectId,
                jobId,
                baseSha256,
                trainSha256: train.sha256,
                valSha256: val?.sha256 ?? null,
                settings: settingsOf(p),
                ...(rec.inputs ? { inputs: rec.inputs } : {}),
              });
          }
          return { baseSha256 };
        },
        onEvent(raw) {
          const e = raw.type === 'checkpoint' ? { ...raw, path: keepCheckpoint(raw.path) } : raw;
          rec?.runs.record(rec.runId, e);
          rec?.notify?.(e, jobId);
          if (e.type === 'step') onProgress({ phase: 'training', current: e.step, total: e.totalSteps });
        },
      });
      if (result.done) {
        let adapterSha256: string | null = null;
        if (rec) {
          const blob = await rec.blobs.put(await readFile(result.done.adapterPath));
          if (rec.projectId) rec.blobs.reference(rec.projectId, blob.sha256, 'adapter');
          rec.runs.setAdapter(rec.runId, blob.sha256);
          adapterSha256 = blob.sha256;
          // the scratch copy goes with the scratch folder: the kept adapter is the (encrypted) blob
          if (scratch) return { done: { ...result.done, adapterPath: rec.blobs.pathOf(blob.sha256) }, log, adapterSha256 };
        }
        return { done: result.done, log, adapterSha256 };
      }
      if (signal.aborted) {
        rec?.runs.finish(rec.runId, 'cancelled');
        throw signal.reason;
      }
      const message = result.error?.message ?? 'unknown error';
      // an error event was recorded already; a crash without one still ends the run
      if (rec && rec.runs.get(rec.runId)?.status === 'running') rec.runs.finish(rec.runId, 'failed', message);
      throw new FieldtuneError('INVALID_INPUT', `training failed: ${message}`);
    }
  };
}
