// The engine work that runs in worker threads: each task takes plain data (structured-cloneable: no database
// handles, no functions) and returns plain data. A task may report progress; it is cancelled by ending its thread,
// so its loops stay synchronous and need no hand-written yields.
import type { CleanReview } from '../../contract/datasets.js';
import { reviewMembers, type ReviewMember, type ReviewOptions } from '../data/review.js';
import { detectDataset } from '../pii/dataset.js';
import { loadPiiResources } from '../pii/resources.js';
import type { PiiSpan } from '../pii/types.js';

export type TaskProgress = (phase: string, current: number, total: number | null) => void;

export interface WorkerTasks {
  /** The dry run of cleaning (normalize, length filters, exact and near copies, conflicts). */
  'dataset.review': { input: { versionId: string; members: ReviewMember[]; options: ReviewOptions }; output: CleanReview };
  /** Personal-data detection over many texts (two passes: names found anywhere are looked for everywhere). */
  'pii.detect': { input: { texts: string[]; resourceDir?: string }; output: PiiSpan[][] };
  /** Test and bench helper: spins the thread for `ms` milliseconds (proves cancel and isolation). */
  busy: { input: { ms: number }; output: { spun: number } };
}
export type TaskName = keyof WorkerTasks;

type Impl = { [K in TaskName]: (input: WorkerTasks[K]['input'], progress: TaskProgress) => WorkerTasks[K]['output'] };

export const tasks: Impl = {
  'dataset.review': ({ versionId, members, options }, progress) => reviewMembers(versionId, members, options, progress),
  'pii.detect': ({ texts, resourceDir }, progress) => {
    const resources = loadPiiResources(resourceDir);
    const records = texts.map((text, i) => ({ id: String(i), text }));
    let last = 0;
    return detectDataset(records, {
      resources,
      onProgress: (_phase, done, total) => {
        // Posting a message per text would cost more than detecting it; a few per second is plenty.
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        progress('Looking for personal data', Math.round(done * 2), total * 2);
      },
    });
  },
  busy: ({ ms }) => {
    const start = Date.now();
    let spun = 0;
    while (Date.now() - start < ms) spun += 1;
    return { spun };
  },
};
