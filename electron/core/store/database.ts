import type BetterSqlite3Type from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FieldtuneError } from '../../contract/errors.js';
import { migrations } from './migrations/index.js';
import { migrate } from './migrate.js';

/** Opens (creating if needed) a workspace database with the settings every Fieldtune database uses. */
// better-sqlite3-multiple-ciphers (a native module: better-sqlite3 with SQLite3 Multiple Ciphers, the only SQLite
// driver) is required on first open rather than imported, so that commands which never open a workspace (e.g.
// `fieldtune --help`) start without loading it. It is CommonJS, so require is synchronous.
let BetterSqlite3: typeof BetterSqlite3Type | undefined;

function load(): typeof BetterSqlite3Type {
  return (BetterSqlite3 ??= createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3Type);
}

/** True when the file is a plain (unencrypted) SQLite database: its first 16 bytes are SQLite's header string. */
export function isPlainDatabase(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\0';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Sets the page key of an encrypted database (SQLite3 Multiple Ciphers' default cipher, ChaCha20-Poly1305; the WAL is
 * encrypted too). The key is the workspace's random data key, never a passphrase, so changing the passphrase does not
 * rewrite the database. SQLite answers a wrong key only with "file is not a database" at the first read: worded here.
 */
export function applyKey(db: Database, key: Uint8Array | undefined): void {
  if (!key) return;
  db.pragma(`hexkey = '${Buffer.from(key).toString('hex')}'`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    throw new FieldtuneError(
      'UNAUTHORIZED',
      "The workspace's database cannot be read with this workspace's key: it was encrypted with another key, or it is damaged.",
    );
  }
}

function readable(db: Database, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    throw new FieldtuneError('UNAUTHORIZED', `${file} is encrypted or is not a database; an encrypted workspace opens only with its passphrase.`, {
      fix: { setting: 'passphrase' },
    });
  }
}

export function openDatabase(file: string, key?: Uint8Array): Database {
  const db = new (load())(file);
  try {
    if (key) applyKey(db, key);
    else readable(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL + NORMAL is durable against app crashes; only an OS crash can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second, read-only connection to a workspace database (a worker thread reading a version while the core's own
 * connection stays on its thread: better-sqlite3 handles cannot cross threads). WAL lets it read beside the writer.
 */
export function openDatabaseReadOnly(file: string, keyHex?: string): Database {
  const db = new (load())(file, { readonly: true, fileMustExist: true });
  if (keyHex) db.pragma(`hexkey = '${keyHex}'`);
  db.pragma('busy_timeout = 5000');
  return db;
}
