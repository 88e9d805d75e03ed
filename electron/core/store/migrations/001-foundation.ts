import type { Migration } from './types.js';

// Projects, base models, content-addressed blobs, jobs and the audit log.
// Later features add their own tables in later migrations; this one is never edited once released.
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        domain TEXT NOT NULL,
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE base_models (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        size_bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        label TEXT NOT NULL,
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        metadata TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size_bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Every reference from a project to a blob. A blob no row points at is garbage once a project is deleted.
      CREATE TABLE project_blobs (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        role TEXT NOT NULL,
        PRIMARY KEY (project_id, sha256, role)
      ) STRICT;
      CREATE INDEX project_blobs_sha ON project_blobs(sha256);

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled','interrupted')),
        phase TEXT NOT NULL DEFAULT '',
        current REAL NOT NULL DEFAULT 0,
        total REAL,
        eta_seconds REAL,
        message TEXT,
        error TEXT,
        params TEXT NOT NULL,
        result TEXT,
        resumable INTEGER NOT NULL DEFAULT 0 CHECK (resumable IN (0, 1)),
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX jobs_status ON jobs(status);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        hash_before TEXT,
        hash_after TEXT,
        details TEXT
      ) STRICT;
      -- Append-only: an audit trail that can be edited proves nothing.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
