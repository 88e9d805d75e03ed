// Projects made before the locale existed get the locale of the computer that opens the workspace first.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { projectLocaleMigration } from './007-project-locale.js';

describe('migration 007: project locale', () => {
  it('adds the column and fills it for existing projects with the system locale', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 6));
    db.prepare("INSERT INTO projects (id, name, domain, is_demo, created_at, updated_at) VALUES ('p1', 'Old', 'medical', 0, 'x', 'x')").run();
    migrate(db, [...migrations.slice(0, 6), projectLocaleMigration(() => 'en-GB')]);
    expect(db.prepare('SELECT locale FROM projects WHERE id = ?').get('p1')).toEqual({ locale: 'en-GB' });
    db.close();
  });
});
