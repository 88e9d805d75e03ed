// Starting a training run in the workspace: check everything that can be checked before anything is written (project,
// model file, dataset versions, the run to continue from), settle the settings (preset, then the user's overrides),
// gather the examples, and run the train job. An interrupted run resumes from its checkpoint (registered below).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BaseModel } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { JobOf } from '../../../contract/jobs.js';
import type { DatasetShare, PresetId, RunProvenance } from '../../../contract/train.js';
import type { TrainingSettings } from '../../../contract/training.js';
import { appVersion } from '../../appPaths.js';
import { checkTrainableBase } from '../../train/baseCheck.js';
import { templateMarkersMissing } from '../../train/trainingData.js';
import { fingerprintOf } from '../models/models.js';
import { nativeBinDir, trainerAvailable } from '../../train/supervisor.js';
import type { Workspace } from '../../workspace.js';
import { registerResumer } from '../jobs/resume.js';
import { checkGgufFile } from '../../gguf/check.js';
import { requireProject } from '../projects/projects.js';
import { fitProblems, runDiskBytes } from './fit.js';
import { freeDiskBytes } from '../../disk/freeSpace.js';
import { gatherExamples } from './inputs.js';
import { presetsFor } from './presets.js';
import { checkpointOf, requireRun, runDirOf } from './runs.js';
import { trainJob } from './trainJob.js';

export interface StartInput {
  projectId: string;
  modelId: string;
  datasets: DatasetShare[];
  preset?: PresetId | undefined;
  settings: TrainingSettings;
  continueFrom?: string | undefined;
  continueFromFile?: string | undefined;
  replay?: number | undefined;
}

export function requireModelFile(ws: Workspace, modelId: string): BaseModel {
  const model = ws.models.get(modelId);
  if (!model) throw new FieldtuneError('NOT_FOUND', `No base model with id ${modelId}`, { details: { model: modelId } });
  if (!existsSync(model.path)) {
    throw new FieldtuneError('INVALID_INPUT', `The model file ${model.path} is no longer there; add it again where it now lies.`, {
      details: { path: model.path },
    });
  }
  return model;
}

/** What the trainer's build stamp says about itself (written by native/build.mjs), read once per run. */
function trainerStamp(): { trainerBuild: string | null; llamaCppCommit: string | null } {
  try {
    const stamp = JSON.parse(readFileSync(join(nativeBinDir(), 'fieldtune-build.json'), 'utf8')) as { key?: string; variant?: string; llamaCommit?: string };
    return { trainerBuild: stamp.variant && stamp.key ? `${stamp.variant} ${stamp.key.slice(0, 12)}` : null, llamaCppCommit: stamp.llamaCommit ?? null };
  } catch {
    return { trainerBuild: null, llamaCppCommit: null };
  }
}

/**
 * The checks every run makes before anything is written, so a refusal leaves no job or run: the trainer's own
 * (architecture, targets), and the base's chat template markers, which must be tokens of its vocabulary since the
 * examples are rendered with that template. The estimate runs them too, and counts their time.
 */
export async function checkBaseBeforeRun(modelPath: string, settings: TrainingSettings): Promise<void> {
  await checkTrainableBase(modelPath, settings.targets);
  const missing = await templateMarkersMissing(modelPath);
  if (missing.length) {
    throw new FieldtuneError(
      'INVALID_INPUT',
      `This model's chat template writes ${missing.join(', ')}, which its vocabulary does not have: it would see your examples' turns as garbled text. The template and the vocabulary come from different models; choose another model file.`,
      { details: { markers: missing.join(' ') } },
    );
  }
}

/** The settings a run uses: the preset's, then the user's; continuing keeps the earlier adapter's shape. */
export async function settleSettings(ws: Workspace, input: StartInput, model: BaseModel): Promise<TrainingSettings> {
  const preset = input.preset ? (await presetsFor(ws, model, input.datasets)).find((p) => p.id === input.preset)?.settings : {};
  const settings: TrainingSettings = { seed: 42, ...preset, ...input.settings };
  if (input.continueFrom) {
    const earlier = JSON.parse(requireRun(ws, input.continueFrom).settings) as TrainingSettings;
    for (const k of ['rank', 'alpha', 'targets'] as const) {
      if (earlier[k] !== undefined) Object.assign(settings, { [k]: earlier[k] });
      else delete settings[k];
    }
  }
  return settings;
}

