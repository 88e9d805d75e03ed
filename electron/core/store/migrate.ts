import type { Database } from 'better-sqlite3-multiple-ciphers';
import { FieldtuneError } from '../../contract/errors.js';
import type { Migration } from './migrations/types.js';

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to the newest migration, each step in its own transaction.
 * Refuses a database written by a newer Fieldtune: guessing at an unknown schema could destroy data.
 */
export function migrate(db: Database, list: readonly Migration[]): { from: number; to: number } {
  const latest = list.reduce((max, m) => Math.max(max, m.version), 0);
  const from = userVersion(db);
  if (from > latest) {
    throw new FieldtuneError(
      'WORKSPACE_TOO_NEW',
      `This workspace was written by a newer Fieldtune (schema ${from}; this version knows up to ${latest}). Update Fieldtune to open it.`,
    );
  }
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is not numbered 1..n: found ${m.version} at position ${i + 1}`);
  });
  for (const m of sorted) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: userVersion(db) };
}
