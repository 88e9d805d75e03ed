// The workspace's Ed25519 signing key: it signs the audit log's head (and share bundles). Kept beside the database,
// not in it, so that someone holding only the database file cannot re-sign a chain they rewrote. Whoever holds the
// whole workspace folder holds the key too: the guarantee is about the database file, and README says so.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { encryptBytes, keyForPath, readWorkspaceFileSync } from '../disk/encryption.js';
import { join } from 'node:path';

export interface WorkspaceKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** sha256 of the raw 32-byte public key, hex: what a person compares to recognise a signer. */
  readonly fingerprint: string;
}

export const KEY_DIR = 'keys';
export const PRIVATE_KEY_FILE = 'workspace-ed25519.pem';

export function publicKeyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  // the last 32 bytes of an Ed25519 SPKI are the raw key
  return createHash('sha256')
    .update(der.subarray(der.length - 32))
    .digest('hex');
}

function fromPrivate(privateKey: KeyObject): WorkspaceKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: publicKeyFingerprint(publicKey) };
}

/** The key if the workspace has one, else null (verification of a workspace that never signed anything). */
export function readWorkspaceKey(workspaceDir: string): WorkspaceKey | null {
  const file = join(workspaceDir, KEY_DIR, PRIVATE_KEY_FILE);
  if (!existsSync(file)) return null;
  return fromPrivate(createPrivateKey(readWorkspaceFileSync(file)));
}

/** The workspace's key, made on first use: an owner-only file written whole (temp file, then a hard link that fails
 * when another process made the key first, in which case that key is the workspace's). */
export function loadOrCreateWorkspaceKey(workspaceDir: string): WorkspaceKey {
  const existing = readWorkspaceKey(workspaceDir);
  if (existing) return existing;
  const dir = join(workspaceDir, KEY_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const file = join(dir, PRIVATE_KEY_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const pem = Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  // in an encrypted workspace the signing key is encrypted like every other file (disk/encryption.ts)
  const key = keyForPath(file);
  writeFileSync(tmp, key ? encryptBytes(key, pem) : pem, { mode: 0o600, flush: true });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readWorkspaceKey(workspaceDir) ?? fromPrivate(privateKey);
}

/** Marks, beside the key, that this workspace's audit head has been signed once. A database whose head signature was
 * blanked to have a rewritten log re-signed is then refused instead of signed (repositories/audit.ts). */
export const CHAIN_MARKER_FILE = 'audit-chain-started';

export function auditChainMarker(workspaceDir: string): { exists(): boolean; create(): void } {
  const file = join(workspaceDir, KEY_DIR, CHAIN_MARKER_FILE);
  return {
    exists: () => existsSync(file),
    create: () => {
      mkdirSync(join(workspaceDir, KEY_DIR), { recursive: true, mode: 0o700 });
      writeFileSync(file, `${new Date().toISOString()}\n`, { mode: 0o600 });
    },
  };
}
