// Runs one engine task (tasks.ts) in its own worker thread, so a long synchronous loop (MinHash over 100k rows, a PII
// scan) never blocks the core's event loop: requests, job events and cancels keep flowing. Cancelling ends the
// thread at once, wherever its loop is. Each call gets a fresh thread (start-up ~30-60 ms against seconds of work).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FieldtuneError } from '../../contract/errors.js';
import type { OwnEntryTask, TaskName, TaskProgress, WorkerTasks } from './tasks.js';

export interface WorkerRun {
  signal?: AbortSignal | undefined;
  onProgress?: TaskProgress | undefined;
  /** The error message when the signal aborts the task. */
  cancelledMessage?: string | undefined;
}

type Message =
  | { type: 'progress'; phase: string; current: number; total: number | null }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: Parameters<typeof FieldtuneError.fromPayload>[0] };

/** Tasks with an entry of their own that loads only their code: a thread's start-up is mostly loading JavaScript. */
const OWN_ENTRIES: { [K in OwnEntryTask]: string } = { 'pii.detectPiece': 'piiPieceWorker' };

/**
 * The task's entry (engineWorker, or its own): the bundled .mjs beside this module in a build (dist/cli,
 * dist/electron), else the TypeScript source through its .dev.mjs, which registers tsx (a dependency of the app) in
 * the thread.
 */
function workerEntry(task: TaskName): URL {
  const name = (OWN_ENTRIES as Partial<Record<TaskName, string>>)[task] ?? 'engineWorker';
  const bundled = new URL(`./${name}.mjs`, import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL(`./${name}.dev.mjs`, import.meta.url);
}

export function runInWorker<K extends TaskName>(task: K, input: WorkerTasks[K]['input'], run: WorkerRun = {}): Promise<WorkerTasks[K]['output']> {
  const cancelled = () => new FieldtuneError('CANCELLED', run.cancelledMessage ?? 'The job was cancelled.');
  if (run.signal?.aborted) return Promise.reject(cancelled());
  const entry = workerEntry(task);
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { task, input } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(cancelled()));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: Message) => {
      if (m.type === 'progress') run.onProgress?.(m.phase, m.current, m.total);
      else if (m.type === 'done') finish(() => resolve(m.result as WorkerTasks[K]['output']));
      else finish(() => reject(FieldtuneError.fromPayload(m.error)));
    });
    worker.on('error', (error) => finish(() => reject(new FieldtuneError('INTERNAL', `A background task failed: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new FieldtuneError('INTERNAL', `A background task stopped unexpectedly (exit code ${code}).`))));
  });
}
