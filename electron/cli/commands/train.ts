// `fieldtune train`: file-mode LoRA training (no workspace): chat JSONL in, adapter GGUF out. With --json, stdout
// carries only the trainer's JSON event lines (the contract's TrainerEvent), ending with `done`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { checkTrainableBase } from '../../core/train/baseCheck.js';
import { readSamplesJsonl } from '../../core/train/samples.js';
import { runTrainer, trainerAvailable, type TrainerSettings } from '../../core/train/supervisor.js';
import { buildTrainingFile } from '../../core/train/trainingData.js';
import type { CliCommand } from '../command.js';

const NUMERIC = { epochs: 'epochs', rank: 'rank', alpha: 'alpha', lr: 'lr', 'max-seq': 'maxSeq', threads: 'threads' } as const;

function num(flag: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) throw new FieldtuneError('BAD_REQUEST', `--${flag} must be a number (got ${String(raw)})`, [{ path: flag, message: 'expected a number' }]);
  return n;
}

function requireString(v: unknown, flag: string): string {
  if (typeof v !== 'string' || v === '') throw new FieldtuneError('BAD_REQUEST', `Missing --${flag}`, [{ path: flag, message: 'required' }]);
  return v;
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'LoRA-train a GGUF model on a chat JSONL file (file mode, no workspace)',
  usage: [
    'Usage: fieldtune train --base MODEL.gguf --data FILE.jsonl --out ADAPTER.gguf [options] [--json]',
    '',
    'FILE.jsonl holds chat samples {"messages":[{"role":"user","content":...},{"role":"assistant",...}]} or',
    'prompt/completion pairs {"prompt":...,"completion":...}. Only the answers are in the loss.',
    '',
    '  --base FILE      base model (GGUF: F32, F16, Q8_0, Q4_0, K-quants)',
    '  --data FILE      training samples (JSONL)',
    '  --out FILE       adapter to write (llama.cpp LoRA GGUF)',
    '  --val FILE       validation samples (JSONL): validation loss after every epoch',
    '  --epochs N       passes over the data (default 3)',
    '  --rank N         LoRA rank (default 8)',
    '  --alpha N        LoRA alpha; the update is scaled by alpha / rank (default 16)',
    '  --lr N           learning rate (default 2e-4; small files often want 1e-3)',
    '  --max-seq N      longest sample in tokens; longer ones are skipped (default: longest sample)',
    '  --threads N      CPU threads (default: all cores)',
    '  --low-memory     skip the transposed weight copies (one weight-sized buffer less; slower)',
    '  --log FILE       trainer log (default: ADAPTER.gguf.log)',
  ].join('\n'),
  options: {
    base: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
    val: { type: 'string' },
    log: { type: 'string' },
    epochs: { type: 'string' },
    rank: { type: 'string' },
    alpha: { type: 'string' },
    lr: { type: 'string' },
    'max-seq': { type: 'string' },
    threads: { type: 'string' },
    'low-memory': { type: 'boolean' },
  },
  async run(args, out) {
    const v = args.values;
    const base = requireString(v['base'], 'base');
    const data = requireString(v['data'], 'data');
    const adapter = requireString(v['out'], 'out');
    if (!trainerAvailable()) {
      throw new FieldtuneError('INVALID_INPUT', 'the native trainer is not built: run `node native/build.mjs`');
    }
    const settings: TrainerSettings = v['low-memory'] === true ? { lowMemory: true } : {};
    for (const [flag, key] of Object.entries(NUMERIC)) {
      const n = num(flag, v[flag]);
      if (n !== undefined) Object.assign(settings, { [key]: n });
    }
    await checkTrainableBase(base); // an unsupported architecture is refused before anything is written
    const dir = await mkdtemp(join(tmpdir(), 'fieldtune-train-'));
    try {
      out.log(`rendering ${data} with the base model's chat template ...`);
      const train = await buildTrainingFile(base, await readSamplesJsonl(data), join(dir, 'train.fttrain'));
      out.log(`${train.sequences} sequences, ${train.tokens} tokens (${train.targetTokens} in the loss)`);
      let valFile: string | undefined;
      if (typeof v['val'] === 'string') {
        valFile = (await buildTrainingFile(base, await readSamplesJsonl(v['val']), join(dir, 'val.fttrain'))).path;
      }
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const result = await runTrainer({
        ...settings,
        base,
        trainFile: train.path,
        ...(valFile ? { valFile } : {}),
        out: adapter,
        logFile: typeof v['log'] === 'string' ? v['log'] : `${adapter}.log`,
        signal: controller.signal,
        onEvent(e) {
          if (out.json) out.result(e);
          else if (e.type === 'step') out.log(`step ${e.step}/${e.totalSteps}  loss ${e.loss.toFixed(4)}  ${e.tokensPerSecond.toFixed(0)} tok/s  eta ${e.etaSeconds.toFixed(0)} s`);
          else if (e.type === 'eval') out.log(`validation loss ${e.valLoss.toFixed(4)} (perplexity ${e.valPerplexity.toFixed(2)})`);
          else if (e.type === 'checkpoint') out.log(`checkpoint (${e.reason}) at step ${e.step}: ${e.path}`);
        },
      });
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (result.done) {
        if (!out.json) out.result(result.done, `Wrote ${result.done.adapterPath}: ${result.done.steps} steps, train loss ${result.done.trainLoss ?? '-'}, ${result.done.seconds.toFixed(1)} s`);
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
