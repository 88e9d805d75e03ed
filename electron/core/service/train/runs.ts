// Training runs as the contract shows them: list, detail with curves, side-by-side comparison, the candidate run.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FieldtuneError } from '../../../contract/errors.js';
import type { RunComparison, RunDetail, TrainingRun } from '../../../contract/train.js';
import { sweepScratch } from '../../disk/scratch.js';
import { LineageRepository } from '../../store/repositories/lineage.js';
import { CHECKPOINT_FILE, rescueCheckpoint } from '../../train/rescueCheckpoint.js';
import type { FullRunRow } from '../../store/repositories/trainingRuns.js';
import type { Workspace } from '../../workspace.js';

export const runDirOf = (ws: Workspace, runId: string): string => join(ws.filesDir, 'runs', runId);

/**
 * The run's last checkpoint. A trainer whose host was killed writes one as it stops, but nobody is left to record its
 * path, so the file the trainer always uses in the run folder counts too.
 */
export function checkpointOf(ws: Workspace, r: Pick<FullRunRow, 'id' | 'checkpoint_path' | 'status'>): string | null {
  // in an encrypted workspace that last checkpoint is written in the trainer's scratch folder: rescued into the run
  // folder once the trainer has exited (it may still have been writing when the workspace opened). Only a run whose
  // host died is 'interrupted', so a listing of finished runs does no sweep.
  if (ws.encryptionKey && r.status === 'interrupted') sweepScratch(ws.dir, rescueCheckpoint);
  const usual = join(runDirOf(ws, r.id), 'checkpoints', CHECKPOINT_FILE);
  if (r.checkpoint_path && existsSync(r.checkpoint_path)) return r.checkpoint_path;
  return existsSync(usual) ? usual : null;
}

const parse = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

function retrainFlag(ws: Workspace, runId: string): TrainingRun['needsRetraining'] {
  const flag = new LineageRepository(ws.db).flagOf(runId);
  return flag ? { reason: flag.reason, at: flag.at } : null;
}

export function toRun(ws: Workspace, r: FullRunRow): TrainingRun {
  const model = r.base_model_id ? ws.models.get(r.base_model_id) : undefined;
  // the run folder's copy keeps the .gguf name tools expect; the project blob holds the same bytes
  const inRunDir = join(runDirOf(ws, r.id), 'adapter.gguf');
  const adapterPath = r.adapter_sha256 ? (existsSync(inRunDir) ? inRunDir : ws.blobs.pathOf(r.adapter_sha256)) : null;
  return {
    id: r.id,
    projectId: r.project_id,
    jobId: r.job_id,
    status: r.status,
    baseModelId: r.base_model_id,
    baseLabel: model?.label ?? null,
    baseSha256: r.base_sha256,
    datasets: parse(r.datasets, []),
    preset: r.preset,
    settings: parse(r.settings, {}),
    continueFrom: r.continue_from,
    replay: r.replay,
    steps: r.steps,
    totalSteps: r.total_steps,
    tokensTrained: r.tokens_trained,
    trainLoss: r.train_loss,
    valLoss: r.val_loss,
    seconds: r.seconds,
    error: r.error,
    checkpointPath: checkpointOf(ws, r),
    adapterSha256: r.adapter_sha256,
    adapterPath,
    adapterBytes: adapterPath && existsSync(adapterPath) ? statSync(adapterPath).size : null,
    candidate: r.candidate === 1,
    provenance: parse(r.provenance, null),
    needsRetraining: retrainFlag(ws, r.id),
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

export function requireRun(ws: Workspace, id: string): FullRunRow {
  const row = ws.trainingRuns.full(id);
  if (!row) throw new FieldtuneError('NOT_FOUND', `No training run with id ${id}`, { details: { run: id } });
  return row;
}

export function runDetail(ws: Workspace, id: string): RunDetail {
  const run = toRun(ws, requireRun(ws, id));
  return { run, train: ws.trainingRuns.curve(id, 'train'), val: ws.trainingRuns.curve(id, 'val') };
}

const shown = (v: unknown): string => (v === undefined || v === null ? '(default)' : Array.isArray(v) ? v.join(',') : String(v));

export function compareRuns(ws: Workspace, a: string, b: string): RunComparison {
  const left = runDetail(ws, a);
  const right = runDetail(ws, b);
  const differences: RunComparison['differences'] = [];
  const add = (name: string, x: unknown, y: unknown) => {
    if (shown(x) !== shown(y)) differences.push({ name, a: shown(x), b: shown(y) });
  };
  add('base model', left.run.baseLabel ?? left.run.baseSha256.slice(0, 12), right.run.baseLabel ?? right.run.baseSha256.slice(0, 12));
  add(
    'datasets',
    left.run.datasets.map((d) => `${d.versionId}:${d.weight}`),
    right.run.datasets.map((d) => `${d.versionId}:${d.weight}`),
  );
  add('preset', left.run.preset, right.run.preset);
  const keys = new Set([...Object.keys(left.run.settings), ...Object.keys(right.run.settings)]);
  for (const k of [...keys].sort()) add(k, (left.run.settings as Record<string, unknown>)[k], (right.run.settings as Record<string, unknown>)[k]);
  return { a: left, b: right, differences };
}

export function markCandidate(ws: Workspace, id: string): TrainingRun {
  const row = requireRun(ws, id);
  if (row.status !== 'succeeded' || !row.project_id) {
    throw new FieldtuneError('CONFLICT', 'Only a finished run of a project can be its candidate.', { details: { status: row.status } });
  }
  ws.db.transaction(() => {
    ws.trainingRuns.setCandidate(row.project_id!, id);
    ws.audit.append({ actor: 'user', action: 'train.candidate', subject: id, details: { projectId: row.project_id } });
  })();
  return toRun(ws, requireRun(ws, id));
}
