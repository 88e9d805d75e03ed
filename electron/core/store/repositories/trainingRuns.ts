// Training runs and metric curves in SQLite (tables from migrations/004-training.ts).
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { TrainerEvent } from '../../../contract/trainerEvents.js';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface NewRun {
  id: string;
  projectId: string | null;
  jobId: string | null;
  baseSha256: string;
  trainSha256: string;
  valSha256: string | null;
  settings: unknown;
  /** What the run was made from (workspace runs; file-mode runs leave them out). */
  inputs?: RunInputs;
}

export interface RunInputs {
  baseModelId: string | null;
  datasets: unknown;
  preset: string | null;
  continueFrom: string | null;
  replay: number | null;
  provenance: unknown;
}

/** Every column of a run, as stored (JSON columns still as text). */
export interface FullRunRow {
  id: string;
  project_id: string | null;
  job_id: string | null;
  base_sha256: string;
  settings: string;
  status: RunStatus;
  adapter_sha256: string | null;
  checkpoint_path: string | null;
  steps: number;
  tokens_trained: number;
  train_loss: number | null;
  val_loss: number | null;
  seconds: number;
  error: string | null;
  created_at: string;
  finished_at: string | null;
  base_model_id: string | null;
  datasets: string;
  preset: string | null;
  continue_from: string | null;
  replay: number | null;
  total_steps: number | null;
  provenance: string | null;
  candidate: number;
}

export interface RunRow {
  id: string;
  status: RunStatus;
  steps: number;
  train_loss: number | null;
  val_loss: number | null;
  checkpoint_path: string | null;
  adapter_sha256: string | null;
}

export class TrainingRunsRepository {
  // a step event arrives every few seconds for hours: its two writes are prepared once, not per event
  private readonly stepPointStmt: Statement<[string, number, number, number, number]>;
  private readonly stepCountStmt: Statement<[number, number, string]>;

  constructor(private readonly db: Database) {
    this.stepPointStmt = db.prepare(
      `INSERT OR REPLACE INTO training_metrics (run_id, kind, step, loss, lr, tokens_per_second) VALUES (?, 'train', ?, ?, ?, ?)`,
    );
    this.stepCountStmt = db.prepare('UPDATE training_runs SET steps = ?, total_steps = ? WHERE id = ?');
  }

  create(run: NewRun): void {
    const i = run.inputs;
    this.db
      .prepare(
        `INSERT INTO training_runs (id, project_id, job_id, base_sha256, train_sha256, val_sha256, settings, status, created_at,
                base_model_id, datasets, preset, continue_from, replay, provenance)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.projectId,
        run.jobId,
        run.baseSha256,
        run.trainSha256,
        run.valSha256,
        JSON.stringify(run.settings),
        new Date().toISOString(),
        i?.baseModelId ?? null,
        JSON.stringify(i?.datasets ?? []),
        i?.preset ?? null,
        i?.continueFrom ?? null,
        i?.replay ?? null,
        i?.provenance === undefined ? null : JSON.stringify(i.provenance),
      );
  }

  full(runId: string): FullRunRow | undefined {
    return this.db.prepare('SELECT * FROM training_runs WHERE id = ?').get(runId) as FullRunRow | undefined;
  }

  /** Newest first; one project's, or every run. */
  list(projectId?: string): FullRunRow[] {
    return (
      projectId
        ? this.db.prepare('SELECT * FROM training_runs WHERE project_id = ? ORDER BY created_at DESC, rowid DESC').all(projectId)
        : this.db.prepare('SELECT * FROM training_runs ORDER BY created_at DESC, rowid DESC').all()
    ) as FullRunRow[];
  }

  /** Makes this run the project's only candidate. */
  setCandidate(projectId: string, runId: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE training_runs SET candidate = 0 WHERE project_id = ? AND candidate = 1').run(projectId);
      this.db.prepare('UPDATE training_runs SET candidate = 1 WHERE id = ?').run(runId);
    })();
  }

  /** Records one trainer event: step/eval points on the curve, checkpoints for resume, the final result. */
  record(runId: string, e: TrainerEvent): void {
    if (e.type === 'step') {
      this.stepPointStmt.run(runId, e.step, e.loss, e.lr, e.tokensPerSecond);
      this.stepCountStmt.run(e.step, e.totalSteps, runId);
    } else if (e.type === 'eval') {
      this.db.prepare(`INSERT OR REPLACE INTO training_metrics (run_id, kind, step, loss) VALUES (?, 'val', ?, ?)`).run(runId, e.step, e.valLoss);
    } else if (e.type === 'checkpoint') {
      this.db.prepare('UPDATE training_runs SET checkpoint_path = ? WHERE id = ?').run(e.path, runId);
    } else if (e.type === 'done') {
      this.db
        .prepare(
          `UPDATE training_runs SET status = 'succeeded', steps = ?, tokens_trained = ?, train_loss = ?, val_loss = ?,
                  dropped_samples = ?, seconds = ?, stopped_early = ?, finished_at = ? WHERE id = ?`,
        )
        .run(e.steps, e.tokensTrained, e.trainLoss, e.valLoss, e.droppedSamples, e.seconds, e.stoppedEarly ? 1 : 0, new Date().toISOString(), runId);
    } else if (e.type === 'error') {
      this.finish(runId, 'failed', `${e.code}: ${e.message}`);
    }
  }

  finish(runId: string, status: Exclude<RunStatus, 'running' | 'succeeded'>, error: string | null = null): void {
    this.db.prepare('UPDATE training_runs SET status = ?, error = ?, finished_at = ? WHERE id = ?').run(status, error, new Date().toISOString(), runId);
  }

  /** A cancelled or interrupted run continues (resume) under a new job. */
  restart(runId: string, jobId: string | null): void {
    this.db.prepare("UPDATE training_runs SET status = 'running', job_id = ?, error = NULL, finished_at = NULL WHERE id = ?").run(jobId, runId);
  }

  /** At workspace open: runs still 'running' belonged to a process that is gone (their jobs are marked too). */
  /** Runs left 'running' by a job that is no longer running (its process is gone: JobsRepository.markOrphansInterrupted). */
  markInterrupted(): number {
    return this.db
      .prepare(
        `UPDATE training_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'
         AND (job_id IS NULL OR job_id NOT IN (SELECT id FROM jobs WHERE status IN ('queued', 'running')))`,
      )
      .run(new Date().toISOString()).changes;
  }

  setAdapter(runId: string, sha256: string): void {
    this.db.prepare('UPDATE training_runs SET adapter_sha256 = ? WHERE id = ?').run(sha256, runId);
  }

  get(runId: string): RunRow | undefined {
    return this.db.prepare('SELECT id, status, steps, train_loss, val_loss, checkpoint_path, adapter_sha256 FROM training_runs WHERE id = ?').get(runId) as
      RunRow | undefined;
  }

  curve(runId: string, kind: 'train' | 'val'): { step: number; loss: number }[] {
    return this.db.prepare('SELECT step, loss FROM training_metrics WHERE run_id = ? AND kind = ? ORDER BY step').all(runId, kind) as {
      step: number;
      loss: number;
    }[];
  }
}
