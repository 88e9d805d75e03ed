// The audit log as a hash chain: each row's hash covers its columns and the previous row's hash, and the head (last
// row id and hash) is signed with the workspace's Ed25519 key. Editing, deleting or reordering rows breaks a link;
// rewriting the whole chain breaks the signed head. Pure functions over plain rows, so verification needs no
// triggers and works on a database someone has tampered with.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
/** The action of the row written when an existing, unsigned log is first signed (after the migration that added the
 * chain): a second one means someone removed the signed head to have the log re-signed. */
export const CHAIN_START_ACTION = 'audit.chain-start';

export interface ChainedRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  hash_before: string | null;
  hash_after: string | null;
  details: string | null;
  prev_hash: string | null;
  row_hash: string | null;
}

export interface AuditHead {
  lastId: number;
  lastHash: string;
  signature: string | null;
}

export function rowHash(prevHash: string, row: Omit<ChainedRow, 'id' | 'prev_hash' | 'row_hash'>): string {
  const fields = [prevHash, row.at, row.actor, row.action, row.subject, row.hash_before, row.hash_after, row.details];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function headMessage(lastId: number, lastHash: string): Buffer {
  return Buffer.from(`fieldtune-audit-head\n${lastId}\n${lastHash}`);
}

export function signHead(lastId: number, lastHash: string, privateKey: KeyObject): string {
  return sign(null, headMessage(lastId, lastHash), privateKey).toString('base64');
}

export interface ChainVerdict {
  ok: boolean;
  rows: number;
  /** The first row that does not check, or null when the rows check and only the head is wrong (or all is well). */
  firstBadRow: number | null;
  /** Plain words: what is wrong, or that the chain is intact. */
  reason: string;
}

/** Checks rows (in id order) against each other and against the signed head. */
export function verifyChain(rows: readonly ChainedRow[], head: AuditHead | null, publicKey: KeyObject | null): ChainVerdict {
  const bad = (firstBadRow: number | null, reason: string): ChainVerdict => ({ ok: false, rows: rows.length, firstBadRow, reason });
  let prev = GENESIS_HASH;
  let lastId = 0;
  let chainStarts = 0;
  for (const row of rows) {
    if (row.id <= lastId) return bad(row.id, `Row ${row.id} is out of order.`);
    if (row.prev_hash !== prev) return bad(row.id, `Row ${row.id} does not follow the row before it: a row was deleted, inserted or moved here.`);
    if (row.row_hash !== rowHash(prev, row)) return bad(row.id, `Row ${row.id} was changed after it was written.`);
    if (row.action === CHAIN_START_ACTION && ++chainStarts > 1) {
      return bad(row.id, `The log was signed afresh at row ${row.id}: its signed head had been removed, so rows before it may have been rewritten.`);
    }
    prev = row.row_hash;
    lastId = row.id;
  }
  if (rows.length === 0 && (head === null || head.lastId === 0)) return { ok: true, rows: 0, firstBadRow: null, reason: 'The audit log is empty.' };
  if (head === null || head.signature === null) return bad(null, 'The signed head of the audit log is missing.');
  if (publicKey === null) return bad(null, "The workspace's signing key is missing, so the signed head cannot be checked.");
  if (!verify(null, headMessage(head.lastId, head.lastHash), publicKey, Buffer.from(head.signature, 'base64'))) {
    return bad(null, 'The signature of the audit log head does not match: the head was edited.');
  }
  if (head.lastId > lastId) return bad(null, `Rows after ${lastId} were deleted: the signed head ends at row ${head.lastId}.`);
  if (head.lastId < lastId) return bad(head.lastId + 1, `Rows from ${head.lastId + 1} on were added without the workspace's signing key.`);
  if (head.lastHash !== prev) return bad(null, 'The chain was rewritten: its last hash is not the one the head signed.');
  return { ok: true, rows: rows.length, firstBadRow: null, reason: `All ${rows.length} entries are as they were written.` };
}
