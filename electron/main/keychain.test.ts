import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseEnvelope } from '../contract/wire.js';
import { keychainHook, passphraseKeychain, unlockFromKeychain, type SafeStorageLike } from './keychain.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), 'ft-keychain-'));
  dirs.push(d);
  return join(d, 'keychain');
};

/** A stand-in for Electron's safeStorage: reversible, but not plain text, like the real one. */
function fakeStorage(backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

const ok = (result: unknown = {}): ResponseEnvelope => ({ id: 1, ok: true, result }) as ResponseEnvelope;
const refused = (): ResponseEnvelope => ({ id: 1, ok: false, error: { code: 'UNAUTHORIZED', message: 'no' } });

describe('remembering a passphrase in the system keychain (fake safeStorage)', () => {
  it('keeps it encrypted per workspace, recalls and forgets it; stores nothing without a real keychain', () => {
    const dir = folder();
    const keychain = passphraseKeychain(fakeStorage(), dir, 'linux');
    keychain.remember('/data/ws', 'a long private sentence');
    const [file] = readdirSync(dir);
    expect(readFileSync(join(dir, file!)).includes(Buffer.from('private'))).toBe(false);
    expect(keychain.recall('/data/ws')).toBe('a long private sentence');
    expect(keychain.recall('/data/other')).toBeNull();
    keychain.forget('/data/ws');
    expect(keychain.recall('/data/ws')).toBeNull();
    const basic = passphraseKeychain(fakeStorage('basic_text'), folder(), 'linux');
    basic.remember('/data/ws', 'a long private sentence');
    expect(basic.available()).toBe(false);
    expect(basic.recall('/data/ws')).toBeNull();
  });

  it('follows the renderer: remember on a successful unlock, forget when unticked, follow a change of passphrase', () => {
    const keychain = passphraseKeychain(fakeStorage(), folder(), 'darwin');
    const after = keychainHook(keychain, () => '/data/ws');
    after('workspace:unlock', { passphrase: 'wrong one', remember: true }, refused());
    expect(keychain.recall('/data/ws')).toBeNull();
    after('workspace:unlock', { passphrase: 'a long private sentence', remember: true }, ok());
    expect(keychain.recall('/data/ws')).toBe('a long private sentence');
    after('workspace:change-passphrase', { passphrase: 'a long private sentence', newPassphrase: 'the next sentence' }, ok());
    expect(keychain.recall('/data/ws')).toBe('the next sentence');
    after('workspace:unlock', { passphrase: 'the next sentence', remember: false }, ok());
    expect(keychain.recall('/data/ws')).toBeNull();
  });

  it('unlocks a locked workspace at start with the remembered passphrase, and forgets one that no longer works', async () => {
    const keychain = passphraseKeychain(fakeStorage(), folder(), 'win32');
    keychain.remember('/data/ws', 'a long private sentence');
    const calls: Array<[unknown, unknown]> = [];
    const core = (unlocks: boolean) => ({
      request: async (method: unknown, params: unknown) => {
        calls.push([method, params]);
        if (method === 'app:info') return ok({ workspace: '/data/ws', locked: true });
        return unlocks ? ok({ encrypted: true, locked: false }) : refused();
      },
    });
    expect(await unlockFromKeychain(core(true), keychain)).toBe('/data/ws');
    expect(calls.at(-1)).toEqual(['workspace:unlock', { passphrase: 'a long private sentence' }]);
    expect(keychain.recall('/data/ws')).toBe('a long private sentence');
    await unlockFromKeychain(core(false), keychain);
    expect(keychain.recall('/data/ws')).toBeNull();
  });
});
