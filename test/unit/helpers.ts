import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folders: string[] = [];

/**
 * A fresh folder under the OS temp folder, removed when the test file's tests are done (tempFolders.setup.ts, a setup
 * file of every vitest file, calls removeTempFolders after each file). Left behind, the native tests' models and
 * workspaces (~100 MB a folder) filled this machine's disk after a few dozen CI runs. Outside vitest (a bench that
 * imports a test helper) nothing removes them.
 */
export function tempFolder(prefix = 'fieldtune-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

export function removeTempFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A tempFolder with a cleanup of its own, for a test that removes it sooner than the end of its file. */
export function tempDir(prefix = 'fieldtune-test-'): { dir: string; cleanup: () => void } {
  const dir = tempFolder(prefix);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A pid that is certainly gone (a child that has exited): what a crashed process leaves in its rows and folders. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}
