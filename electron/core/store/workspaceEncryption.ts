// Turning a workspace's encryption on, unlocking it, and changing its passphrase (issue 16 item 5). The keys and the
// file format are disk/encryption.ts's; this file knows the workspace's layout.
//
// Encrypting an existing workspace is crash-safe without a second copy of it: `encryption.json` is written first with
// state 'encrypting'; then the database is copied, encrypted in the copy and renamed over the plain one (one rename:
// it is either plain or encrypted); then each file is rewritten encrypted through the atomic writer (each file is either
// plain or encrypted, and readers accept both while the state says 'encrypting'); last the state becomes 'encrypted'.
// A process killed anywhere leaves a workspace that the next open (with the passphrase) finishes encrypting.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { commitTemp, tempPathFor, writeFileAtomic } from '../disk/atomicWrite.js';
import {
  ENCRYPTION_FILE,
  isEncryptedBytes,
  newEncryptionFile,
  registerEncryptedRoot,
  unwrapKey,
  wrapKey,
  WrongPassphraseError,
  type EncryptionFile,
} from '../disk/encryption.js';
import { applyKey, isPlainDatabase } from './database.js';
import { createRequire } from 'node:module';
import type BetterSqlite3Type from 'better-sqlite3-multiple-ciphers';
import { openedBy } from '../disk/openMarks.js';

const DATABASE_FILE = 'fieldtune.db';
/** Folders whose files are the workspace's data. */
const DATA_FOLDERS = ['blobs', 'files', 'private', 'keys'];
/** Files that stay plain: the generated demo model and the domain templates' samples ship with the app (nobody's data). */
const PLAIN_FILES = new Set(['files/demo-model.gguf', 'files/demo-model.gguf.seeded']);
export const MIN_PASSPHRASE_LENGTH = 8;

export function readEncryptionFile(root: string): EncryptionFile | null {
  const file = join(root, ENCRYPTION_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EncryptionFile;
  } catch {
    throw new FieldtuneError('INVALID_INPUT', `${file} is damaged: the workspace's key cannot be read from it.`);
  }
}

function writeEncryptionFile(root: string, file: EncryptionFile): void {
  writeFileAtomic(join(root, ENCRYPTION_FILE), JSON.stringify(file, null, 2) + '\n', { plain: true, mode: 0o600 });
}

export function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new FieldtuneError('INVALID_INPUT', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a long sentence is best.`);
}

/** The data key with a clear sentence for a wrong or missing passphrase; nothing is read or written besides encryption.json. */
export function unlock(root: string, file: EncryptionFile, passphrase: string | undefined): Buffer {
  if (passphrase === undefined || passphrase === '')
    throw new FieldtuneError('UNAUTHORIZED', 'This workspace is encrypted: it opens only with its passphrase.', { fix: { setting: 'passphrase' } });
  try {
    return unwrapKey(file, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) throw new FieldtuneError('UNAUTHORIZED', error.message, { fix: { setting: 'passphrase' } });
    throw error;
  }
}

/**
 * Opens the workspace's key when it is encrypted (undefined when it is not), registers it for the writer and readers,
 * and finishes an encryption a killed process left half done. Call before anything else touches the folder.
 */
export function unlockWorkspace(root: string, passphrase: string | undefined): Buffer | undefined {
  const file = readEncryptionFile(root);
  if (!file) return undefined;
  const key = unlock(root, file, passphrase);
  registerEncryptedRoot(root, key);
  if (file.state === 'encrypting') finishEncryption(root, key, file);
  return key;
}

/** Encrypts a plain workspace (closed: no process may have it open). Returns the number of files it encrypted. */
export function encryptWorkspace(root: string, passphrase: string): { files: number } {
  const existing = readEncryptionFile(root);
  if (existing?.state === 'encrypted') throw new FieldtuneError('CONFLICT', 'This workspace is encrypted already; its passphrase can be changed.');
  if (!existsSync(join(root, DATABASE_FILE))) throw new FieldtuneError('NOT_FOUND', `There is no Fieldtune workspace at ${root}.`);
  const others = openedBy(root);
  if (others.length > 0) {
    throw new FieldtuneError(
      'CONFLICT',
      `Fieldtune has this workspace open elsewhere (process ${others.join(', ')}): close that window or command first, then encrypt. Nothing was changed.`,
      { details: { openBy: others.join(', ') } },
    );
  }
  let key: Buffer;
  let file: EncryptionFile;
  if (existing) {
    // a kill interrupted an earlier encryption: the same passphrase continues it
    key = unlock(root, existing, passphrase);
    file = existing;
  } else {
    checkNewPassphrase(passphrase);
    ({ key, file } = newEncryptionFile(passphrase));
    writeEncryptionFile(root, file);
  }
  registerEncryptedRoot(root, key);
  return finishEncryption(root, key, file);
}

function finishEncryption(root: string, key: Buffer, file: EncryptionFile): { files: number } {
  encryptDatabase(join(root, DATABASE_FILE), key);
  let files = 0;
  for (const folder of DATA_FOLDERS) {
    for (const path of filesUnder(join(root, folder))) {
      const name = relative(root, path).split('\\').join('/');
      // the open marks (disk/openMarks.ts) are empty files whose names are all they hold
      if (PLAIN_FILES.has(name) || name.startsWith('files/templates/') || name.startsWith('private/open/')) continue;
      const bytes = readFileSync(path);
      if (isEncryptedBytes(bytes)) continue;
      writeFileAtomic(path, bytes, { mode: statSync(path).mode & 0o777 });
      files++;
    }
  }
  writeEncryptionFile(root, { ...file, state: 'encrypted' });
  return { files };
}

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** Encrypts a plain database in a copy, then renames the copy over it (a no-op on a database already encrypted). */
function encryptDatabase(file: string, key: Buffer): void {
  if (!isPlainDatabase(file)) return;
  const Sqlite = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3Type;
  // fold the WAL into the file so the copy is whole
  const plain = new Sqlite(file);
  plain.pragma('wal_checkpoint(TRUNCATE)');
  plain.close();
  const temp = tempPathFor(file);
  try {
    copyFileSync(file, temp);
    const db = new Sqlite(temp);
    // SQLite3 Multiple Ciphers rekeys only outside WAL mode
    db.pragma('journal_mode = DELETE');
    db.pragma(`hexrekey = '${key.toString('hex')}'`);
    applyKey(db, key);
    db.pragma('journal_mode = WAL');
    db.close();
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    commitTemp(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A new passphrase for the same data key: one small file is rewritten, so the data never changes and a kill cannot split it. */
export function changePassphrase(root: string, oldPassphrase: string, newPassphrase: string): void {
  const file = readEncryptionFile(root);
  if (!file) throw new FieldtuneError('CONFLICT', 'This workspace is not encrypted; encrypt it first.');
  const key = unlock(root, file, oldPassphrase);
  checkNewPassphrase(newPassphrase);
  writeEncryptionFile(root, wrapKey(key, newPassphrase, file.state));
}
