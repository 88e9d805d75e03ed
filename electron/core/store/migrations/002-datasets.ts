import type { Migration } from './types.js';

// Datasets as immutable versions over content-addressed examples.
// - examples: each distinct example once (sha256 of its canonical JSON); the integer id keeps member rows small.
// - dataset_versions: an immutable, hashed member list with its parent, so a training run can name exactly what it
//   was trained on and how that data came to be (import -> clean -> split -> redact ...).
// - dataset_members: the ordered members of a version, with their split once a split version exists.
// Rows are never updated (triggers; the one exception marks a batched import complete); deleting a project cascades,
// and unreferenced examples are collected after.
export const datasets: Migration = {
  version: 2,
  name: 'datasets',
  up(db) {
    db.exec(`
      CREATE TABLE examples (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('chat', 'text')),
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('chat', 'text')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX datasets_project ON datasets(project_id);

      CREATE TABLE dataset_versions (
        id TEXT PRIMARY KEY,
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES dataset_versions(id) ON DELETE CASCADE,
        hash TEXT NOT NULL,
        examples INTEGER NOT NULL,
        operation TEXT NOT NULL,
        details TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- 0 while a large import is still being written in batches (hidden from every read); 1 from then on.
        complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1))
      ) STRICT;
      CREATE INDEX dataset_versions_dataset ON dataset_versions(dataset_id, created_at);

      CREATE TABLE dataset_members (
        version_id TEXT NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        example_id INTEGER NOT NULL REFERENCES examples(id),
        split TEXT CHECK (split IN ('train', 'validation', 'test')),
        PRIMARY KEY (version_id, position)
      ) STRICT;
      CREATE INDEX dataset_members_example ON dataset_members(example_id);

      -- A version that could change after a model was trained on it would make its provenance a lie.
      CREATE TRIGGER examples_immutable BEFORE UPDATE ON examples
        BEGIN SELECT RAISE(ABORT, 'examples are immutable'); END;
      -- The one update allowed: marking a finished import complete, with nothing else changing.
      CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE ON dataset_versions
        WHEN NOT (OLD.complete = 0 AND NEW.complete = 1 AND NEW.id = OLD.id AND NEW.dataset_id = OLD.dataset_id
          AND NEW.parent_id IS OLD.parent_id AND NEW.hash = OLD.hash AND NEW.examples = OLD.examples
          AND NEW.operation = OLD.operation AND NEW.details = OLD.details AND NEW.created_at = OLD.created_at)
        BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable; create a new version'); END;
      CREATE TRIGGER dataset_members_immutable BEFORE UPDATE ON dataset_members
        BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable; create a new version'); END;
    `);
  },
};
