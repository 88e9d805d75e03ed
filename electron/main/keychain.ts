// "Remember on this computer" for an encrypted workspace's passphrase (issue 16 item 5): kept with Electron's
// safeStorage, which encrypts it with a key the OS keychain holds (macOS Keychain, Windows DPAPI, libsecret/kwallet on
// Linux), one small file per workspace in the app's user-data folder. Main only: the core never sees the keychain.
// Where safeStorage has no real keychain (Linux without a secret service falls back to a fixed key) nothing is stored.
// Built and unit-tested with a fake safeStorage; no Electron runs on the machines this was written on.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResponseEnvelope } from '../contract/wire.js';

/** The part of Electron's safeStorage this uses (tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keychain (a hard-coded key), so nothing is remembered. */
  getSelectedStorageBackend?(): string;
}

export interface PassphraseKeychain {
  available(): boolean;
  remember(workspace: string, passphrase: string): void;
  recall(workspace: string): string | null;
  forget(workspace: string): void;
}

export function passphraseKeychain(storage: SafeStorageLike, folder: string, platform: NodeJS.Platform = process.platform): PassphraseKeychain {
  const fileOf = (workspace: string) => join(folder, `${createHash('sha256').update(resolve(workspace)).digest('hex').slice(0, 32)}.bin`);
  const available = () => storage.isEncryptionAvailable() && !(platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text');
  return {
    available,
    remember(workspace, passphrase) {
      if (!available()) return;
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(fileOf(workspace), storage.encryptString(passphrase), { mode: 0o600 });
    },
    recall(workspace) {
      if (!available()) return null;
      try {
        return storage.decryptString(readFileSync(fileOf(workspace)));
      } catch {
        return null; // none kept, or the keychain's key changed
      }
    },
    forget(workspace) {
      rmSync(fileOf(workspace), { force: true });
    },
  };
}

/**
 * What main does around the renderer's requests: after an unlock asked to be remembered, the passphrase goes to the
 * keychain; after a change of passphrase, a remembered one is replaced; an unlock that fails forgets it.
 */
export function keychainHook(keychain: PassphraseKeychain, workspace: () => string | null) {
  return (method: unknown, params: unknown, response: ResponseEnvelope): void => {
    const ws = workspace();
    const p = (params ?? {}) as { passphrase?: unknown; newPassphrase?: unknown; remember?: unknown };
    if (!ws || !response.ok) return;
    if (method === 'workspace:unlock' && typeof p.passphrase === 'string') {
      if (p.remember === true) keychain.remember(ws, p.passphrase);
      else if (p.remember === false) keychain.forget(ws);
    } else if (method === 'workspace:change-passphrase' && typeof p.newPassphrase === 'string' && keychain.recall(ws) !== null) {
      keychain.remember(ws, p.newPassphrase);
    }
  };
}

/** At start: a remembered passphrase opens a locked workspace before the window shows; a stale one is forgotten. */
export async function unlockFromKeychain(
  core: { request(method: unknown, params: unknown): Promise<ResponseEnvelope> },
  keychain: PassphraseKeychain,
): Promise<string | null> {
  const info = await core.request('app:info', {});
  if (!info.ok) return null;
  const { workspace, locked } = info.result as { workspace: string; locked: boolean };
  if (!locked) return workspace;
  const saved = keychain.recall(workspace);
  if (saved === null) return workspace;
  const opened = await core.request('workspace:unlock', { passphrase: saved });
  if (!opened.ok) keychain.forget(workspace);
  return workspace;
}
