import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry } from '../../../contract/domain.js';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  hash_before: string | null;
  hash_after: string | null;
  details: string | null;
}

export interface AuditRecord {
  actor: string;
  action: string;
  subject: string;
  hashBefore?: string | null;
  hashAfter?: string | null;
  details?: Record<string, unknown>;
}

/** Append-only (enforced by triggers in migration 001): rows are written and read, never changed. */
export class AuditRepository {
  private readonly insertStmt: Statement<[Omit<AuditRow, 'id'>]>;
  private readonly recentStmt: Statement<[number], AuditRow>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (at, actor, action, subject, hash_before, hash_after, details) VALUES (@at, @actor, @action, @subject, @hash_before, @hash_after, @details)',
    );
    this.recentStmt = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  }

  append(record: AuditRecord, at = new Date().toISOString()): void {
    this.insertStmt.run({
      at,
      actor: record.actor,
      action: record.action,
      subject: record.subject,
      hash_before: record.hashBefore ?? null,
      hash_after: record.hashAfter ?? null,
      details: record.details ? JSON.stringify(record.details) : null,
    });
  }

  recent(limit: number): AuditEntry[] {
    return this.recentStmt.all(limit).map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      hashBefore: row.hash_before,
      hashAfter: row.hash_after,
      details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    }));
  }
}
