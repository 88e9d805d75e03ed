// Decrypted copies for the programs that cannot read an encrypted workspace: the native trainer (it reads a training
// file and writes checkpoints and an adapter) and node-llama-cpp (it loads an adapter by path). They live in a private
// folder (mode 0700) named after the process, only for the run or the load, and are deleted when it ends; the next
// open of a workspace deletes those of processes that died.
//
// Where: on Linux /dev/shm (a RAM-backed tmpfs: the plaintext never reaches a disk unless the system swaps), else the
// workspace's own `private/scratch` folder (on disk, so plaintext exists there while a run lasts: README says so).
// memfd would keep it off every file system, but the trainer and llama.cpp open files by name.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { processAlive } from './processAlive.js';

const NAME = /^scratch-(\d+)-[0-9a-f]+$/;
/** In a training run's folder: which run it serves and the trainer's pid (see sweepScratch). */
const RUN_FILE = 'run.json';

interface ScratchRun {
  /** The run's folder in the workspace. */
  runDir: string;
  /** The trainer's pid once started: it outlives a killed host long enough to write a last checkpoint here. */
  workerPid?: number;
}

function ramRoot(): string | null {
  if (process.platform !== 'linux' || process.env['FIELDTUNE_SCRATCH_ON_DISK'] === '1') return null;
  try {
    if (!statSync('/dev/shm').isDirectory()) return null;
    accessSync('/dev/shm', constants.W_OK);
    let uid: number | string = 'user';
    try {
      uid = userInfo().uid;
    } catch {
      // no user entry (some containers): one shared name is still private by its mode
    }
    return join('/dev/shm', `fieldtune-${uid}`);
  } catch {
    return null;
  }
}

/** The folders that may hold a workspace's decrypted copies, the RAM one first. */
export function scratchRoots(workspaceRoot: string): string[] {
  const ram = ramRoot();
  return [...(ram ? [ram] : []), join(workspaceRoot, 'private', 'scratch')];
}

/** A new private folder for one run's or one load's plaintext; the caller removes it (removeScratch) when done. */
export function makeScratchDir(workspaceRoot: string): string {
  for (const root of scratchRoots(workspaceRoot)) {
    try {
      mkdirSync(root, { recursive: true, mode: 0o700 });
      const dir = join(root, `scratch-${process.pid}-${randomBytes(6).toString('hex')}`);
      mkdirSync(dir, { mode: 0o700 });
      return dir;
    } catch {
      // the next place
    }
  }
  throw new Error('No private folder for temporary decrypted files could be made.');
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs fn with a scratch folder that is removed afterwards, whatever happens. */
export async function withScratch<T>(workspaceRoot: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = makeScratchDir(workspaceRoot);
  try {
    return await fn(dir);
  } finally {
    removeScratch(dir);
  }
}

/** Marks a scratch folder as a training run's, so a host killed mid-run does not lose the trainer's last checkpoint. */
export function markScratchRun(dir: string, run: ScratchRun): void {
  writeFileSync(join(dir, RUN_FILE), JSON.stringify(run), { mode: 0o600 });
}

function runOf(dir: string): ScratchRun | null {
  try {
    return JSON.parse(readFileSync(join(dir, RUN_FILE), 'utf8')) as ScratchRun;
  } catch {
    return null;
  }
}

/** What to save from a dead host's run folder before it goes: `runDir` is the run's folder in the workspace. */
export type ScratchRescue = (scratchDir: string, runDir: string) => void;

/**
 * Removes scratch folders of processes that are gone; returns them. A training run's folder (markScratchRun) is first
 * handed to `rescue`, since the trainer of a killed host writes its last checkpoint there after the host died, and it is
 * left alone while that trainer still runs, or when it belongs to another workspace (only that one has the key).
 */
export function sweepScratch(workspaceRoot: string, rescue?: ScratchRescue): string[] {
  const removed: string[] = [];
  const own = resolve(workspaceRoot) + sep;
  for (const root of scratchRoots(workspaceRoot)) {
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = NAME.exec(name);
      if (!m || processAlive(Number(m[1]))) continue;
      const dir = join(root, name);
      const run = runOf(dir);
      if (run) {
        if (run.workerPid !== undefined && processAlive(run.workerPid)) continue;
        const ours = resolve(run.runDir).startsWith(own);
        if (!ours && existsSync(run.runDir)) continue;
        if (ours) {
          try {
            rescue?.(dir, run.runDir);
          } catch {
            continue; // kept for the next open (a full disk, say): deleting it would lose the checkpoint for good
          }
        }
      }
      removeScratch(dir);
      removed.push(dir);
    }
  }
  return removed;
}
