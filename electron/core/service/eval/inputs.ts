// What an evaluation of a run needs from the workspace, each checked with a specific message before any job starts:
// a finished run whose adapter blob is present, its base model (the same file it was trained on, and an adapter
// that fits it), a test split with examples, the training examples (worked examples for the baseline, records for the
// leak check) and the identifiers the personal-data scan found in the original data.
import { existsSync } from 'node:fs';
import type { Sample } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { DatasetShare } from '../../../contract/train.js';
import { isSample } from '../../data/example.js';
import { checkAdapterFitsBase } from '../../eval/adapterMatch.js';
import { redactionOf } from '../../store/repositories/redaction.js';
import type { FullRunRow } from '../../store/repositories/trainingRuns.js';
import type { Workspace } from '../../workspace.js';
import { loadMembers, requireVersion } from '../datasets/versions.js';
import { requireRun } from '../train/runs.js';

export interface RunInputsForEval {
  run: FullRunRow;
  basePath: string;
  adapterPath: string;
  versionIds: string[];
  test: Sample[];
  train: Sample[];
  identifiers: string[];
}

const refuse = (message: string, reason: string, extra: Record<string, string> = {}) =>
  new FieldtuneError('INVALID_INPUT', message, { details: { reason, ...extra } });

export async function gatherRunInputs(ws: Workspace, runId: string): Promise<RunInputsForEval> {
  const run = requireRun(ws, runId);
  if (run.status !== 'succeeded' || !run.adapter_sha256) {
    throw refuse('This run has not finished training, so there is no tuned model to evaluate yet.', 'runNotFinished', { run: runId });
  }
  const adapterPath = ws.blobs.pathOf(run.adapter_sha256);
  if (!existsSync(adapterPath)) {
    throw refuse(`The adapter file of this run is missing from the workspace (${adapterPath}); train the run again.`, 'adapterMissing', { run: runId });
  }
  const model = run.base_model_id ? ws.models.get(run.base_model_id) : undefined;
  if (!model) throw refuse('The base model this run was trained on is no longer registered; add it again under Models.', 'baseMissing', { run: runId });
  if (!existsSync(model.path)) throw refuse(`The base model file is missing: ${model.path}.`, 'baseMissing', { run: runId });
  if (model.sha256 !== run.base_sha256) {
    throw refuse('This adapter was made for another base model: the model file has changed since the run was trained.', 'adapterForAnotherBase', {
      run: runId,
    });
  }
  // node-llama-cpp and the GGUF reader open files by name: an encrypted workspace's adapter is decrypted for them
  const plainAdapter = ws.plainCopy(adapterPath);
  await checkAdapterFitsBase(plainAdapter, model.path);

  const versionIds = (JSON.parse(run.datasets) as DatasetShare[]).map((d) => d.versionId);
  const test: Sample[] = [];
  const train: Sample[] = [];
  for (const v of versionIds) {
    for (const m of loadMembers(ws, v)) {
      if (!isSample(m.example)) continue;
      if (m.split === 'test') test.push(m.example);
      else if (m.split === 'train' || m.split === null) train.push(m.example);
    }
  }
  if (test.length === 0) {
    throw refuse(
      `The test split of dataset version ${versionIds.join(', ')} has no examples: split the data with a test share before evaluating.`,
      'emptyTestSplit',
      { version: versionIds[0] ?? '' },
    );
  }
  return { run, basePath: model.path, adapterPath: plainAdapter, versionIds, test, train, identifiers: identifiersOf(ws, versionIds) };
}

/** Every identifier the personal-data scan found in these versions or the versions they were made from. */
export function identifiersOf(ws: Workspace, versionIds: readonly string[]): string[] {
  const repo = redactionOf(ws);
  const found = new Set<string>();
  const seen = new Set<string>();
  for (const start of versionIds) {
    let id: string | null = start;
    while (id && !seen.has(id)) {
      seen.add(id);
      const version = requireVersion(ws, id);
      const rejected = new Set(
        repo
          .decisions(version.datasetId)
          .filter((d) => d.decision === 'reject')
          .map((d) => d.text),
      );
      for (const fields of repo.scanSpans(id).values()) {
        for (const spans of Object.values(fields)) for (const s of spans) if (!rejected.has(s.text)) found.add(s.text);
      }
      id = repo.report(id)?.sourceVersionId ?? version.parentId;
    }
  }
  return [...found];
}
