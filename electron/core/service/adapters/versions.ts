// Adapter versions per project: the current adapter is the run named by the project's newest adapter_versions row;
// promoting appends a row, rolling back appends one naming an earlier promoted run. Every change is audited.
import type { AdapterList } from '../../../contract/adapters.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';
import { requireRun } from '../train/runs.js';
import { adaptersRepo } from './repo.js';

function originOf(ws: Workspace, runId: string): 'trained' | 'peft' | 'bundle' {
  return adaptersRepo(ws).origin(runId)?.kind ?? 'trained';
}

export function listAdapters(ws: Workspace, projectId: string): AdapterList {
  requireProject(ws, projectId);
  const history = adaptersRepo(ws).history(projectId);
  const current = history.at(-1)?.run_id ?? null;
  const versions: AdapterList['versions'] = [];
  for (const h of history) {
    if (h.action !== 'promote' || versions.some((v) => v.runId === h.run_id)) continue;
    versions.push({ runId: h.run_id, version: versions.length + 1, promotedAt: h.at, current: false, origin: originOf(ws, h.run_id) });
  }
  for (const v of versions) v.current = v.runId === current;
  const available = ws.trainingRuns
    .list(projectId)
    .filter((r) => r.status === 'succeeded' && r.adapter_sha256)
    .map((r) => ({ runId: r.id, origin: originOf(ws, r.id), createdAt: r.created_at, trainLoss: r.train_loss }));
  return {
    projectId,
    currentRunId: current,
    versions,
    available,
    history: history.map((h) => ({ runId: h.run_id, action: h.action, at: h.at, note: h.note })),
  };
}

export function promoteAdapter(ws: Workspace, runId: string, note?: string): AdapterList {
  const run = requireRun(ws, runId);
  if (run.status !== 'succeeded' || !run.adapter_sha256 || !run.project_id) {
    throw new FieldtuneError('CONFLICT', 'Only a finished run of a project, with its adapter, can become the current adapter.', {
      details: { status: run.status },
    });
  }
  const projectId = run.project_id;
  const before = listAdapters(ws, projectId).currentRunId;
  if (before === runId) throw new FieldtuneError('CONFLICT', 'This adapter is already the current one.');
  ws.db.transaction(() => {
    adaptersRepo(ws).addVersion(projectId, runId, 'promote', note ?? null);
    ws.audit.append({ actor: 'user', action: 'adapters.promote', subject: runId, details: { projectId, previous: before, note: note ?? null } });
  })();
  return listAdapters(ws, projectId);
}

export function rollbackAdapter(ws: Workspace, projectId: string, to?: string): AdapterList {
  const list = listAdapters(ws, projectId);
  const current = list.currentRunId;
  if (!current) throw new FieldtuneError('CONFLICT', 'This project has no current adapter to roll back.');
  let target: string | undefined;
  if (to !== undefined) {
    if (!list.versions.some((v) => v.runId === to))
      throw new FieldtuneError('NOT_FOUND', `Run ${to} was never this project’s adapter; only an earlier promoted one can be rolled back to.`);
    if (to === current) throw new FieldtuneError('CONFLICT', 'That adapter is already the current one.');
    target = to;
  } else {
    const at = list.versions.findIndex((v) => v.runId === current);
    target = list.versions[at - 1]?.runId;
    if (!target) throw new FieldtuneError('CONFLICT', 'There is no earlier adapter to roll back to.');
  }
  ws.db.transaction(() => {
    adaptersRepo(ws).addVersion(projectId, target, 'rollback', null);
    ws.audit.append({ actor: 'user', action: 'adapters.rollback', subject: target, details: { projectId, from: current } });
  })();
  return listAdapters(ws, projectId);
}
