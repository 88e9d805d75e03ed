// Encryption at rest for a workspace's files (issue 16 item 5). One data key (random, 32 bytes) encrypts every file the
// workspace writes (AES-256-GCM, a fresh nonce per file) and is the SQLite database's page key; the data key itself is
// kept in `encryption.json` wrapped by a key derived from the passphrase (scrypt). So a wrong passphrase fails the
// wrap's GCM tag before anything is opened or written, and changing the passphrase rewrites one small file, not the
// data. Writers reach this module through writeFileAtomic (disk/atomicWrite.ts): a path under a registered encrypted
// workspace is encrypted on its way to disk, so a new write path needs no code of its own.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

export const ENCRYPTION_FILE = 'encryption.json';
/** Every encrypted file starts with these bytes, then a 12-byte nonce, the ciphertext and a 16-byte GCM tag. */
const MAGIC = Buffer.from('FTENC\x001\x00', 'latin1');
const NONCE = 12;
const TAG = 16;
// scrypt at 2^15 x 8: 32 MiB and ~0.1 s per try on a laptop (OWASP's minimum is 2^17 x 8 x 1 for interactive logins
// of web services facing many guessers; a stolen workspace folder is attacked offline, so the passphrase's length is
// what protects it: the app asks for at least 8 characters and says a long one is better)
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

export interface EncryptionFile {
  format: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  /** The data key, encrypted with the passphrase's key: MAGIC-less nonce + ciphertext + tag, base64. */
  wrappedKey: string;
  /** 'encrypting' while a plain workspace is being rewritten: the next open finishes the job. */
  state: 'encrypting' | 'encrypted';
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase is not the one this workspace was encrypted with. Nothing was opened or changed.');
  }
}

function seal(key: Uint8Array, data: Uint8Array, prefix: Buffer = Buffer.alloc(0)): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = cipher.update(data);
  const last = cipher.final();
  // one copy of the whole file (large adapters and checkpoints pass through here)
  return Buffer.concat([prefix, nonce, body, last, cipher.getAuthTag()]);
}

function open(key: Uint8Array, sealed: Uint8Array): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < NONCE + TAG) throw new Error('encrypted data is cut short');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
  const body = decipher.update(bytes.subarray(NONCE, bytes.length - TAG));
  const last = decipher.final(); // throws when the tag does not match: a wrong key or changed bytes
  return last.length ? Buffer.concat([body, last]) : body;
}

function passphraseKey(passphrase: string, kdf: EncryptionFile['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r });
}

/** A new data key and the file that keeps it, wrapped by the passphrase. */
export function newEncryptionFile(passphrase: string): { key: Buffer; file: EncryptionFile } {
  const key = randomBytes(32);
  return { key, file: wrapKey(key, passphrase, 'encrypting') };
}

export function wrapKey(key: Uint8Array, passphrase: string, state: EncryptionFile['state']): EncryptionFile {
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: randomBytes(16).toString('base64') };
  return { format: 1, kdf, wrappedKey: seal(passphraseKey(passphrase, kdf), key).toString('base64'), state };
}

/** The data key, or WrongPassphraseError (the GCM tag is the check value: nothing else is read or written first). */
export function unwrapKey(file: EncryptionFile, passphrase: string): Buffer {
  try {
    return open(passphraseKey(passphrase, file.kdf), Buffer.from(file.wrappedKey, 'base64'));
  } catch {
    throw new WrongPassphraseError();
  }
}

export function isEncryptedBytes(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.equals(Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length));
}

export function encryptBytes(key: Uint8Array, data: Uint8Array): Buffer {
  return seal(key, data, MAGIC);
}

export function decryptBytes(key: Uint8Array, data: Uint8Array): Buffer {
  if (!isEncryptedBytes(data)) throw new Error('not an encrypted Fieldtune file');
  return open(key, data.subarray(MAGIC.length));
}

// The workspaces open in this thread that are encrypted, by folder. A process opens one workspace in practice; tests
// open several. Worker threads have their own registry and receive the key with their input.
const roots = new Map<string, Buffer>();

export function registerEncryptedRoot(root: string, key: Buffer): void {
  roots.set(resolve(root), key);
}

export function unregisterEncryptedRoot(root: string): void {
  roots.delete(resolve(root));
}

/** The data key of the encrypted workspace that holds `path`, if any. */
export function keyForPath(path: string): Buffer | undefined {
  const full = resolve(path);
  for (const [root, key] of roots) if (full === root || full.startsWith(root + sep)) return key;
  return undefined;
}

/** The bytes a workspace file holds: decrypted when it is encrypted (a plain file is still read while a workspace is being encrypted). */
export function plainBytes(path: string, bytes: Buffer): Buffer {
  if (!isEncryptedBytes(bytes)) return bytes;
  const key = keyForPath(path);
  if (!key) throw new Error(`${path} is encrypted and its workspace is not open with its passphrase`);
  return decryptBytes(key, bytes);
}

export function readWorkspaceFileSync(path: string): Buffer {
  return plainBytes(path, readFileSync(path));
}

export async function readWorkspaceFile(path: string): Promise<Buffer> {
  return plainBytes(path, await readFile(path));
}
