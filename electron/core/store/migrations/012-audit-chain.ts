import { GENESIS_HASH, rowHash, type ChainedRow } from '../auditChain.js';
import type { Migration } from './types.js';

// The audit log becomes a hash chain (store/auditChain.ts). Rows written before this migration are chained as they
// are (the append-only triggers are lifted for that one pass and put back); the head starts unsigned, and the first
// open signs it with a visible 'audit.chain-start' row (repositories/audit.ts).
export const auditChain: Migration = {
  version: 12,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN row_hash TEXT;
      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        last_hash TEXT NOT NULL,
        signature TEXT
      ) STRICT;
      DROP TRIGGER audit_log_no_update;
    `);
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?');
    let prev = GENESIS_HASH;
    let lastId = 0;
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as ChainedRow[]) {
      const hash = rowHash(prev, row);
      update.run(prev, hash, row.id);
      prev = hash;
      lastId = row.id;
    }
    db.prepare('INSERT INTO audit_head (id, last_id, last_hash, signature) VALUES (1, ?, ?, NULL)').run(lastId, prev);
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
