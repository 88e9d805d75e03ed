import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface LineageVersionRow {
  id: string;
  dataset_id: string;
  parent_id: string | null;
  examples: number;
  operation: string;
  created_at: string;
  dataset_name: string;
  project_id: string;
  project_name: string;
}

export interface PositionHash {
  position: number;
  hash: string;
}

export interface RunFlagRow {
  run_id: string;
  reason: string;
  at: string;
}

/**
 * The reads lineage needs across datasets (every complete version with its dataset and project; which positions
 * hold which example hashes) and the writes of an erasure (migration 013). Writes run inside the caller's
 * transaction, so an erasure lands whole or not at all.
 */
export class LineageRepository {
  constructor(private readonly db: Database) {}

  /** Every complete version of the workspace, parents before children (a child is always written after its parent). */
  allVersions(): LineageVersionRow[] {
    return this.db
      .prepare(
        `SELECT v.id, v.dataset_id, v.parent_id, v.examples, v.operation, v.created_at, d.name AS dataset_name, p.id AS project_id, p.name AS project_name
         FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id JOIN projects p ON p.id = d.project_id
         WHERE v.complete = 1 ORDER BY v.created_at, v.rowid`,
      )
      .all() as LineageVersionRow[];
  }

  /**
   * Every place, in any version, that lists one of `hashes`: the hash index finds the examples and the members'
   * example index their places, so this never scans a version (a million-example one costs what a small one does).
   */
  placesOf(hashes: readonly string[]): Array<PositionHash & { version_id: string }> {
    if (hashes.length === 0) return [];
    return this.db
      .prepare(
        `SELECT m.version_id AS version_id, m.position AS position, e.hash AS hash FROM examples e
         JOIN dataset_members m ON m.example_id = e.id WHERE e.hash IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(hashes)) as Array<PositionHash & { version_id: string }>;
  }

  /** The example hashes at `positions` of a version. */
  hashesAt(versionId: string, positions: readonly number[]): PositionHash[] {
    if (positions.length === 0) return [];
    return this.db
      .prepare(
        `SELECT m.position AS position, e.hash AS hash FROM dataset_members m JOIN examples e ON e.id = m.example_id
         WHERE m.version_id = ? AND m.position IN (SELECT value FROM json_each(?)) ORDER BY m.position`,
      )
      .all(versionId, JSON.stringify(positions)) as PositionHash[];
  }

  /** Import versions of a project made from a file of that name (an import records the file's name, not its path). */
  importsOfFile(projectId: string, fileName: string): string[] {
    return (
      this.db
        .prepare(
          `SELECT v.id FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id
           WHERE d.project_id = ? AND v.complete = 1 AND v.operation = 'import' AND json_extract(v.details, '$.source') = ?`,
        )
        .all(projectId, fileName) as { id: string }[]
    ).map((r) => r.id);
  }

  /** How many examples erasures replaced in each scrubbed version. */
  erasedCounts(): Map<string, number> {
    const rows = this.db.prepare('SELECT version_id, SUM(positions) AS n FROM erased_versions GROUP BY version_id').all() as {
      version_id: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.version_id, r.n]));
  }

  erasedVersionIds(): Set<string> {
    return new Set((this.db.prepare('SELECT DISTINCT version_id FROM erased_versions').all() as { version_id: string }[]).map((r) => r.version_id));
  }

  /** The newest flag of each flagged run. */
  flags(): Map<string, RunFlagRow> {
    const rows = this.db.prepare('SELECT run_id, reason, at FROM run_flags ORDER BY at').all() as RunFlagRow[];
    return new Map(rows.map((r) => [r.run_id, r]));
  }

  flagOf(runId: string): RunFlagRow | null {
    return (this.db.prepare('SELECT run_id, reason, at FROM run_flags WHERE run_id = ? ORDER BY at DESC LIMIT 1').get(runId) as RunFlagRow | undefined) ?? null;
  }

  createErasure(e: { id: string; actor: string; reason: string; details: Record<string, unknown>; at: string }): void {
    this.db
      .prepare('INSERT INTO erasures (id, actor, reason, details, at) VALUES (?, ?, ?, ?, ?)')
      .run(e.id, e.actor, e.reason, JSON.stringify(e.details), e.at);
  }

  markErased(versionId: string, erasureId: string, positions: number): void {
    this.db.prepare('INSERT OR IGNORE INTO erased_versions (version_id, erasure_id, positions) VALUES (?, ?, ?)').run(versionId, erasureId, positions);
  }

  flagRun(runId: string, erasureId: string, reason: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO run_flags (run_id, erasure_id, reason, at) VALUES (?, ?, ?, ?)').run(runId, erasureId, reason, at);
  }

  /**
   * Points one member of an old version at a placeholder example. Members cannot be updated (migration 002's
   * trigger), so the row is deleted and written again with the same position and split.
   */
  scrubMember(versionId: string, position: number, placeholderId: number): void {
    const row = this.db.prepare('SELECT split FROM dataset_members WHERE version_id = ? AND position = ?').get(versionId, position) as
      { split: string | null } | undefined;
    if (!row) return;
    this.db.prepare('DELETE FROM dataset_members WHERE version_id = ? AND position = ?').run(versionId, position);
    this.db
      .prepare('INSERT INTO dataset_members (version_id, position, example_id, split) VALUES (?, ?, ?, ?)')
      .run(versionId, position, placeholderId, row.split);
    // the personal-data scan kept the strings it found in this example (names, numbers): they go with it
    this.db.prepare('DELETE FROM pii_scan_spans WHERE version_id = ? AND position = ?').run(versionId, position);
  }

  /** Deletes the stored examples with these hashes that no version lists any more. Returns how many. */
  deleteUnlisted(hashes: readonly string[]): number {
    if (hashes.length === 0) return 0;
    return this.db
      .prepare(
        `DELETE FROM examples WHERE hash IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM dataset_members m WHERE m.example_id = examples.id)`,
      )
      .run(JSON.stringify(hashes)).changes;
  }

  /**
   * Runs `fn` with SQLite overwriting deleted content with zeros, then folds the write-ahead log back into the
   * database file, so the erased text is not left readable in free pages or in old log frames.
   */
  scrubbing<T>(fn: () => T): T {
    const before = this.db.pragma('secure_delete', { simple: true }) as number;
    this.db.pragma('secure_delete = ON');
    try {
      return fn();
    } finally {
      this.db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
}
