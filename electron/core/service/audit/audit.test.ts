// The audit log as a signed hash chain: intact logs verify; an edited, deleted, reordered or appended row, a
// rewritten chain and a blanked head signature are each caught and named, even with the append-only triggers
// dropped (an attacker holding the database file can drop them). `audit verify` and `audit export` on the CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { GENESIS_HASH, rowHash, type ChainedRow } from '../../store/auditChain.js';
import { migrate } from '../../store/migrate.js';
import { migrations } from '../../store/migrations/index.js';
import { DATABASE_FILE, openWorkspace } from '../../workspace.js';
import { verifyAudit } from './audit.js';

/** A workspace with the chain-start row plus five rows, closed so the test can tamper with the file. */
async function workspaceWithRows(): Promise<{ dir: string; cleanup: () => void }> {
  const t = tempDir('fieldtune-audit-');
  const ws = openWorkspace(t.dir);
  for (let i = 1; i <= 5; i++) ws.audit.append({ actor: 'user', action: 'dataset.import', subject: `version-${i}`, details: { rows: i } });
  expect(verifyAudit(ws)).toMatchObject({ ok: true, rows: 6, firstBadRow: null });
  await ws.close();
  return t;
}

/** Opens the raw file as an attacker would: no triggers. */
function tamper(dir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(join(dir, DATABASE_FILE));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  edit(db);
  db.close();
}

async function verdictOf(dir: string) {
  const ws = openWorkspace(dir);
  try {
    return verifyAudit(ws);
  } finally {
    await ws.close();
  }
}

