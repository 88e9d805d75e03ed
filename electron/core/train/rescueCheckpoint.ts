// An encrypted workspace's trainer works in a scratch folder (disk/scratch.ts). When its host is killed, the trainer
// sees its stdin close and writes a last checkpoint there, after the host that would have encrypted it into the run
// folder is gone. The next open of the workspace (or the next look at its runs) hands such a folder here before it is
// deleted: the checkpoint and the trainer's log are encrypted into the run folder, so the run resumes from where it
// stopped, as in a plain workspace.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../disk/atomicWrite.js';
import type { ScratchRescue } from '../disk/scratch.js';

/** The trainer's checkpoint file name in its checkpoint folder (native/src: one file, replaced at each checkpoint). */
export const CHECKPOINT_FILE = 'checkpoint.gguf';

export const rescueCheckpoint: ScratchRescue = (scratchDir, runDir) => {
  const checkpoint = join(scratchDir, 'checkpoints', CHECKPOINT_FILE);
  // the trainer renames a finished checkpoint into place, so one that exists is whole; it is also the newest, since
  // every checkpoint the host saw was encrypted into the run folder when it was written
  if (existsSync(checkpoint)) {
    mkdirSync(join(runDir, 'checkpoints'), { recursive: true });
    writeFileAtomic(join(runDir, 'checkpoints', CHECKPOINT_FILE), readFileSync(checkpoint));
  }
  const log = join(scratchDir, 'trainer.log');
  if (existsSync(log) && existsSync(runDir)) writeFileAtomic(join(runDir, 'trainer.log'), readFileSync(log));
};
