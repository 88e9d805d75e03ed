// Runs native/fieldtune-train as a supervised child process: a crash or an assert in llama.cpp cannot take the app
// down. Every stdout line must parse as a TrainerEvent (anything else is a protocol error); stderr goes to a log
// file; cancel = SIGTERM (the trainer finishes its step and writes a checkpoint) then SIGKILL after a grace period;
// resume = the same run again with --resume <checkpoint>. The trainer also stops by itself when our end of its stdin
// closes, so it never outlives this process.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { TrainerEvent } from '../../contract/trainerEvents.js';
import { TRAINING_OPTION_KEYS, trainingOptions, type TrainingOption, type TrainingSettings } from '../../contract/training.js';
import { appRoot } from '../appPaths.js';

export type TrainerDoneEvent = Extract<TrainerEvent, { type: 'done' }>;
export type TrainerErrorEvent = Extract<TrainerEvent, { type: 'error' }>;

/** Exit code of a run stopped by a signal or parent exit after writing its checkpoint (native/src/protocol.h). */
export const EXIT_INTERRUPTED = 75;

const EXE = process.platform === 'win32' ? '.exe' : '';

/** Folder holding fieldtune-train, llama-export-lora and llama-quantize (FIELDTUNE_NATIVE_BIN overrides). */
export function nativeBinDir(): string {
  const fromEnv = process.env['FIELDTUNE_NATIVE_BIN'];
  if (fromEnv) return resolve(fromEnv);
  // From the app root, not a fixed depth from this file: the same code runs from source and from dist/cli.
  return join(appRoot(), 'native', 'build', 'bin');
}

export function nativeTool(name: 'fieldtune-train' | 'llama-export-lora' | 'llama-quantize' | 'llama-bench'): string {
  return join(nativeBinDir(), name + EXE);
}

export function trainerAvailable(): boolean {
  return existsSync(nativeTool('fieldtune-train'));
}

/** The trainer's settings: one table in the contract (electron/contract/training.ts) describes every one. */
export type TrainerSettings = TrainingSettings;

export interface TrainerRunOptions extends TrainerSettings {
  base: string;
  trainFile: string;
  valFile?: string;
  out: string;
  baseSha256?: string;
  checkpointDir?: string;
  resume?: string;
  dryRun?: boolean;
  /** stderr of the trainer is appended here. */
  logFile: string;
  signal?: AbortSignal;
  /** Milliseconds between SIGTERM and SIGKILL on cancel (default 60 s: the current step finishes first). */
  killAfterMs?: number;
  onEvent?: (event: TrainerEvent) => void;
  /** The trainer's pid, once it is started. */
  onSpawn?: (pid: number) => void;
  /** Extra raw arguments (tests use the trainer's test-only flags). */
  extraArgs?: readonly string[];
}

export interface TrainerRunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  done: TrainerDoneEvent | null;
  error: TrainerErrorEvent | null;
  /** Last checkpoint the trainer reported (resume from it). */
  checkpoint: string | null;
  /** Stopped on request (cancel / signal) with a checkpoint written. */
  interrupted: boolean;
  events: TrainerEvent[];
}

export function trainerArgs(o: TrainerRunOptions): string[] {
  const a = ['--base', o.base, '--train', o.trainFile, '--out', o.out];
  if (o.valFile) a.push('--val', o.valFile);
  for (const key of TRAINING_OPTION_KEYS) {
    const option: TrainingOption = trainingOptions[key];
    const value = o[key];
    if (value === undefined || value === null) continue;
    if (option.type === 'boolean') {
      if (value === true) a.push(option.flag);
    } else a.push(option.flag, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (o.baseSha256) a.push('--base-sha256', o.baseSha256);
  if (o.checkpointDir) a.push('--checkpoint-dir', o.checkpointDir);
  if (o.resume) a.push('--resume', o.resume);
  if (o.dryRun) a.push('--dry-run');
  if (o.extraArgs) a.push(...o.extraArgs);
  return a;
}

/**
 * The trainer's environment. ggml's CPU graph ends every node (~2,000 a step) with an OpenMP barrier, where libgomp
 * spins ~300k times before it sleeps: when another program holds one of the cores, the waiting thread keeps spinning
 * on the core the working thread needs, and a step became 3-5x slower (bench/train-bench.ts, rows F32-spin-10k and
 * F32-passive; native/README.md). A 10k spin count gave 2-4x the default's speed under that load and cost 1.2% on a
 * quiet machine. libgomp reads it when it loads, so it is set here, in the spawn environment; a user's own
 * GOMP_SPINCOUNT or OMP_WAIT_POLICY wins.
 */
export function trainerEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env['GOMP_SPINCOUNT'] !== undefined || env['OMP_WAIT_POLICY'] !== undefined) return { ...env };
  return { ...env, GOMP_SPINCOUNT: '10000' };
}

export function runTrainer(o: TrainerRunOptions): Promise<TrainerRunResult> {
  const bin = nativeTool('fieldtune-train');
  if (!existsSync(bin)) {
    return Promise.reject(new Error(`the trainer is not built (${bin} missing): run \`node native/build.mjs\``));
  }
  return new Promise((resolvePromise, reject) => {
    const log = createWriteStream(o.logFile, { flags: 'a' });
    // stdin stays an open pipe: when this process dies the trainer sees EOF and stops with a checkpoint
    const child = spawn(bin, trainerArgs(o), { stdio: ['pipe', 'pipe', 'pipe'], env: trainerEnvironment() });
    if (child.pid !== undefined) o.onSpawn?.(child.pid);
    const result: TrainerRunResult = {
      exitCode: null,
      signal: null,
      done: null,
      error: null,
      checkpoint: null,
      interrupted: false,
      events: [],
    };
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const cancel = () => {
      if (cancelled || child.exitCode !== null) return;
      cancelled = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), o.killAfterMs ?? 60_000);
      killTimer.unref();
    };
    if (o.signal?.aborted) cancel();
    o.signal?.addEventListener('abort', cancel, { once: true });

    child.stderr.pipe(log);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let parsed: ReturnType<typeof TrainerEvent.safeParse>;
      try {
        parsed = TrainerEvent.safeParse(JSON.parse(line));
      } catch {
        parsed = TrainerEvent.safeParse(undefined);
      }
      if (!parsed.success) {
        result.error ??= { type: 'error', code: 'protocol', message: `unexpected trainer output: ${line.slice(0, 200)}` };
        return;
      }
      const event = parsed.data;
      result.events.push(event);
      if (event.type === 'done') result.done = event;
      if (event.type === 'error') result.error = event;
      if (event.type === 'checkpoint') result.checkpoint = event.path;
      o.onEvent?.(event);
    });
    child.on('error', (err) => {
      log.end();
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      o.signal?.removeEventListener('abort', cancel);
      result.exitCode = code;
      result.signal = signal;
      result.interrupted = code === EXIT_INTERRUPTED;
      if (!result.done && !result.error && !result.interrupted && !(o.dryRun && code === 0)) {
        result.error = {
          type: 'error',
          code: signal ? 'killed' : 'crashed',
          message: signal ? `the trainer was killed (${signal})` : `the trainer exited with code ${String(code)} without a result; see ${o.logFile}`,
        };
      }
      log.end(() => resolvePromise(result));
    });
  });
}