describe('audit hash chain', () => {
  it('verifies an intact log, and keeps verifying as rows are added across reopenings', async () => {
    const t = await workspaceWithRows();
    const ws = openWorkspace(t.dir);
    ws.audit.append({ actor: 'user', action: 'train.start', subject: 'run-1' });
    const verdict = verifyAudit(ws);
    expect(verdict).toMatchObject({ ok: true, rows: 7, firstBadRow: null });
    expect(verdict.signer).toMatch(/^[0-9a-f]{64}$/);
    await ws.close();
    t.cleanup();
  });

  it('names an edited row', async () => {
    const t = await workspaceWithRows();
    tamper(t.dir, (db) => db.prepare('UPDATE audit_log SET details = \'{"rows":99}\' WHERE id = 3').run());
    expect(await verdictOf(t.dir)).toMatchObject({ ok: false, firstBadRow: 3, reason: expect.stringContaining('changed') });
    t.cleanup();
  });

  it('names the row after an edited row whose own hash was recomputed', async () => {
    const t = await workspaceWithRows();
    tamper(t.dir, (db) => {
      const row = db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as ChainedRow;
      const edited = { ...row, subject: 'someone-else' };
      db.prepare('UPDATE audit_log SET subject = ?, row_hash = ? WHERE id = 3').run(edited.subject, rowHash(row.prev_hash!, edited));
    });
    expect(await verdictOf(t.dir)).toMatchObject({ ok: false, firstBadRow: 4, reason: expect.stringContaining('does not follow') });
    t.cleanup();
  });

  it('names the row after a deleted one, and catches a deleted last row through the signed head', async () => {
    const middle = await workspaceWithRows();
    tamper(middle.dir, (db) => db.prepare('DELETE FROM audit_log WHERE id = 3').run());
    expect(await verdictOf(middle.dir)).toMatchObject({ ok: false, firstBadRow: 4 });
    middle.cleanup();

    const last = await workspaceWithRows();
    tamper(last.dir, (db) => db.prepare('DELETE FROM audit_log WHERE id = 6').run());
    expect(await verdictOf(last.dir)).toMatchObject({ ok: false, firstBadRow: null, reason: expect.stringContaining('Rows after 5 were deleted') });
    last.cleanup();
  });

  it('names the first of two swapped rows', async () => {
    const t = await workspaceWithRows();
    tamper(t.dir, (db) => {
      const [a, b] = [2, 3].map((id) => db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as ChainedRow);
      const put = db.prepare(
        'UPDATE audit_log SET at=@at, actor=@actor, action=@action, subject=@subject, details=@details, prev_hash=@prev_hash, row_hash=@row_hash WHERE id=@id',
      );
      put.run({ ...b!, id: 2 });
      put.run({ ...a!, id: 3 });
    });
    expect(await verdictOf(t.dir)).toMatchObject({ ok: false, firstBadRow: 2 });
    t.cleanup();
  });

  it('catches a whole chain rewritten consistently (the head signature cannot be remade without the key)', async () => {
    const t = await workspaceWithRows();
    tamper(t.dir, (db) => {
      let prev = GENESIS_HASH;
      for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as ChainedRow[]) {
        const rewritten = { ...row, actor: 'nobody' };
        const hash = rowHash(prev, rewritten);
        db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, row_hash = ? WHERE id = ?').run('nobody', prev, hash, row.id);
        prev = hash;
      }
      db.prepare('UPDATE audit_head SET last_hash = ?').run(prev);
    });
    expect(await verdictOf(t.dir)).toMatchObject({ ok: false, reason: expect.stringContaining('signature') });
    t.cleanup();
  });

  it('catches a row appended without the key, and refuses to re-sign a head whose signature was blanked', async () => {
    const appended = await workspaceWithRows();
    tamper(appended.dir, (db) => {
      const last = db.prepare('SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { row_hash: string };
      const row = { at: new Date().toISOString(), actor: 'x', action: 'dataset.delete', subject: 's', hash_before: null, hash_after: null, details: null };
      db.prepare('INSERT INTO audit_log (at, actor, action, subject, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?)').run(
        row.at,
        row.actor,
        row.action,
        row.subject,
        last.row_hash,
        rowHash(last.row_hash, row),
      );
    });
    expect(await verdictOf(appended.dir)).toMatchObject({ ok: false, firstBadRow: 7, reason: expect.stringContaining('without') });
    appended.cleanup();

    const blanked = await workspaceWithRows();
    tamper(blanked.dir, (db) => db.prepare('UPDATE audit_head SET signature = NULL').run());
    // opening again must not sign the head afresh (the workspace remembers, beside its key, that it signed once)
    expect(await verdictOf(blanked.dir)).toMatchObject({ ok: false, reason: 'The signed head of the audit log is missing.' });
    blanked.cleanup();
  });

  it('chains the rows of a workspace made before the chain existed, with one visible chain-start row', async () => {
    const t = tempDir('fieldtune-audit-old-');
    const db = new Database(join(t.dir, DATABASE_FILE));
    migrate(
      db,
      migrations.slice(
        0,
        migrations.findIndex((m) => m.name === 'audit-chain'),
      ),
    );
    const insert = db.prepare("INSERT INTO audit_log (at, actor, action, subject) VALUES ('2026-01-01T00:00:00Z', 'user', ?, ?)");
    insert.run('project.create', 'p1');
    insert.run('dataset.import', 'v1');
    db.close();
    const ws = openWorkspace(t.dir);
    expect(verifyAudit(ws)).toMatchObject({ ok: true, rows: 3 });
    expect(ws.audit.recent(1)[0]).toMatchObject({ action: 'audit.chain-start', details: { chainedRows: 2 } });
    await ws.close();
    t.cleanup();
  });
});

describe('fieldtune audit', () => {
  const bin = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'fieldtune.mjs');
  const cli = (dir: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args, '--workspace', dir], { encoding: 'utf8', timeout: 60_000 });

  it('verify exits 1 naming the first bad row; export writes the log as CSV with formulas neutralised', async () => {
    const t = await workspaceWithRows();
    const ws = openWorkspace(t.dir);
    ws.audit.append({ actor: 'user', action: 'project.rename', subject: '=HYPERLINK("http://x")' });
    await ws.close();

    const out = join(t.dir, 'audit.csv');
    const exported = cli(t.dir, 'audit', 'export', '--format', 'csv', '--out', out, '--json');
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout.trim())).toMatchObject({ rows: 7, format: 'csv' });
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,at,actor,action,subject,hashBefore,hashAfter,details');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);

    tamper(t.dir, (db) => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 2").run());
    const verified = cli(t.dir, 'audit', 'verify', '--json');
    expect(verified.status).toBe(1);
    expect(JSON.parse(verified.stdout.trim())).toMatchObject({ ok: false, firstBadRow: 2 });
    t.cleanup();
  });
});
