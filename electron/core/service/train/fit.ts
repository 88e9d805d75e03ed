// Whether a run fits this machine: memory for its peak, disk for its data, checkpoints and adapter. Shared by the
// pre-flight estimate (which reports problems) and the start of a run (which refuses to begin without the disk).
import type { BaseModel, Sample } from '../../../contract/domain.js';
import type { PreflightEstimate } from '../../../contract/train.js';
import { trainingOptions, type TrainingSettings } from '../../../contract/training.js';

export interface MachineFigures {
  freeRamBytes: number;
  freeDiskBytes: number | null;
}

const GiB = 1024 ** 3;
const gib = (n: number) => `${(n / GiB).toFixed(1)} GB`;

/** Plain-words problems for memory and disk; the figures are injectable so the refusal can be tested. */
export function fitProblems(peakMemoryBytes: number, diskBytes: number, machine: MachineFigures): PreflightEstimate['problems'] {
  const problems: PreflightEstimate['problems'] = [];
  if (peakMemoryBytes > machine.freeRamBytes * 0.9) {
    problems.push({
      kind: 'memory',
      message: `Training needs about ${gib(peakMemoryBytes)} of memory and ${gib(machine.freeRamBytes)} is free. Close other programs, choose a smaller longest example, tick “Save memory”, or use a smaller or more compressed model.`,
    });
  }
  if (machine.freeDiskBytes !== null && diskBytes > machine.freeDiskBytes * 0.9) {
    problems.push({
      kind: 'disk',
      message: `Training writes about ${gib(diskBytes)} (its data, checkpoints and the adapter) and ${gib(machine.freeDiskBytes)} is free where the workspace is. Free some disk space first.`,
    });
  }
  return problems;
}

/** The adapter's size: rank x (in + out) per target per layer, 4 bytes, with room for fused and wider tensors. */
export function adapterBytesOf(model: BaseModel, settings: TrainingSettings): number {
  const embd = Number(model.metadata['embeddingLength'] ?? 0);
  const layers = Number(model.metadata['layers'] ?? 0);
  const targets = (settings.targets ?? trainingOptions.targets.default).length;
  return (settings.rank ?? 8) * 2 * embd * targets * layers * 4 * 2;
}

/**
 * The disk a run will write, known before anything is rendered: the training file (a token is 5 bytes: its id and its
 * loss mask; a token is about 3 characters of text, so about 2 bytes per character, rounded up), and the adapter
 * four times over (the adapter, its checkpoint copy and the optimizer's two moments).
 */
export function runDiskBytes(model: BaseModel, settings: TrainingSettings, samples: readonly Sample[]): number {
  let chars = 0;
  for (const s of samples) for (const m of s.messages) chars += m.content.length + 16;
  return chars * 2 + adapterBytesOf(model, settings) * 4;
}
