// Progress of generation while replies stream in: each reply counts by the word pieces written of at most
// maxNewTokens, and whole once it has ended, so the share done (and the time left) moves with every token rather than
// only when a reply finishes. One instance per run; `batch(before)` gives the options of one generate() call that
// starts after `before` steps.
import type { GenerateOptions } from '../../eval/generator.js';

export function streamProgress(total: number, o: { maxNewTokens: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void }) {
  return {
    batch(before: number): GenerateOptions {
      const streaming = new Map<number, number>();
      let finished = 0;
      const report = () => {
        let partial = 0;
        for (const n of streaming.values()) partial += Math.min(1, n / o.maxNewTokens);
        o.onProgress?.(Math.min(before + finished + partial, total), total);
      };
      return {
        maxNewTokens: o.maxNewTokens,
        ...(o.signal ? { signal: o.signal } : {}),
        onToken: (i, written) => {
          streaming.set(i, written);
          report();
        },
        onAnswer: (done, index) => {
          finished = done;
          if (index !== undefined)
            streaming.delete(index); // an ended reply counts whole, in `finished`
          else streaming.clear();
          report();
        },
      };
    },
  };
}
