// `fieldtune train`: file-mode LoRA training (no workspace): chat JSONL in, adapter GGUF out. With --json, stdout
// carries only the trainer's JSON event lines (the contract's TrainerEvent), ending with `done`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { checkTrainableBase } from '../../core/train/baseCheck.js';
import { readSamplesJsonl } from '../../core/train/samples.js';
import { trainerAvailable } from '../../core/train/supervisor.js';
import { trainOnSamples } from '../../core/train/trainOnSamples.js';
import type { CliCommand } from '../command.js';
import { trainingFlagOptions, trainingSettingsFrom, trainingUsageLines } from '../trainingFlags.js';
import { trainInWorkspace } from './trainWorkspace.js';
import { workspaceOption } from '../coreSession.js';

function requireString(v: unknown, flag: string): string {
  if (typeof v !== 'string' || v === '') throw new FieldtuneError('BAD_REQUEST', `Missing --${flag}`, [{ path: flag, message: 'required' }]);
  return v;
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'LoRA-train a model: on dataset versions of a workspace project, or on a chat JSONL file (file mode)',
  usage: [
    'Usage: fieldtune train --workspace DIR --project NAME|ID --dataset VERSION_ID [--dataset VERSION_ID:WEIGHT ...]',
    '                       [--base MODEL_ID|PATH] [--preset quick|balanced|thorough] [--continue-from RUN_ID|ADAPTER.gguf]',
    '                       [--replay SHARE] [--seed N] [training settings] [--json]',
    '       fieldtune train --base MODEL.gguf --data FILE.jsonl --out ADAPTER.gguf [training settings] [--json]',
    '',
    'Workspace mode trains on the train split of each version (every example of a version with no split), mixed by',
    'weight, validates on their validation splits, and records the run (fieldtune runs list). A --base path not yet',
    "registered is registered first; without --base, the project's usual model. --continue-from teaches an earlier",
    "run's adapter more, replaying SHARE (default 0.2) of that run's examples so it does not forget them. Settings",
    "given here override the preset's. Exit 0 succeeded, 1 failed, 75 interrupted (Ctrl-C: a checkpoint is kept;",
    'fieldtune runs resume ID continues). With --json the last stdout line is {"run":{...,"adapterPath":...}}.',
    '',
    'File mode:',
    'FILE.jsonl holds chat samples {"messages":[{"role":"user","content":...},{"role":"assistant",...}]} or',
    'prompt/completion pairs {"prompt":...,"completion":...}. Only the answers are in the loss.',
    '',
    '  --base FILE              base model (GGUF: F32, F16, Q8_0, Q4_0, K-quants)',
    '  --data FILE              training samples (JSONL)',
    '  --out FILE               adapter to write (llama.cpp LoRA GGUF)',
    '  --val FILE               validation samples (JSONL): validation loss after every epoch',
    '  --log FILE               trainer log (default: ADAPTER.gguf.log)',
    '',
    'Training settings (small files often want --lr 1e-3):',
    ...trainingUsageLines(),
  ].join('\n'),
  options: {
    base: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
    val: { type: 'string' },
    log: { type: 'string' },
    ...workspaceOption,
    project: { type: 'string' },
    dataset: { type: 'string', multiple: true },
    preset: { type: 'string' },
    'continue-from': { type: 'string' },
    replay: { type: 'string' },
    ...trainingFlagOptions,
  },
  async run(args, out) {
    const v = args.values;
    if (v['data'] === undefined && (v['project'] !== undefined || v['dataset'] !== undefined || v['workspace'] !== undefined))
      return trainInWorkspace(args, out);
    const base = requireString(v['base'], 'base');
    const data = requireString(v['data'], 'data');
    const adapter = requireString(v['out'], 'out');
    const settings = trainingSettingsFrom(args);
    if (!trainerAvailable()) {
      throw new FieldtuneError('INVALID_INPUT', 'the native trainer is not built: run `node native/build.mjs`');
    }
    await checkTrainableBase(base); // an unsupported architecture is refused before anything is written
    const dir = await mkdtemp(join(tmpdir(), 'fieldtune-train-'));
    try {
      out.log(`rendering ${data} with the base model's chat template ...`);
      const samples = await readSamplesJsonl(data);
      const valSamples = typeof v['val'] === 'string' ? await readSamplesJsonl(v['val']) : undefined;
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const { run: result } = await trainOnSamples({
        ...settings,
        base,
        samples,
        valSamples,
        workDir: dir,
        out: adapter,
        logFile: typeof v['log'] === 'string' ? v['log'] : `${adapter}.log`,
        signal: controller.signal,
        beforeRun: ({ train }) => out.log(`${train.sequences} sequences, ${train.tokens} tokens (${train.targetTokens} in the loss)`),
        onEvent(e) {
          if (out.json) out.result(e);
          else if (e.type === 'step')
            out.log(`step ${e.step}/${e.totalSteps}  loss ${e.loss.toFixed(4)}  ${e.tokensPerSecond.toFixed(0)} tok/s  eta ${e.etaSeconds.toFixed(0)} s`);
          else if (e.type === 'eval') out.log(`validation loss ${e.valLoss.toFixed(4)} (perplexity ${e.valPerplexity.toFixed(2)})`);
          else if (e.type === 'checkpoint') out.log(`checkpoint (${e.reason}) at step ${e.step}: ${e.path}`);
        },
      });
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (result.done) {
        if (!out.json)
          out.result(
            result.done,
            `Wrote ${result.done.adapterPath}: ${result.done.steps} steps, train loss ${result.done.trainLoss ?? '-'}, ${result.done.seconds.toFixed(1)} s`,
          );
        return 0;
      }
      if (result.interrupted) {
        out.log(`stopped; resume from checkpoint ${result.checkpoint ?? '(none)'}`);
        return 75;
      }
      const err = result.error;
      if (out.json && err && err.code === 'protocol') out.result(err);
      throw new FieldtuneError('INVALID_INPUT', `training failed: ${err?.message ?? 'unknown error'} [${err?.code ?? '?'}]`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
