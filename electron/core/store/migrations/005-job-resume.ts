import type { Migration } from './types.js';

// Resuming a job starts a new job that points back at the interrupted one (the typed `jobs:resume` request), and a
// job's error is stored as a typed error payload (JSON) instead of a bare message; old rows keep their text.
export const jobResume: Migration = {
  version: 5,
  name: 'job-resume',
  up(db) {
    db.exec('ALTER TABLE jobs ADD COLUMN resumed_from TEXT REFERENCES jobs(id) ON DELETE SET NULL');
  },
};
