import type { Llama } from 'node-llama-cpp';

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
