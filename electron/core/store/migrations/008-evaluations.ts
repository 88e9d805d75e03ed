import type { Migration } from './types.js';

// Evaluations of training runs: one row per evaluation (the summary the history lists, for drift across runs) and
// the full result (every example's answers and scores, the probes) as JSON beside it. Reports are blobs.
export const evaluationsMigration: Migration = {
  version: 8,
  name: 'evaluations',
  up(db) {
    db.exec(`
      CREATE TABLE evaluations (
        id TEXT PRIMARY KEY,
        project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
        run_id TEXT NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        version_id TEXT NOT NULL,
        job_id TEXT,
        created_at TEXT NOT NULL,
        systems TEXT NOT NULL,
        verdict TEXT,
        -- 1 passed, 0 failed (Export shows a failed leak check again), NULL not run
        leak_passed INTEGER,
        result TEXT NOT NULL,
        report_sha256 TEXT,
        report_pdf_sha256 TEXT
      ) STRICT;
      CREATE INDEX evaluations_by_run ON evaluations(run_id, created_at);
      CREATE INDEX evaluations_by_project ON evaluations(project_id, created_at);
    `);
  },
};
