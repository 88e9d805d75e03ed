import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldtuneError } from '../../contract/errors.js';
import { deadPid } from '../../../test/unit/helpers.js';
import { createProject } from './projects/projects.js';
import { Core } from '../core.js';
import { ENCRYPTION_FILE, isEncryptedBytes, newEncryptionFile } from '../disk/encryption.js';
import { openWorkspace } from '../workspace.js';
import { isPlainDatabase } from '../store/database.js';
import { changePassphrase, encryptWorkspace, readEncryptionFile } from '../store/workspaceEncryption.js';

const PASS = 'a long passphrase';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    rmSync(d, { recursive: true, force: true });
    rmSync(`${d}-map.json`, { force: true });
  }
});

/** A plain workspace with a project, a blob and a pseudonym-map-like private file. */
async function plainWorkspace(): Promise<{ dir: string; sha: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-wsenc-'));
  dirs.push(dir);
  const ws = openWorkspace(dir);
  createProject(ws, 'Clinic of Priya Sharma', 'general');
  const { sha256 } = await ws.blobs.put(Buffer.from('Priya Sharma, 07700 900461'));
  mkdirSync(join(dir, 'private'), { recursive: true });
  writeFileSync(join(dir, 'private', 'map.json'), '{"Priya":"Anna"}');
  await ws.close();
  return { dir, sha: sha256 };
}

