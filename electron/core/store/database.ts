import type BetterSqlite3Type from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createRequire } from 'node:module';
import { migrations } from './migrations/index.js';
import { migrate } from './migrate.js';

/** Opens (creating if needed) a workspace database with the settings every Fieldtune database uses. */
// better-sqlite3 (a native module) is required on first open rather than imported, so that commands which never
// open a workspace (e.g. `fieldtune --help`) start without loading it. It is CommonJS, so require is synchronous.
let BetterSqlite3: typeof BetterSqlite3Type | undefined;

export function openDatabase(file: string): Database {
  BetterSqlite3 ??= createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3Type;
  const db = new BetterSqlite3(file);
  try {
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
export function openDatabaseReadOnly(file: string): Database {
  BetterSqlite3 ??= createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3Type;
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
