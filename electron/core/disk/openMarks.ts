// Which processes have a workspace open: each open leaves an empty file named after its process in private/open/,
// removed when it closes (a crashed process's mark is removed by the next look). Encrypting a workspace rewrites its
// database and every file, so it is refused while another window or `fieldtune` command has the workspace open.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from './processAlive.js';

const MARK = /^(\d+)-[0-9a-f]+$/;

/** The folder of the marks, relative to the workspace (encryption leaves these empty files as they are). */
export const OPEN_MARKS_DIR = join('private', 'open');

/** Marks the workspace as open by this process; returns what unmarks it. */
export function markOpen(root: string): () => void {
  const dir = join(root, OPEN_MARKS_DIR);
  mkdirSync(dir, { recursive: true });
  const mark = join(dir, `${process.pid}-${randomBytes(6).toString('hex')}`);
  writeFileSync(mark, '');
  return () => rmSync(mark, { force: true });
}

/** The pids of the processes that have the workspace open now (this one included, once per open); dead marks go. */
export function openedBy(root: string): number[] {
  const dir = join(root, OPEN_MARKS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    const m = MARK.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (processAlive(pid)) pids.push(pid);
    else rmSync(join(dir, name), { force: true });
  }
  return pids;
}
