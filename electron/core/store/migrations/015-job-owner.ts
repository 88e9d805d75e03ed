import type { Migration } from './types.js';

// The process that runs a job. Opening a workspace marks jobs left running as interrupted, but a workspace may be open
// in two processes at once (the app, and a `fieldtune` command run beside it): only a job whose process is gone was
// interrupted. Rows from before this migration have no owner and are treated as a dead process's.
export const jobOwner: Migration = {
  version: 15,
  name: 'job-owner',
  up(db) {
    db.exec('ALTER TABLE jobs ADD COLUMN owner_pid INTEGER');
  },
};
