// The pre-flight estimate: the trainer's dry run (the real training file, two calibration steps, discarded) gives the
// time per step and the peak memory; the examples too long for the window are counted; the disk a run needs is the
// training file plus the adapter, its checkpoint and the optimizer's two moments. What will not fit on this machine
// is said with what to change. Nothing is written to the workspace.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { FieldtuneError } from '../../../contract/errors.js';
import type { PreflightEstimate } from '../../../contract/train.js';
import { trainingOptions } from '../../../contract/training.js';
import { trainOnSamples } from '../../train/trainOnSamples.js';
import type { Workspace } from '../../workspace.js';
import { freeDiskBytes } from '../../disk/freeSpace.js';
import { gatherExamples } from './inputs.js';
import { exampleLengths } from './presets.js';
import { requireModelFile, settleSettings, type StartInput } from './start.js';

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

export async function estimateRun(ws: Workspace, input: StartInput, machine?: MachineFigures): Promise<PreflightEstimate> {
  const model = requireModelFile(ws, input.modelId);
  const settings = await settleSettings(ws, input, model);
  const { mix } = gatherExamples(ws, input.datasets, settings.seed ?? 42);
  const lengths = await exampleLengths(ws, model, input.datasets);
  const maxSeq = settings.maxSeq ?? Math.min(Number(model.metadata['contextLength'] ?? 4096) || 4096, Math.ceil((lengths.at(-1) ?? 64) / 8) * 8);
  const dir = await mkdtemp(join(ws.filesDir, '.estimate-'));
  try {
    const { run, train } = await trainOnSamples({
      ...settings,
      base: model.path,
      samples: mix.samples,
      workDir: dir,
      out: join(dir, 'adapter.gguf'),
      logFile: join(dir, 'log'),
      dryRun: true,
    });
    const e = run.events.find((x) => x.type === 'estimate');
    if (!e || e.type !== 'estimate')
      throw new FieldtuneError('INVALID_INPUT', `The trainer could not estimate this run: ${run.error?.message ?? 'no estimate'}`);
    // the adapter: rank x (in + out) per target per layer, 4 bytes; a checkpoint adds the adapter and two moments
    const embd = Number(model.metadata['embeddingLength'] ?? 0);
    const layers = Number(model.metadata['layers'] ?? 0);
    const targets = (settings.targets ?? trainingOptions.targets.default).length;
    const adapterBytes = (settings.rank ?? 8) * 2 * embd * targets * layers * 4 * 2;
    const diskBytes = (await stat(train.path)).size + adapterBytes * 4;
    const figures = machine ?? { freeRamBytes: freemem(), freeDiskBytes: freeDiskBytes(ws.dir) };
    return {
      examples: mix.samples.length,
      tooLong: lengths.filter((n) => n > maxSeq).length,
      maxSeq,
      steps: e.steps,
      seconds: e.totalSeconds,
      secondsPerStep: e.secondsPerStep,
      peakMemoryBytes: e.peakMemoryBytes,
      diskBytes,
      problems: fitProblems(e.peakMemoryBytes, diskBytes, figures),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
