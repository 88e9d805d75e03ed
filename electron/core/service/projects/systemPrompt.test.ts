// Issue 14 item 12: a project has a system prompt, set when it is made or later, cleared by an empty one, audited;
// the demo project gets its template's. Migration 009 gives projects made before it none.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { migrate } from '../../store/migrate.js';
import { migrations } from '../../store/migrations/index.js';
import { FieldtuneError } from '../../../contract/errors.js';

const tmp = tempDir('fieldtune-projprompt-');
let core: Core;
beforeAll(() => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('a project system prompt', () => {
  it('is set at creation, changed and cleared by projects:update, and each change is audited', async () => {
    const made = await core.call('projects:create', { name: 'Letters', domain: 'medical', systemPrompt: '  You write discharge letters.  ' });
    expect(made.systemPrompt).toBe('You write discharge letters.');
    expect((await core.call('projects:create', { name: 'Plain' })).systemPrompt).toBeNull();

    const changed = await core.call('projects:update', { id: made.id, systemPrompt: 'You write referral letters.' });
    expect(changed.systemPrompt).toBe('You write referral letters.');
    expect((await core.call('projects:get', { id: made.id })).systemPrompt).toBe('You write referral letters.');
    // Leaving the field out changes nothing.
    expect((await core.call('projects:update', { id: made.id })).systemPrompt).toBe('You write referral letters.');
    expect((await core.call('projects:update', { id: made.id, systemPrompt: '   ' })).systemPrompt).toBeNull();

    const audit = await core.call('audit:list', { limit: 10 });
    const rows = audit.filter((a) => a.action === 'project.system-prompt' && a.subject === made.id);
    expect(rows.map((r) => r.details)).toEqual([
      { from: 'You write referral letters.', to: null },
      { from: 'You write discharge letters.', to: 'You write referral letters.' },
    ]);
  });

  it('refuses one over 8000 characters and an unknown project, changing nothing', async () => {
    const p = await core.call('projects:create', { name: 'Long', systemPrompt: 'Short.' });
    const tooLong = await core.call('projects:update', { id: p.id, systemPrompt: 'x'.repeat(8001) }).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(FieldtuneError);
    expect((tooLong as FieldtuneError).code).toBe('BAD_REQUEST');
    expect((await core.call('projects:get', { id: p.id })).systemPrompt).toBe('Short.');
    await expect(core.call('projects:update', { id: 'nope', systemPrompt: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('migration 009 adds the column empty for existing projects', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 8));
    db.prepare("INSERT INTO projects (id, name, domain, locale, is_demo, created_at, updated_at) VALUES ('p1', 'Old', 'general', 'en-GB', 0, 'x', 'x')").run();
    migrate(db, migrations);
    expect(db.prepare('SELECT system_prompt FROM projects WHERE id = ?').get('p1')).toEqual({ system_prompt: null });
    db.close();
  });
});
