import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite.js';
import {
  decryptBytes,
  encryptBytes,
  isEncryptedBytes,
  newEncryptionFile,
  readWorkspaceFileSync,
  registerEncryptedRoot,
  unregisterEncryptedRoot,
  unwrapKey,
  wrapKey,
  WrongPassphraseError,
} from './encryption.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    unregisterEncryptedRoot(d);
    rmSync(d, { recursive: true, force: true });
  }
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ft-enc-'));
  dirs.push(d);
  return d;
};

describe('workspace file encryption', () => {
  it('round-trips bytes, with a fresh nonce each time, and refuses a wrong key or a changed byte', () => {
    const { key } = newEncryptionFile('a long passphrase');
    const plain = Buffer.from('Priya Sharma called about her appointment');
    const a = encryptBytes(key, plain);
    const b = encryptBytes(key, plain);
    expect(isEncryptedBytes(a)).toBe(true);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('Priya'))).toBe(false);
    expect(decryptBytes(key, a).equals(plain)).toBe(true);
    expect(() => decryptBytes(Buffer.alloc(32, 1), a)).toThrow();
    const changed = Buffer.from(a);
    changed[changed.length - 20]! ^= 1;
    expect(() => decryptBytes(key, changed)).toThrow();
  });

  it('unwraps the data key only with its passphrase; a new passphrase wraps the same key', () => {
    const { key, file } = newEncryptionFile('first passphrase');
    expect(unwrapKey(file, 'first passphrase').equals(key)).toBe(true);
    expect(() => unwrapKey(file, 'First passphrase')).toThrow(WrongPassphraseError);
    const rewrapped = wrapKey(key, 'second passphrase', 'encrypted');
    expect(unwrapKey(rewrapped, 'second passphrase').equals(key)).toBe(true);
    expect(() => unwrapKey(rewrapped, 'first passphrase')).toThrow(WrongPassphraseError);
    expect(JSON.stringify(rewrapped)).not.toContain(key.toString('base64'));
  });

  it('the atomic writer encrypts files under a registered workspace only, and the reader decrypts them', () => {
    const ws = tempDir();
    const outside = tempDir();
    const { key } = newEncryptionFile('a long passphrase');
    registerEncryptedRoot(ws, key);
    writeFileAtomic(join(ws, 'note.txt'), 'secret text');
    writeFileAtomic(join(ws, 'plain.txt'), 'public text', { plain: true });
    writeFileAtomic(join(outside, 'note.txt'), 'secret text');
    expect(readFileSync(join(ws, 'note.txt')).includes(Buffer.from('secret'))).toBe(false);
    expect(readWorkspaceFileSync(join(ws, 'note.txt')).toString()).toBe('secret text');
    expect(readFileSync(join(ws, 'plain.txt'), 'utf8')).toBe('public text');
    expect(readFileSync(join(outside, 'note.txt'), 'utf8')).toBe('secret text');
    unregisterEncryptedRoot(ws);
    expect(() => readWorkspaceFileSync(join(ws, 'note.txt'))).toThrow(/not open with its passphrase/);
  });
});
