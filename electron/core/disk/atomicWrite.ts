// Files the workspace keeps appear whole or not at all: written to a temp file named after the writing process,
// flushed to disk, renamed over the target, and the folder flushed so the rename itself survives a power cut. A
// process killed midway leaves only its temp file, which the next open of the workspace removes (sweepStaleTemps).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encryptBytes, keyForPath } from './encryption.js';
import { processAlive } from './processAlive.js';

const TEMP_PATTERN = /\.(\d+)(?:-[0-9a-f]+)?\.(tmp|partial)$/;

/** A sibling of `path` that sweepStaleTemps recognises as this process's unfinished write. */
export function tempPathFor(path: string, suffix: 'tmp' | 'partial' = 'tmp'): string {
  return `${path}.${process.pid}-${randomBytes(4).toString('hex')}.${suffix}`;
}

/** Flushes a folder's entries (a rename is durable only once its folder is); a no-op where folders cannot be opened. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; its renames are journaled by NTFS
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Moves a complete temp file into place durably. */
export function commitTemp(temp: string, path: string): void {
  renameSync(temp, path);
  syncFolder(dirname(path));
}

/**
 * Writes a file a piece at a time through `write(fd)`, whole or not at all: into a temp file that is flushed and
 * renamed over `path`. When `write` throws, the temp file is removed and `path` is left as it was.
 */
export function writeThroughTemp(path: string, write: (fd: number) => void, options: { mode?: number; suffix?: 'tmp' | 'partial' } = {}): void {
  const temp = tempPathFor(path, options.suffix);
  const fd = openSync(temp, 'w', options.mode);
  let open = true;
  try {
    write(fd);
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    commitTemp(temp, path);
  } catch (error) {
    if (open) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a workspace file whole or not at all. Under an encrypted workspace the bytes are encrypted first
 * (disk/encryption.ts), so plaintext never reaches the disk, not even in the temp file; `plain` is for the few files
 * that must stay readable without the key (the encryption file itself).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number; plain?: boolean } = {}): void {
  const temp = tempPathFor(path);
  const key = options.plain ? undefined : keyForPath(path);
  const bytes = key ? encryptBytes(key, typeof data === 'string' ? Buffer.from(data, 'utf8') : data) : data;
  try {
    writeFileSync(temp, bytes, { flush: true, ...(options.mode !== undefined ? { mode: options.mode } : {}) });
    commitTemp(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes temp files left under `root` by processes that are gone; returns their paths. */
export function sweepStaleTemps(root: string, options: { recursive?: boolean } = {}): string[] {
  const recursive = options.recursive ?? true;
  const removed: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (recursive) walk(path);
      } else {
        const m = TEMP_PATTERN.exec(entry.name);
        if (m && !processAlive(Number(m[1]))) {
          rmSync(path, { force: true });
          removed.push(path);
        }
      }
    }
  };
  walk(root);
  return removed;
}
