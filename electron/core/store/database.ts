import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { migrate } from './migrate.js';

/** Opens (creating if needed) a workspace database with the settings every Fieldtune database uses. */
export function openDatabase(file: string): Database {
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
