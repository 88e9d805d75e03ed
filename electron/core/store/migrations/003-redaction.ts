import type { Migration } from './types.js';

// Personal-data review and redaction. Planned as 004 (after training runs), numbered 3 because it landed first and
// migrate() needs 1..n without gaps; the training-runs migration takes 4.
// - pii_scans / pii_scan_spans: what the detector found in a version (spans quote personal data, like the version
//   itself); versions are immutable, so a scan never goes stale.
// - pii_decisions: the reviewer's decisions per dataset, one per (type, exact text), so a decision applies to every
//   identical string and carries over to later versions of the same dataset.
// - redaction_reports: the report kept with the version a redaction made.
// All cascade from datasets/versions, so deleting a project removes them. The pseudonym map is NOT here: it lives in
// its own file (private/pseudonym-maps/) so it can be deleted without touching the database.
export const redaction: Migration = {
  version: 3,
  name: 'redaction',
  up(db) {
    db.exec(`
      CREATE TABLE pii_scans (
        version_id TEXT PRIMARY KEY REFERENCES dataset_versions(id) ON DELETE CASCADE,
        scanned_at TEXT NOT NULL,
        summary TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pii_scan_spans (
        version_id TEXT NOT NULL REFERENCES pii_scans(version_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        -- {field: PiiSpan[]} for the example at this position; only examples with spans have a row.
        spans TEXT NOT NULL,
        PRIMARY KEY (version_id, position)
      ) STRICT;

      CREATE TABLE pii_decisions (
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'added')),
        created_at TEXT NOT NULL,
        PRIMARY KEY (dataset_id, type, text)
      ) STRICT;

      CREATE TABLE redaction_reports (
        version_id TEXT PRIMARY KEY REFERENCES dataset_versions(id) ON DELETE CASCADE,
        source_version_id TEXT NOT NULL REFERENCES dataset_versions(id) ON DELETE CASCADE,
        report TEXT NOT NULL,
        decisions TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
