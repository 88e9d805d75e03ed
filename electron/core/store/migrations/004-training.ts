import type { Migration } from './types.js';

// Training runs and their metric curves (issue 3). A run belongs to a project (deleting the project removes it) and
// to the job that executed it; it records what was trained (base model and training-file fingerprints, settings),
// how it ended and what it produced (adapter blob, last checkpoint for resume), and the step/eval curve for charts.
export const training: Migration = {
  version: 4,
  name: 'training',
  up(db) {
    db.exec(`
      CREATE TABLE training_runs (
        id TEXT PRIMARY KEY,
        project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
        job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
        base_sha256 TEXT NOT NULL,
        train_sha256 TEXT NOT NULL,
        val_sha256 TEXT,
        -- the trainer settings as JSON (rank, alpha, lr, epochs, ...)
        settings TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
        adapter_sha256 TEXT REFERENCES blobs(sha256),
        checkpoint_path TEXT,
        steps INTEGER NOT NULL DEFAULT 0,
        tokens_trained INTEGER NOT NULL DEFAULT 0,
        train_loss REAL,
        val_loss REAL,
        dropped_samples INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        stopped_early INTEGER NOT NULL DEFAULT 0 CHECK (stopped_early IN (0, 1)),
        error TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX training_runs_project ON training_runs(project_id, created_at);

      CREATE TABLE training_metrics (
        run_id TEXT NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('train', 'val')),
        step INTEGER NOT NULL,
        loss REAL NOT NULL,
        lr REAL,
        tokens_per_second REAL,
        PRIMARY KEY (run_id, kind, step)
      ) STRICT;
    `);
  },
};
