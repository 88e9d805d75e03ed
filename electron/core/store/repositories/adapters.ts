// Adapter origins, per-project adapter versions and signing keys (tables from migrations/010-adapters.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type KeyStatus = 'own' | 'trusted' | 'revoked' | 'seen';

export interface SigningKeyRow {
  fingerprint: string;
  public_key: string;
  label: string | null;
  status: KeyStatus;
  added_at: string;
  changed_at: string;
}

export interface VersionRow {
  seq: number;
  project_id: string;
  run_id: string;
  action: 'promote' | 'rollback';
  note: string | null;
  at: string;
}

export interface OriginRow {
  run_id: string;
  kind: 'peft' | 'bundle';
  source: string;
  signer_fingerprint: string | null;
  manifest: string | null;
  model_card: string | null;
  evaluation: string | null;
  imported_at: string;
}

export class AdaptersRepository {
  constructor(private readonly db: Database) {}

  addOrigin(o: OriginRow): void {
    this.db
      .prepare(
        `INSERT INTO adapter_origins (run_id, kind, source, signer_fingerprint, manifest, model_card, evaluation, imported_at)
         VALUES (@run_id, @kind, @source, @signer_fingerprint, @manifest, @model_card, @evaluation, @imported_at)`,
      )
      .run(o);
  }

  origin(runId: string): OriginRow | undefined {
    return this.db.prepare('SELECT * FROM adapter_origins WHERE run_id = ?').get(runId) as OriginRow | undefined;
  }

  addVersion(projectId: string, runId: string, action: VersionRow['action'], note: string | null): void {
    this.db
      .prepare('INSERT INTO adapter_versions (project_id, run_id, action, note, at) VALUES (?, ?, ?, ?, ?)')
      .run(projectId, runId, action, note, new Date().toISOString());
  }

  /** Oldest first; the last row names the current adapter. */
  history(projectId: string): VersionRow[] {
    return this.db.prepare('SELECT * FROM adapter_versions WHERE project_id = ? ORDER BY seq').all(projectId) as VersionRow[];
  }

  keys(): SigningKeyRow[] {
    return this.db.prepare("SELECT * FROM signing_keys ORDER BY status = 'own' DESC, added_at, fingerprint").all() as SigningKeyRow[];
  }

  key(fingerprint: string): SigningKeyRow | undefined {
    return this.db.prepare('SELECT * FROM signing_keys WHERE fingerprint = ?').get(fingerprint) as SigningKeyRow | undefined;
  }

  putKey(fingerprint: string, publicKey: string, status: KeyStatus, label: string | null): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO signing_keys (fingerprint, public_key, label, status, added_at, changed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(fingerprint) DO UPDATE SET status = excluded.status, label = COALESCE(excluded.label, signing_keys.label),
           changed_at = excluded.changed_at`,
      )
      .run(fingerprint, publicKey, label, status, now, now);
  }
}
