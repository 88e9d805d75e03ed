// The pre-flight estimate: the trainer's dry run (the real training file, a warm-up and four timed calibration windows,
// discarded; their median stands for a step) gives the time per step and the peak memory, plus what the dry run spent
// besides those windows (rendering, loading) and the checks a run makes before its trainer starts; the examples too
// long for the window are counted; the disk a run needs is the training file plus the adapter, its checkpoint and the
// optimizer's two moments. What will not fit on this machine is said with what to change. Nothing is written to the
// workspace but the base's fingerprint in its cache.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { makeScratchDir } from '../../disk/scratch.js';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { FieldtuneError } from '../../../contract/errors.js';
import type { PreflightEstimate } from '../../../contract/train.js';
import { trainOnSamples } from '../../train/trainOnSamples.js';
import type { Workspace } from '../../workspace.js';
import { freeDiskBytes } from '../../disk/freeSpace.js';
import { adapterBytesOf, fitProblems, type MachineFigures } from './fit.js';
import { gatherExamples } from './inputs.js';
import { exampleLengths } from './presets.js';
import { checkBaseBeforeRun, requireModelFile, settleSettings, type StartInput } from './start.js';
import { checkGgufFile } from '../../gguf/check.js';
import { fingerprintOf } from '../models/models.js';

export { fitProblems, type MachineFigures } from './fit.js';

export async function estimateRun(ws: Workspace, input: StartInput, machine?: MachineFigures): Promise<PreflightEstimate> {
  const model = requireModelFile(ws, input.modelId);
  const settings = await settleSettings(ws, input, model);
  const { mix } = gatherExamples(ws, input.datasets, settings.seed ?? 42);
  const lengths = await exampleLengths(ws, model, input.datasets);
  const maxSeq = settings.maxSeq ?? Math.min(Number(model.metadata['contextLength'] ?? 4096) || 4096, Math.ceil((lengths.at(-1) ?? 64) / 8) * 8);
  // the checks a run makes before its trainer starts, and the base's fingerprint (cached for the run if it is not
  // yet): timed, since on small runs they are a good part of the wait after Start
  const checksStarted = performance.now();
  await checkGgufFile(model.path);
  await checkBaseBeforeRun(model.path, settings);
  await fingerprintOf(ws, model.path);
  const checksSeconds = (performance.now() - checksStarted) / 1000;
  // an encrypted workspace's plain training file goes to its private scratch folder (disk/scratch.ts)
  const dir = ws.encryptionKey ? makeScratchDir(ws.dir) : await mkdtemp(join(ws.filesDir, '.estimate-'));
  try {
    const started = performance.now();
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
    // What a run spends besides its steps (rendering the examples, loading the model, writing the adapter) is what the
    // dry run spent besides its calibration windows (one warm-up and four timed: CALIBRATION_WINDOWS in trainer.cpp).
    const overhead = Math.max(0, (performance.now() - started) / 1000 - (5 * e.secondsPerStep) / (settings.gradAccum ?? 1));
    const diskBytes = (await stat(train.path)).size + adapterBytesOf(model, settings) * 4;
    const figures = machine ?? { freeRamBytes: freemem(), freeDiskBytes: freeDiskBytes(ws.dir) };
    return {
      examples: mix.samples.length,
      tooLong: lengths.filter((n) => n > maxSeq).length,
      maxSeq,
      longExamples: settings.longExamples === 'truncate' ? 'truncate' : 'skip',
      steps: e.steps,
      seconds: checksSeconds + e.totalSeconds + overhead,
      secondsPerStep: e.secondsPerStep,
      peakMemoryBytes: e.peakMemoryBytes,
      diskBytes,
      problems: fitProblems(e.peakMemoryBytes, diskBytes, figures),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