export async function startTraining(
  ws: Workspace,
  input: StartInput,
  resume?: { runId: string; checkpoint: string; resumedFrom: string },
  /** Free disk where the workspace is (tests inject it); measured when not given. */
  disk: { freeDiskBytes: number | null } = { freeDiskBytes: freeDiskBytes(ws.dir) },
): Promise<JobOf<'train.run'>> {
  requireProject(ws, input.projectId);
  const model = requireModelFile(ws, input.modelId);
  // the file may have changed since it was registered (a download replaced, a copy cut short)
  await checkGgufFile(model.path);
  if (!trainerAvailable()) throw new FieldtuneError('INVALID_INPUT', 'The trainer is not installed with this copy of Fieldtune (its native build is missing).');
  let initAdapter: string | undefined;
  let replay: { datasets: DatasetShare[]; share: number } | undefined;
  if (input.continueFrom) {
    const earlier = requireRun(ws, input.continueFrom);
    if (!earlier.adapter_sha256)
      throw new FieldtuneError('INVALID_INPUT', 'The run to continue from has no finished adapter.', { details: { run: earlier.id } });
    if (earlier.base_sha256 !== model.sha256) {
      throw new FieldtuneError('INVALID_INPUT', 'The run to continue from was trained on another base model; continue on that model.', {
        details: { run: earlier.id },
      });
    }
    initAdapter = ws.blobs.pathOf(earlier.adapter_sha256);
    replay = { datasets: JSON.parse(earlier.datasets) as DatasetShare[], share: input.replay ?? 0.2 };
  } else if (input.continueFromFile) {
    initAdapter = resolve(input.continueFromFile);
    if (!existsSync(initAdapter)) throw new FieldtuneError('INVALID_INPUT', `There is no adapter file at ${initAdapter}.`, { details: { path: initAdapter } });
    await checkGgufFile(initAdapter);
  }
  const settings = await settleSettings(ws, input, model);
  await checkBaseBeforeRun(model.path, settings);
  const seed = settings.seed ?? 42;
  const examples = gatherExamples(ws, input.datasets, seed, replay);
  // checkpoints need room: a run that would fill the disk is refused before its folder or row exists
  const noRoom = fitProblems(0, runDiskBytes(model, settings, examples.mix.samples), { freeRamBytes: Infinity, ...disk }).find((p) => p.kind === 'disk');
  if (noRoom) throw new FieldtuneError('INVALID_INPUT', noRoom.message, { details: { freeDiskBytes: disk.freeDiskBytes } });
  const runId = resume?.runId ?? randomUUID();
  const provenance: RunProvenance = {
    seed,
    appVersion: appVersion(),
    ...trainerStamp(),
    datasetHashes: examples.hashes,
    mix: examples.mix.counts,
    replayed: examples.mix.replayed,
  };
  return ws.jobs.start(
    { kind: 'train.run', projectId: input.projectId, params: { runId }, ...(resume ? { resumedFrom: resume.resumedFrom } : {}) },
    trainJob({
      ...settings,
      base: model.path,
      samples: examples.mix.samples,
      valSamples: examples.val,
      runDir: runDirOf(ws, runId),
      baseChecked: true,
      fingerprint: async (ctx) => (await fingerprintOf(ws, model.path, ctx)).sha256,
      ...(ws.encryptionKey ? { encryptedWorkspace: ws.dir } : {}),
      ...(resume ? { resume: resume.checkpoint } : {}),
      ...(initAdapter ? { extraArgs: ['--init-adapter', initAdapter] } : {}),
      record: {
        runs: ws.trainingRuns,
        blobs: ws.blobs,
        projectId: input.projectId,
        runId,
        notify: (event, jobId) => ws.publish({ event: 'train:event', payload: { runId, jobId, projectId: input.projectId, event } }),
        inputs: {
          baseModelId: model.id,
          datasets: input.datasets,
          preset: input.preset ?? null,
          continueFrom: input.continueFrom ?? null,
          replay: input.continueFrom ? (input.replay ?? 0.2) : null,
          provenance,
        },
      },
    }),
  );
}

// Resuming runs the same inputs again (the same seed gives the same mix) from the run's last checkpoint.
registerResumer('train.run', async (ws, { runId }, from) => {
  const row = requireRun(ws, runId);
  const checkpoint = checkpointOf(ws, row);
  if (!checkpoint) {
    throw new FieldtuneError('CONFLICT', 'This run left no checkpoint to resume from; start it again.', { details: { run: runId } });
  }
  if (!row.project_id || !row.base_model_id) throw new FieldtuneError('CONFLICT', 'Only runs started in a project can be resumed here.');
  const input: StartInput = {
    projectId: row.project_id,
    modelId: row.base_model_id,
    datasets: JSON.parse(row.datasets) as DatasetShare[],
    settings: JSON.parse(row.settings) as TrainingSettings,
    ...(row.continue_from ? { continueFrom: row.continue_from } : {}),
    ...(row.replay !== null ? { replay: row.replay } : {}),
  };
  return startTraining(ws, input, { runId, checkpoint, resumedFrom: from.id });
});
