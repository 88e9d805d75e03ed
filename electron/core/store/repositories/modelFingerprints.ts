import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

export interface FileIdentity {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
}

/** Remembered sha256 fingerprints of model files, valid while path, size and modification time are unchanged. */
export class ModelFingerprintsRepository {
  private readonly getStmt: Statement<[string, number, number], { sha256: string }>;
  private readonly putStmt: Statement<[string, number, number, string, string]>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT sha256 FROM model_fingerprints WHERE path = ? AND size_bytes = ? AND mtime_ms = ?');
    // one row per path: a file replaced in place overwrites its old fingerprint
    this.putStmt = db.prepare(`
      INSERT INTO model_fingerprints (path, size_bytes, mtime_ms, sha256, computed_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(path) DO UPDATE SET size_bytes = excluded.size_bytes, mtime_ms = excluded.mtime_ms,
        sha256 = excluded.sha256, computed_at = excluded.computed_at`);
  }

  /** The fingerprint computed for exactly this file (same path, size and mtime), if any. */
  get(file: FileIdentity): string | undefined {
    return this.getStmt.get(file.path, file.sizeBytes, file.mtimeMs)?.sha256;
  }

  put(file: FileIdentity, sha256: string): void {
    this.putStmt.run(file.path, file.sizeBytes, file.mtimeMs, sha256, new Date().toISOString());
  }
}
