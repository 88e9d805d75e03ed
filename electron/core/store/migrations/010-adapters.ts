import type { Migration } from './types.js';

// Adapters beyond training (issue 15): where an adapter came from when it was not trained here (a PEFT folder or a
// share bundle; the adapter itself is a training_runs row with its blob, so it is evaluated, played with and shared
// like any run), which adapter is each project's current one (promote / rollback history, newest row = current),
// and the Ed25519 signing keys this workspace knows (its own, trusted, revoked, or seen once on an imported bundle).
export const adapters: Migration = {
  version: 10,
  name: 'adapters',
  up(db) {
    db.exec(`
      CREATE TABLE adapter_origins (
        run_id TEXT PRIMARY KEY REFERENCES training_runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('peft', 'bundle')),
        source TEXT NOT NULL,
        signer_fingerprint TEXT,
        manifest TEXT,
        model_card TEXT,
        evaluation TEXT,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE adapter_versions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        run_id TEXT NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('promote', 'rollback')),
        note TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX adapter_versions_project ON adapter_versions(project_id, seq);

      CREATE TABLE signing_keys (
        fingerprint TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        label TEXT,
        status TEXT NOT NULL CHECK (status IN ('own', 'trusted', 'revoked', 'seen')),
        added_at TEXT NOT NULL,
        changed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