const errorOf = (fn: () => unknown): FieldtuneError => {
  try {
    fn();
  } catch (e) {
    return e as FieldtuneError;
  }
  throw new Error('did not throw');
};

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('encrypting a workspace', () => {
  it('encrypts the database and every file; it then opens only with the passphrase', async () => {
    const { dir, sha } = await plainWorkspace();
    const { files: count } = encryptWorkspace(dir, PASS);
    expect(count).toBeGreaterThanOrEqual(3); // the blob, the map, the signing key
    expect(isPlainDatabase(join(dir, 'fieldtune.db'))).toBe(false);
    for (const f of files(dir)) expect(readFileSync(f).includes(Buffer.from('Priya')), f).toBe(false);
    expect(errorOf(() => openWorkspace(dir))).toMatchObject({ code: 'UNAUTHORIZED', fix: { setting: 'passphrase' } });
    expect(errorOf(() => openWorkspace(dir, undefined, undefined, { passphrase: 'not it at all' })).message).toMatch(/passphrase is not the one/);
    const ws = openWorkspace(dir, undefined, undefined, { passphrase: PASS });
    expect(ws.projects.list().map((p) => p.name)).toEqual(['Clinic of Priya Sharma']);
    expect((await ws.blobs.read(sha)).toString()).toBe('Priya Sharma, 07700 900461');
    expect(isEncryptedBytes(readFileSync(ws.blobs.pathOf(sha)))).toBe(true);
    await ws.close();
    expect(errorOf(() => encryptWorkspace(dir, PASS)).code).toBe('CONFLICT');
  });

  it('a plain workspace stays plain and opens as before', async () => {
    const { dir, sha } = await plainWorkspace();
    const ws = openWorkspace(dir);
    expect(readFileSync(ws.blobs.pathOf(sha), 'utf8')).toBe('Priya Sharma, 07700 900461');
    expect(isPlainDatabase(join(dir, 'fieldtune.db'))).toBe(true);
    await ws.close();
    expect(existsSync(join(dir, ENCRYPTION_FILE))).toBe(false);
  });

  it('an encryption cut short (key file written, database and files still plain) is finished by the next open', async () => {
    const { dir, sha } = await plainWorkspace();
    // what a process killed right after writing encryption.json leaves behind
    const { file } = newEncryptionFile(PASS);
    writeFileSync(join(dir, ENCRYPTION_FILE), JSON.stringify(file));
    expect(readEncryptionFile(dir)?.state).toBe('encrypting');
    expect(errorOf(() => openWorkspace(dir, undefined, undefined, { passphrase: 'wrong one here' })).code).toBe('UNAUTHORIZED');
    expect(isPlainDatabase(join(dir, 'fieldtune.db'))).toBe(true); // the wrong passphrase changed nothing
    const ws = openWorkspace(dir, undefined, undefined, { passphrase: PASS });
    expect(ws.projects.list()).toHaveLength(1);
    expect((await ws.blobs.read(sha)).toString()).toContain('Priya');
    await ws.close();
    expect(readEncryptionFile(dir)?.state).toBe('encrypted');
    for (const f of files(dir)) expect(readFileSync(f).includes(Buffer.from('Priya')), f).toBe(false);
  });

  it('half the files encrypted and the database already swapped: the same passphrase finishes it', async () => {
    const { dir, sha } = await plainWorkspace();
    const keep = `${dir}-map.json`; // outside the workspace, so it stays plain
    copyFileSync(join(dir, 'private', 'map.json'), keep);
    encryptWorkspace(dir, PASS);
    // put one file back in the clear and the state back to 'encrypting': a kill between two files
    copyFileSync(keep, join(dir, 'private', 'map.json'));
    rmSync(keep);
    writeFileSync(join(dir, ENCRYPTION_FILE), JSON.stringify({ ...readEncryptionFile(dir), state: 'encrypting' }));
    expect(encryptWorkspace(dir, PASS).files).toBe(1);
    const ws = openWorkspace(dir, undefined, undefined, { passphrase: PASS });
    expect((await ws.blobs.read(sha)).toString()).toContain('Priya');
    await ws.close();
    for (const f of files(dir)) expect(readFileSync(f).includes(Buffer.from('Priya')), f).toBe(false);
  });

  it('changes the passphrase without touching the data; a too-short one is refused', async () => {
    const { dir } = await plainWorkspace();
    encryptWorkspace(dir, PASS);
    const db = readFileSync(join(dir, 'fieldtune.db'));
    expect(errorOf(() => changePassphrase(dir, 'wrong old one', 'a new long one')).code).toBe('UNAUTHORIZED');
    expect(errorOf(() => changePassphrase(dir, PASS, 'short')).code).toBe('INVALID_INPUT');
    changePassphrase(dir, PASS, 'a new long one');
    expect(readFileSync(join(dir, 'fieldtune.db')).equals(db)).toBe(true);
    expect(errorOf(() => openWorkspace(dir, undefined, undefined, { passphrase: PASS })).code).toBe('UNAUTHORIZED');
    const ws = openWorkspace(dir, undefined, undefined, { passphrase: 'a new long one' });
    expect(ws.projects.list()).toHaveLength(1);
    await ws.close();
  });

  it('through the core: encrypts the open workspace, then a new core starts locked until the passphrase unlocks it', async () => {
    const { dir } = await plainWorkspace();
    let core = new Core({ workspaceDir: dir, mode: 'browser', startLocked: true });
    expect(await core.call('app:info')).toMatchObject({ encrypted: false, locked: false });
    await expect(core.call('workspace:encrypt', { passphrase: 'short' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await core.call('workspace:encrypt', { passphrase: PASS })).toEqual({ encrypted: true, locked: false });
    expect((await core.call('projects:list')).map((p) => p.name)).toEqual(['Clinic of Priya Sharma']);
    await core.close();
    for (const f of files(dir)) expect(readFileSync(f).includes(Buffer.from('Priya')), f).toBe(false);

    core = new Core({ workspaceDir: dir, mode: 'browser', startLocked: true });
    expect(await core.call('app:info')).toMatchObject({ encrypted: true, locked: true, demoModelId: null });
    await expect(core.call('projects:list')).rejects.toMatchObject({ code: 'UNAUTHORIZED', fix: { setting: 'passphrase' } });
    await expect(core.call('workspace:unlock', { passphrase: 'not the passphrase' })).rejects.toThrow(/not the one this workspace was encrypted with/);
    expect(await core.call('workspace:unlock', { passphrase: PASS })).toEqual({ encrypted: true, locked: false });
    expect(await core.call('projects:list')).toHaveLength(1);
    await expect(core.call('workspace:change-passphrase', { passphrase: 'wrong one', newPassphrase: 'the next passphrase' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await core.call('workspace:change-passphrase', { passphrase: PASS, newPassphrase: 'the next passphrase' });
    await core.close();
    // the command line never waits for a passphrase
    expect(() => new Core({ workspaceDir: dir, mode: 'cli' })).toThrow(/opens only with its passphrase/);
    core = new Core({ workspaceDir: dir, mode: 'cli', passphrase: 'the next passphrase' });
    expect((await core.call('audit:list', { limit: 3 })).map((a) => a.action)).toContain('workspace.change-passphrase');
    expect((await core.call('audit:verify', {})).ok).toBe(true);
    await core.close();
  });

  it('is refused while another window or command has the workspace open, with nothing changed; a crashed one does not count', async () => {
    const { dir } = await plainWorkspace();
    const app = openWorkspace(dir);
    const before = readFileSync(join(dir, 'fieldtune.db'));
    const refused = errorOf(() => encryptWorkspace(dir, PASS));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `Fieldtune has this workspace open elsewhere (process ${process.pid}): close that window or command first, then encrypt. Nothing was changed.`,
    );
    expect(existsSync(join(dir, ENCRYPTION_FILE))).toBe(false);
    expect(readFileSync(join(dir, 'fieldtune.db')).equals(before)).toBe(true);
    await app.close();
    // a process that died with the workspace open left its mark: it is not in the way
    writeFileSync(join(dir, 'private', 'open', `${await deadPid()}-abc123`), '');
    expect(encryptWorkspace(dir, PASS).files).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'private', 'open'))).toEqual([]);
  });
});
