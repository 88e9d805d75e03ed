import type { Migration } from './types.js';

// Issue 14 items 3, 12 and 13 in one step:
// - projects.system_prompt: the instructions a project gives its model (the prompting baseline, Playground, exports).
// - inbox_items: one candidate inbox per project. Evaluate's failure browser, the Playground's ratings and the blinded
//   review send suggested training examples here; a specialist accepts (optionally editing the answer) or rejects
//   each in the Data step, and accepted ones become a new dataset version (then they are marked committed).
// - review_sessions / review_items: a blinded comparison of two systems' answers. Which side is shown first is drawn
//   once (seeded per session) and stored, so a reload shows the same order and the reveal can map verdicts back.
export const reviewInbox: Migration = {
  version: 9,
  name: 'review-inbox',
  up(db) {
    db.exec(`
      ALTER TABLE projects ADD COLUMN system_prompt TEXT;

      CREATE TABLE inbox_items (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('evaluate', 'playground', 'review')),
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
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inbox_items_project ON inbox_items(project_id, status, created_at);

      CREATE TABLE review_sessions (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        run_a TEXT,
        run_b TEXT,
        label_a TEXT NOT NULL,
        label_b TEXT NOT NULL,
        seed INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        reviewer TEXT,
        signed_off_at TEXT,
        result TEXT,
        -- When its verdicts were sent to the inbox as preference data (once only).
        inbox_sent_at TEXT
      ) STRICT;
      CREATE INDEX review_sessions_project ON review_sessions(project_id, created_at);

      CREATE TABLE review_items (
        session_id TEXT NOT NULL REFERENCES review_sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        answer_a TEXT NOT NULL,
        answer_b TEXT NOT NULL,
        category TEXT,
        -- 1: answer A is shown first; 0: answer B is.
        a_first INTEGER NOT NULL CHECK (a_first IN (0, 1)),
        -- The verdict in terms of the real sides, so the result never depends on the shown order.
        verdict TEXT CHECK (verdict IN ('A', 'B', 'tie')),
        ratings TEXT,
        comment TEXT,
        judged_at TEXT,
        PRIMARY KEY (session_id, position)
      ) STRICT;
      -- A signed-off review is a record: its verdicts cannot change afterwards.
      CREATE TRIGGER review_items_signed BEFORE UPDATE ON review_items
        WHEN (SELECT signed_off_at FROM review_sessions WHERE id = OLD.session_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed-off review cannot change'); END;
    `);
  },
};
