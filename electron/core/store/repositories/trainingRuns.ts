// Training runs and metric curves in SQLite (tables from migrations/004-training.ts).
import type { Database, Statement } from 'better-sqlite3';
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
  private readonly stepCountStmt: Statement<[number, string]>;

  constructor(private readonly db: Database) {
    this.stepPointStmt = db.prepare(
      `INSERT OR REPLACE INTO training_metrics (run_id, kind, step, loss, lr, tokens_per_second) VALUES (?, 'train', ?, ?, ?, ?)`,
    );
    this.stepCountStmt = db.prepare('UPDATE training_runs SET steps = ? WHERE id = ?');
  }

  create(run: NewRun): void {
    this.db
      .prepare(
        `INSERT INTO training_runs (id, project_id, job_id, base_sha256, train_sha256, val_sha256, settings, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
      )
      .run(run.id, run.projectId, run.jobId, run.baseSha256, run.trainSha256, run.valSha256, JSON.stringify(run.settings), new Date().toISOString());
  }

  /** Records one trainer event: step/eval points on the curve, checkpoints for resume, the final result. */
  record(runId: string, e: TrainerEvent): void {
    if (e.type === 'step') {
      this.stepPointStmt.run(runId, e.step, e.loss, e.lr, e.tokensPerSecond);
      this.stepCountStmt.run(e.step, runId);
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
  markInterrupted(): number {
    return this.db.prepare("UPDATE training_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'").run(new Date().toISOString()).changes;
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
