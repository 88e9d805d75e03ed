import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/unit/helpers.js';
import { FieldtuneError } from '../../contract/errors.js';
import { createProject, deleteProject, renameProject } from './projects/projects.js';
import { openWorkspace, DATABASE_FILE, type Workspace } from '../workspace.js';
import { migrate } from '../store/migrate.js';
import { migrations } from '../store/migrations/index.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function freshWorkspace(): Workspace {
  const t = tempDir();
  const ws = openWorkspace(t.dir);
  cleanups.push(t.cleanup, () => ws.close());
  return ws;
}

// The newest schema version (numbers may have gaps while parallel branches land: see migrate.ts).
const NEWEST = Math.max(...migrations.map((m) => m.version));

describe('workspace database', () => {
  it('uses WAL, foreign keys and STRICT tables at the newest schema version', () => {
    const ws = freshWorkspace();
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(NEWEST);
    const tables = ws.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
      name: string;
      sql: string;
    }>;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['projects', 'base_models', 'jobs', 'audit_log', 'blobs']));
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, DATABASE_FILE);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${NEWEST + 5}`);
    raw.close();
    expect(() => openWorkspace(t.dir)).toThrowError(/newer Fieldtune/);
    const check = new BetterSqlite3(file);
    expect(check.pragma('user_version', { simple: true })).toBe(NEWEST + 5);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('rolls back a failing migration completely', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...migrations,
      {
        version: NEWEST + 1,
        name: 'broken',
        up: (d: typeof db) => {
          d.exec('CREATE TABLE half (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps the audit log append-only', () => {
    const ws = freshWorkspace();
    createProject(ws, 'Cardiology notes', 'medical');
    expect(ws.audit.recent(10)[0]?.action).toBe('project.create');
    expect(() => ws.db.exec("UPDATE audit_log SET actor = 'mallory'")).toThrow(/append-only/);
    expect(() => ws.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});

describe('project deletion', () => {
  it('needs the exact name and removes only the blobs no other project references', async () => {
    const ws = freshWorkspace();
    const a = createProject(ws, 'A', 'general');
    const b = createProject(ws, 'B', 'general');
    const shared = await ws.blobs.put(new TextEncoder().encode('shared dataset'));
    const own = await ws.blobs.put(new TextEncoder().encode('only A uses this'));
    ws.blobs.reference(a.id, shared.sha256, 'dataset');
    ws.blobs.reference(b.id, shared.sha256, 'dataset');
    ws.blobs.reference(a.id, own.sha256, 'dataset');

    await expect(deleteProject(ws, a.id, 'a')).rejects.toBeInstanceOf(FieldtuneError);
    expect(ws.projects.get(a.id)).toBeDefined();

    const result = await deleteProject(ws, a.id, 'A');
    expect(result.removedBlobs).toBe(1);
    expect(ws.projects.get(a.id)).toBeUndefined();
    expect(existsSync(ws.blobs.pathOf(own.sha256))).toBe(false);
    expect(existsSync(ws.blobs.pathOf(shared.sha256))).toBe(true);
    expect(readdirSync(join(ws.dir, 'blobs')).length).toBeGreaterThan(0);
  });
});

describe('project names', () => {
  it('refuses a second project with the same name (any case), on create and rename, and leaves the workspace unchanged', () => {
    const ws = freshWorkspace();
    const a = createProject(ws, 'Clinic desk', 'general');
    const b = createProject(ws, 'Other', 'general');
    expect(() => createProject(ws, ' clinic DESK ', 'general')).toThrow(/already a project called 'Clinic desk'/);
    expect(() => renameProject(ws, b.id, 'Clinic desk')).toThrow(FieldtuneError);
    expect(ws.projects.list().map((p) => p.name)).toEqual(expect.arrayContaining(['Clinic desk', 'Other']));
    expect(ws.projects.list()).toHaveLength(2);
    // renaming a project to its own name (a case change) is fine
    expect(renameProject(ws, a.id, 'clinic desk').name).toBe('clinic desk');
  });
});
