// What the sweep of dead processes' scratch folders removes, keeps and hands to the rescue of a training run's last
// checkpoint (the end-to-end case, a killed server in an encrypted workspace, is test/native/trainKill.test.ts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deadPid, tempDir } from '../../../test/unit/helpers.js';
import { markScratchRun, sweepScratch } from './scratch.js';

const tmp = tempDir('fieldtune-scratch-');
afterEach(() => tmp.cleanup());

describe('sweeping scratch folders', () => {
  it('removes a dead process’s folder, rescues its run first, and keeps one whose trainer still runs or that another workspace owns', async () => {
    process.env['FIELDTUNE_SCRATCH_ON_DISK'] = '1'; // under the workspace, so the test sees only its own folders
    try {
      const ws = join(tmp.dir, 'ws');
      const root = join(ws, 'private', 'scratch');
      mkdirSync(root, { recursive: true });
      const dead = await deadPid();
      const folder = (name: string) => {
        const dir = join(root, `scratch-${dead}-${name}`);
        mkdirSync(dir);
        return dir;
      };
      const plain = folder('aa01');
      const finished = folder('bb02');
      markScratchRun(finished, { runDir: join(ws, 'files', 'runs', 'r1'), workerPid: dead });
      const stillWriting = folder('cc03');
      markScratchRun(stillWriting, { runDir: join(ws, 'files', 'runs', 'r2'), workerPid: process.pid });
      const elsewhere = folder('dd04');
      mkdirSync(join(tmp.dir, 'other', 'files', 'runs', 'r3'), { recursive: true });
      markScratchRun(elsewhere, { runDir: join(tmp.dir, 'other', 'files', 'runs', 'r3') });
      const failing = folder('ee05');
      markScratchRun(failing, { runDir: join(ws, 'files', 'runs', 'r4') });
      writeFileSync(join(root, 'not-a-scratch-folder'), 'x');

      const rescued: string[] = [];
      const removed = sweepScratch(ws, (dir, runDir) => {
        if (dir === failing) throw new Error('disk full');
        rescued.push(runDir);
      });
      expect(removed.sort()).toEqual([plain, finished].sort());
      expect(rescued).toEqual([join(ws, 'files', 'runs', 'r1')]);
      for (const kept of [stillWriting, elsewhere, failing]) expect(existsSync(kept)).toBe(true);
      expect(existsSync(join(root, 'not-a-scratch-folder'))).toBe(true);
    } finally {
      delete process.env['FIELDTUNE_SCRATCH_ON_DISK'];
    }
  });
});
