// Entry of the worker threads that detect one piece of a long text (piiLongText.ts): the task 'pii.detectPiece' and
// only the PII engine behind it. engineWorker.ts loads every task's code (the store, model discovery, zod: ~1.3 MB of
// JavaScript) before it runs one; a thread that only detects spent ~0.2 CPU s more starting up that way (bench/pii-RESULTS.md,
// speed round 14), paid once per core on every large file. Same messages as engineWorker.ts (runInWorker.ts reads them).
import { parentPort, workerData } from 'node:worker_threads';
import type { ErrorPayload } from '../../contract/errors.js';
import { guardNetwork } from '../network/guard.js';
import { detectPieceInput } from '../pii/chunks.js';
import { loadPiiResources } from '../pii/resources.js';
import type { WorkerTasks } from './tasks.js';

// detection never needs the network; a thread has its own sockets, so it gets its own guard (as engineWorker.ts)
guardNetwork(() => {});
const { input } = workerData as { input: WorkerTasks['pii.detectPiece']['input'] };
try {
  parentPort?.postMessage({ type: 'done', result: detectPieceInput(input, loadPiiResources(input.resourceDir)) });
} catch (e) {
  // contract/wire.ts toErrorPayload would bring zod back in; detection's own failures are all internal ones
  const error: ErrorPayload = { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
  parentPort?.postMessage({ type: 'error', error });
}
