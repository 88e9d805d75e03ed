import { stat } from 'node:fs/promises';
import { freemem } from 'node:os';
import type { Llama, LlamaModel, LlamaModelOptions } from 'node-llama-cpp';
import { FieldtuneError } from '../../contract/errors.js';
import { checkGgufFile } from '../gguf/check.js';

let llamaPromise: Promise<Llama> | null = null;

/**
 * The one node-llama-cpp runtime of this process (CPU, never builds, errors-only logging). Loaded lazily, since
 * importing node-llama-cpp costs about a second, and shared, so tokenizing, rendering and evaluating use one instance.
 */
export function sharedLlama(): Promise<Llama> {
  llamaPromise ??= (async () => {
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    return getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  })();
  return llamaPromise;
}

/** Loads a model in the shared runtime once its header has been checked: a bad file gets a sentence, not a hang. */
export async function loadCheckedModel(options: LlamaModelOptions): Promise<LlamaModel> {
  await checkGgufFile(options.modelPath);
  return (await sharedLlama()).loadModel(options);
}

/** Memory a model needs to load for generation: its weights plus room for the context and buffers. */
export function memoryToLoad(modelBytes: number): number {
  return Math.round(modelBytes * 1.05) + 256 * 1024 * 1024;
}

/**
 * Refuses to load a model for generation (chat, evaluation) that would not fit in free memory: the machine would swap
 * for minutes or the process be killed, and a person would see neither why nor what to do. `free` is injectable.
 */
export async function assertModelFits(modelPath: string, free: number = freemem()): Promise<void> {
  const needed = memoryToLoad((await stat(modelPath)).size);
  if (needed <= free) return;
  const gb = (n: number) => `${(n / 1e9).toFixed(1)} GB`;
  throw new FieldtuneError(
    'INVALID_INPUT',
    `This model needs about ${gb(needed)} of memory to answer, and ${gb(free)} is free. Close other programs, or pick a smaller (more compressed) model, and try again.`,
    { details: { reason: 'memory', neededBytes: needed, freeBytes: free } },
  );
}
