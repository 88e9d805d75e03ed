// Migration 014 rebuilds inbox_items (SQLite cannot widen a CHECK in place): the rows of a workspace written before it
// come through unchanged, with no provenance, and the table then takes the generated sources.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';

const tmp = tempDir('fieldtune-migration-014-');
afterAll(() => tmp.cleanup());

describe('migration 014 (generated suggestions)', () => {
  it('keeps existing inbox rows and accepts the documents and augment sources', () => {
    const db = new Database(join(tmp.dir, 'fieldtune.db'));
    try {
      migrate(db, migrations.slice(0, 13));
      db.pragma('foreign_keys = OFF'); // a suggestion row without the whole project around it
      const insert = (id: string, source: string) =>
        db
          .prepare(
            `INSERT INTO inbox_items (id, project_id, source, run_id, prompt, answers, author, status, created_at) VALUES (?, 'p', ?, NULL, '[]', '[]', 'Dr. Weber', 'pending', '2026-01-01')`,
          )
          .run(id, source);
      insert('old', 'evaluate');
      expect(() => insert('early', 'documents')).toThrow(/CHECK/);
      expect(migrate(db, migrations.slice(0, 14))).toEqual({ from: 13, to: 14 });
      expect(db.prepare('SELECT id, source, author, provenance, review_question FROM inbox_items').all()).toEqual([
        { id: 'old', source: 'evaluate', author: 'Dr. Weber', provenance: null, review_question: null },
      ]);
      insert('new', 'documents');
      insert('variation', 'augment');
      expect(() => insert('bad', 'somewhere')).toThrow(/CHECK/);
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inbox_items' AND name = 'inbox_items_project'").all(),
      ).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
