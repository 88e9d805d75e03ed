import type { Migration } from './types.js';

// A model file's sha256, remembered by path, size and modification time: hashing a 5 GB model takes a minute, and
// registering it again (or looking at it again) must not redo that while the file is unchanged. A changed size or
// mtime means a different file, so the row no longer matches and the file is hashed again.
export const modelFingerprints: Migration = {
  version: 11,
  name: 'model-fingerprints',
  up(db) {
    db.exec(`
      CREATE TABLE model_fingerprints (
        path TEXT PRIMARY KEY,
        size_bytes INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        sha256 TEXT NOT NULL,
        computed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
