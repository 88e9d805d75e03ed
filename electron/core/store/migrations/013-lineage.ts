import type { Migration } from './types.js';

// Erasure (issue 16 item 8). Dataset versions are immutable snapshots, so an erasure cannot edit one in place; it
// writes a new newest version of each dataset without the example, and these tables keep what it did:
// - erasures: one row per erasure (who, when, why, counts). It never holds the erased text or its hash: a hash of a
//   short personal record can be used to confirm a guess of it.
// - erased_versions: older versions whose copy of the example was replaced with a placeholder. Their stored hash no
//   longer matches their members, and this row is why (a reader can tell scrubbed from tampered).
// - run_flags: runs (and so their adapters) trained on erased data, to be retrained; the run's own row stays as it was.
export const lineage: Migration = {
  version: 13,
  name: 'lineage',
  up(db) {
    db.exec(`
      CREATE TABLE erasures (
        id TEXT PRIMARY KEY,
        actor TEXT NOT NULL,
        reason TEXT NOT NULL,
        details TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE erased_versions (
        version_id TEXT NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
        erasure_id TEXT NOT NULL REFERENCES erasures(id) ON DELETE CASCADE,
        positions INTEGER NOT NULL,
        PRIMARY KEY (version_id, erasure_id)
      ) STRICT;

      CREATE TABLE run_flags (
        run_id TEXT NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        erasure_id TEXT NOT NULL REFERENCES erasures(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (run_id, erasure_id)
      ) STRICT;
    `);
  },
};
