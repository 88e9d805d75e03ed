// Entry of an engine worker thread: runs one task from tasks.ts on the data it was given, posts progress while it
// runs and its result (or a typed error) at the end. Progress leaves through the port at once, even from inside a
// synchronous loop, so the job's bar moves without the loop ever yielding.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../../contract/wire.js';
import { guardNetwork } from '../network/guard.js';
import { tasks, type OwnEntryTask, type TaskName } from './tasks.js';

// engine tasks never need the network: a thread has its own sockets, so it gets its own guard (the core logs none
// from here; a refusal surfaces as the task's error)
guardNetwork(() => {});
const { task, input } = workerData as { task: Exclude<TaskName, OwnEntryTask>; input: unknown };
const run = tasks[task] as (input: unknown, progress: (phase: string, current: number, total: number | null) => void) => unknown;
try {
  // Most tasks are synchronous loops; a task that streams a file (an import) returns a promise.
  const result = await run(input, (phase, current, total) => parentPort?.postMessage({ type: 'progress', phase, current, total }));
  parentPort?.postMessage({ type: 'done', result });
} catch (error) {
  parentPort?.postMessage({ type: 'error', error: toErrorPayload(error) });
}
