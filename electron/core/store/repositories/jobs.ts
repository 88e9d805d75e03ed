import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ErrorPayload } from '../../../contract/errors.js';
import { jobSubject, type Job, type JobStatus } from '../../../contract/jobs.js';

interface JobRow {
  id: string;
  kind: string;
  project_id: string | null;
  status: string;
  phase: string;
  current: number;
  total: number | null;
  eta_seconds: number | null;
  message: string | null;
  error: string | null;
  params: string;
  result: string | null;
  resumable: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  resumed_from: string | null;
}

/** Errors are stored as typed payloads (JSON); rows written before that hold a bare message. */
function toError(text: string | null): ErrorPayload | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as ErrorPayload;
    if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') return parsed;
  } catch {
    // a message from before migration 005
  }
  return { code: 'INTERNAL', message: text };
}

// Rows come from our own writes (kinds and results were validated by the job manager), so they are cast, not parsed.
function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    projectId: row.project_id,
    status: row.status as JobStatus,
    progress: { phase: row.phase, current: row.current, total: row.total, etaSeconds: row.eta_seconds },
    message: row.message,
    error: toError(row.error),
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    resumable: row.resumable === 1,
    resumedFrom: row.resumed_from,
    subject: jobSubject(row.kind, JSON.parse(row.params) as unknown),
  } as Job;
}

export interface NewJob {
  id: string;
  kind: string;
  projectId: string | null;
  params: unknown;
  resumable: boolean;
  createdAt: string;
  resumedFrom?: string | null;
}

export class JobsRepository {
  private readonly insertStmt: Statement<[Record<string, unknown>]>;
  private readonly getStmt: Statement<[string], JobRow>;
  private readonly listStmt: Statement<[], JobRow>;
  private readonly listByProjectStmt: Statement<[string], JobRow>;
  private readonly startStmt: Statement<[{ id: string; at: string }]>;
  private readonly progressStmt: Statement<[Record<string, unknown>]>;
  private readonly finishStmt: Statement<[Record<string, unknown>]>;
  private readonly unfinishedStmt: Statement<[], { id: string; owner_pid: number | null }>;
  private readonly interruptStmt: Statement<[{ id: string; at: string; message: string }]>;
  private readonly paramsStmt: Statement<[string], { params: string }>;
  private readonly clearStmt: Statement<[{ project: string | null }]>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(`INSERT INTO jobs (id, kind, project_id, status, params, resumable, created_at, resumed_from, owner_pid)
      VALUES (@id, @kind, @project_id, 'queued', @params, @resumable, @created_at, @resumed_from, @owner_pid)`);
    this.getStmt = db.prepare('SELECT * FROM jobs WHERE id = ?');
    this.listStmt = db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT 200');
    this.listByProjectStmt = db.prepare('SELECT * FROM jobs WHERE project_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 200');
    this.startStmt = db.prepare("UPDATE jobs SET status = 'running', started_at = @at WHERE id = @id");
    this.progressStmt = db.prepare('UPDATE jobs SET phase = @phase, current = @current, total = @total, eta_seconds = @eta WHERE id = @id');
    this.finishStmt = db.prepare(`UPDATE jobs SET status = @status, message = @message, error = @error,
      result = @result, finished_at = @at, eta_seconds = NULL WHERE id = @id`);
    this.unfinishedStmt = db.prepare("SELECT id, owner_pid FROM jobs WHERE status IN ('queued', 'running')");
    this.interruptStmt = db.prepare(`UPDATE jobs SET status = 'interrupted', message = @message, finished_at = @at
      WHERE id = @id AND status IN ('queued', 'running')`);
    this.paramsStmt = db.prepare('SELECT params FROM jobs WHERE id = ?');
    // Finished jobs of one project (or of none); an interrupted job that can still be resumed stays.
    this.clearStmt = db.prepare(`DELETE FROM jobs WHERE project_id IS @project
      AND (status IN ('succeeded', 'failed', 'cancelled') OR (status = 'interrupted' AND resumable = 0))`);
  }

  insert(job: NewJob): void {
    this.insertStmt.run({
      id: job.id,
      kind: job.kind,
      project_id: job.projectId,
      params: JSON.stringify(job.params ?? null),
      resumable: job.resumable ? 1 : 0,
      created_at: job.createdAt,
      resumed_from: job.resumedFrom ?? null,
      owner_pid: process.pid,
    });
  }

  get(id: string): Job | undefined {
    const row = this.getStmt.get(id);
    return row ? toJob(row) : undefined;
  }

  params(id: string): unknown {
    const row = this.paramsStmt.get(id);
    return row ? (JSON.parse(row.params) as unknown) : undefined;
  }

  list(projectId?: string): Job[] {
    return (projectId ? this.listByProjectStmt.all(projectId) : this.listStmt.all()).map(toJob);
  }

  /** Removes the finished jobs of a project (null: jobs of no project); returns how many went. */
  clearFinished(projectId: string | null): number {
    return this.clearStmt.run({ project: projectId }).changes;
  }

  markStarted(id: string, at: string): void {
    this.startStmt.run({ id, at });
  }

  saveProgress(id: string, p: Job['progress']): void {
    this.progressStmt.run({ id, phase: p.phase, current: p.current, total: p.total, eta: p.etaSeconds });
  }

  finish(id: string, status: JobStatus, at: string, fields: { message?: string | null; error?: ErrorPayload | null; result?: unknown }): void {
    this.finishStmt.run({
      id,
      status,
      at,
      message: fields.message ?? null,
      error: fields.error ? JSON.stringify(fields.error) : null,
      result: fields.result === undefined ? null : JSON.stringify(fields.result),
    });
  }

  /**
   * Called once when a workspace opens: a job still queued or running whose process is gone was interrupted. One whose
   * process runs (the app, while a `fieldtune` command opens the same workspace) is left alone.
   */
  markOrphansInterrupted(at: string, message: string, alive: (pid: number) => boolean): number {
    let changes = 0;
    for (const row of this.unfinishedStmt.all()) {
      if (row.owner_pid === null || !alive(row.owner_pid)) changes += this.interruptStmt.run({ id: row.id, at, message }).changes;
    }
    return changes;
  }
}
