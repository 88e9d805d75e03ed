// What a Playground reply runs on, checked before anything starts: the project, the base model file, and for a run
// its adapter (a finished run of this project, its file present, made for this very base file and fitting it).
import { existsSync } from 'node:fs';
import { FieldtuneError } from '../../../contract/errors.js';
import type { PlaygroundTarget } from '../../../contract/playgroundRequests.js';
import { checkAdapterFitsBase } from '../../eval/adapterMatch.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';

export interface ResolvedTarget {
  basePath: string;
  adapter?: { path: string; scale: number };
  runId: string | null;
}

const refuse = (message: string, reason: string) => new FieldtuneError('INVALID_INPUT', message, { details: { reason } });

export async function resolveTarget(ws: Workspace, projectId: string, target: PlaygroundTarget): Promise<ResolvedTarget> {
  requireProject(ws, projectId);
  if (target.kind === 'base') {
    const model = ws.models.get(target.modelId);
    if (!model)
      throw new FieldtuneError('NOT_FOUND', 'That model is not registered in this workspace; add it under Models.', { details: { model: target.modelId } });
    if (!existsSync(model.path)) throw refuse(`The model file is missing: ${model.path}.`, 'baseMissing');
    return { basePath: model.path, runId: null };
  }
  const run = ws.trainingRuns.full(target.runId);
  if (!run || run.project_id !== projectId) {
    throw new FieldtuneError('NOT_FOUND', 'There is no such training run in this project.', { details: { run: target.runId } });
  }
  if (run.status !== 'succeeded' || !run.adapter_sha256)
    throw refuse('This run has not finished training, so there is no tuned model to chat with yet.', 'runNotFinished');
  const adapterPath = ws.blobs.pathOf(run.adapter_sha256);
  if (!existsSync(adapterPath)) throw refuse('The adapter file of this run is missing from the workspace; train the run again.', 'adapterMissing');
  const model = run.base_model_id ? ws.models.get(run.base_model_id) : undefined;
  if (!model) throw refuse('The base model this run was trained on is no longer registered; add it again under Models.', 'baseMissing');
  if (!existsSync(model.path)) throw refuse(`The base model file is missing: ${model.path}.`, 'baseMissing');
  if (model.sha256 !== run.base_sha256) {
    throw refuse('This adapter was made for another base model: the model file has changed since the run was trained.', 'adapterForAnotherBase');
  }
  // node-llama-cpp opens the adapter by name: an encrypted workspace's is decrypted for it (deleted when the workspace closes)
  const plainAdapter = ws.plainCopy(adapterPath);
  await checkAdapterFitsBase(plainAdapter, model.path);
  return { basePath: model.path, adapter: { path: plainAdapter, scale: target.scale }, runId: run.id };
}
