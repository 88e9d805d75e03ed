import type { Database } from 'better-sqlite3';
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
  // Numbers are handed out ahead to work done in parallel, so a branch may hold 011 before 008-010 have landed: the
  // list must be strictly increasing from 1, not gap-free. Duplicates (two branches taking one number) are refused.
  sorted.forEach((m, i) => {
    const previous = i === 0 ? 0 : sorted[i - 1]!.version;
    if (m.version <= previous || m.version < 1) throw new Error(`Migration list is not numbered in increasing order: found ${m.version} after ${previous}`);
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
