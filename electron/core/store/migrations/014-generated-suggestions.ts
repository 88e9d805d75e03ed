import type { Migration } from './types.js';

// Generated examples (issue 17 items 2 and 3) are reviewed in the same candidate inbox as people's suggestions:
// - source gains 'documents' (questions from a passage) and 'augment' (variations of an existing question);
// - provenance: JSON of where a generated suggestion came from (model fingerprint, prompt template, cited passage);
// - review_question: the question as the specialist rewrote it while accepting (a model wrote it, so it may need it).
// SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows (nothing references it).
export const generatedSuggestions: Migration = {
  version: 14,
  name: 'generated-suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE inbox_items_new (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('evaluate', 'playground', 'review', 'documents', 'augment')),
        run_id TEXT,
        prompt TEXT NOT NULL,
        answers TEXT NOT NULL,
        choice INTEGER,
        correction TEXT,
        rating TEXT CHECK (rating IN ('up', 'down')),
        author TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'committed')),
        review_correction TEXT,
        decided_by TEXT,
        decided_at TEXT,
        committed_version_id TEXT,
        created_at TEXT NOT NULL,
        provenance TEXT,
        review_question TEXT
      ) STRICT;
      INSERT INTO inbox_items_new (id, project_id, source, run_id, prompt, answers, choice, correction, rating, author, status,
        review_correction, decided_by, decided_at, committed_version_id, created_at)
        SELECT id, project_id, source, run_id, prompt, answers, choice, correction, rating, author, status,
          review_correction, decided_by, decided_at, committed_version_id, created_at FROM inbox_items ORDER BY rowid;
      DROP TABLE inbox_items;
      ALTER TABLE inbox_items_new RENAME TO inbox_items;
      CREATE INDEX inbox_items_project ON inbox_items(project_id, status, created_at);
    `);
  },
};
