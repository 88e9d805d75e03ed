import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry } from '../../../contract/domain.js';
import { CHAIN_START_ACTION, GENESIS_HASH, rowHash, signHead, verifyChain, type AuditHead, type ChainedRow, type ChainVerdict } from '../auditChain.js';
import type { WorkspaceKey } from '../workspaceKey.js';

export interface AuditRecord {
  actor: string;
  action: string;
  subject: string;
  hashBefore?: string | null;
  hashAfter?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  limit: number;
  action?: string | undefined;
  subject?: string | undefined;
  since?: string | undefined;
}

interface HeadRow {
  last_id: number;
  last_hash: string;
  signature: string | null;
}

const toEntry = (row: ChainedRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: row.actor,
  action: row.action,
  subject: row.subject,
  hashBefore: row.hash_before,
  hashAfter: row.hash_after,
  details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
});

/**
 * Append-only (triggers, migration 001) and chained (migration 008, store/auditChain.ts): each append links to the
 * last row and re-signs the head in one IMMEDIATE transaction, so two processes on one workspace cannot fork the
 * chain. The signing key is read only when something is written.
 */
export class AuditRepository {
  private readonly insertStmt: Statement<[Omit<ChainedRow, 'id'>]>;
  private readonly lastStmt: Statement<[], { id: number; row_hash: string | null }>;
  private readonly headStmt: Statement<[], HeadRow>;
  private readonly setHeadStmt: Statement<[{ last_id: number; last_hash: string; signature: string }]>;
  private readonly allStmt: Statement<[], ChainedRow>;

  constructor(
    private readonly db: Database,
    private readonly key: () => WorkspaceKey,
    private readonly chainMarker: { exists(): boolean; create(): void },
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (at, actor, action, subject, hash_before, hash_after, details, prev_hash, row_hash)
       VALUES (@at, @actor, @action, @subject, @hash_before, @hash_after, @details, @prev_hash, @row_hash)`,
    );
    this.lastStmt = db.prepare('SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.headStmt = db.prepare('SELECT last_id, last_hash, signature FROM audit_head WHERE id = 1');
    this.setHeadStmt = db.prepare('INSERT OR REPLACE INTO audit_head (id, last_id, last_hash, signature) VALUES (1, @last_id, @last_hash, @signature)');
    this.allStmt = db.prepare('SELECT * FROM audit_log ORDER BY id');
  }

  append(record: AuditRecord, at = new Date().toISOString()): void {
    this.db
      .transaction(() => {
        const last = this.lastStmt.get();
        const prev = last?.row_hash ?? GENESIS_HASH;
        const row = {
          at,
          actor: record.actor,
          action: record.action,
          subject: record.subject,
          hash_before: record.hashBefore ?? null,
          hash_after: record.hashAfter ?? null,
          details: record.details ? JSON.stringify(record.details) : null,
        };
        const hash = rowHash(prev, row);
        const { lastInsertRowid } = this.insertStmt.run({ ...row, prev_hash: prev, row_hash: hash });
        const id = Number(lastInsertRowid);
        this.setHeadStmt.run({ last_id: id, last_hash: hash, signature: signHead(id, hash, this.key().privateKey) });
      })
      .immediate();
  }

  /**
   * Signs the head the migration left unsigned, once per workspace (a marker beside the key says it was done). The
   * signing is a visible 'audit.chain-start' row. A head found unsigned after that was blanked by someone who wanted
   * a rewritten log re-signed: it stays unsigned, and `audit verify` fails.
   */
  ensureSignedHead(): void {
    const head = this.headStmt.get();
    if (!head || head.signature !== null || this.chainMarker.exists()) return;
    const last = this.lastStmt.get();
    this.append({ actor: 'fieldtune', action: CHAIN_START_ACTION, subject: 'audit_log', details: { chainedRows: last?.id ?? 0 } });
    this.chainMarker.create();
  }

  recent(limit: number): AuditEntry[] {
    return this.list({ limit });
  }

  list(filter: AuditFilter): AuditEntry[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit };
    if (filter.action) {
      where.push('action LIKE @action');
      params['action'] = `${filter.action}%`;
    }
    if (filter.subject) {
      where.push('subject = @subject');
      params['subject'] = filter.subject;
    }
    if (filter.since) {
      where.push('at >= @since');
      params['since'] = filter.since;
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as ChainedRow[]).map(toEntry);
  }

  countAction(action: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
  }

  /** Every row, oldest first (for `audit export`). */
  all(): AuditEntry[] {
    return this.allStmt.all().map(toEntry);
  }

  verify(publicKey: WorkspaceKey['publicKey'] | null): ChainVerdict {
    const head = this.headStmt.get();
    const asHead: AuditHead | null = head ? { lastId: head.last_id, lastHash: head.last_hash, signature: head.signature } : null;
    return verifyChain(this.allStmt.all(), asHead, publicKey);
  }
}
