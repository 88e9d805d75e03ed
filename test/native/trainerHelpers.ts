// Shared setup for the native trainer tests: the built binary (missing = a failing test that says how to build it),
// demo models, training files and a runner that parses the JSON-lines protocol.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrainerEvent } from '../../electron/contract/trainerEvents.js';
import type { Sample } from '../../electron/contract/domain.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { nativeTool } from '../../electron/core/train/supervisor.js';
import { readSamplesJsonl } from '../../electron/core/train/samples.js';
import { renderSamples } from '../../electron/core/train/trainingData.js';
import { writeTrainingFile, type MaskedSample } from '../../electron/core/train/trainingFile.js';
import { tempFolder } from '../unit/helpers.js';

export const TRAINER = nativeTool('fieldtune-train');
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'train');

/** Throws (failing the test) when the native tools are not built: never a silent skip. */
export function requireTrainer(): void {
  if (!existsSync(TRAINER)) {
    throw new Error(`native trainer not built (${TRAINER} missing): run \`node native/build.mjs\` first`);
  }
}

/** A fresh folder under the OS temp folder, removed when the test file's tests are done. */
export function tempDir(prefix = 'ft-native-'): string {
  return tempFolder(prefix);
}

/** A tiny demo model (2 layers, 128 wide, real phi-3 vocabulary and chat template), cached per test process. */
const models = new Map<string, Promise<string>>();
export function demoModel(dir: string, shape: { layers?: number; embd?: number; ff?: number; ctx?: number } = {}): Promise<string> {
  const key = JSON.stringify(shape);
  let p = models.get(key);
  if (!p) {
    const out = join(dir, `demo-${models.size}.gguf`);
    p = writeDemoModel({ out, layers: shape.layers ?? 2, embd: shape.embd ?? 128, ff: shape.ff ?? 256, ctx: shape.ctx ?? 256, seed: 7 }).then((r) => r.path);
    models.set(key, p);
  }
  return p;
}

export interface TrainerFixture {
  dir: string;
  base: string;
  /** Training file of the chat fixture, rendered for base. */
  train: string;
}

/** The setup most trainer tests share: the trainer built, a fresh folder, a demo model and its training file. */
export async function trainerFixture(shape?: Parameters<typeof demoModel>[1]): Promise<TrainerFixture> {
  requireTrainer();
  const dir = tempDir();
  const base = await demoModel(dir, shape);
  const train = join(dir, 'train.fttrain');
  await trainingFile(base, await chatSamples(), train);
  return { dir, base, train };
}

export async function chatSamples(file = 'chat.jsonl'): Promise<Sample[]> {
  return readSamplesJsonl(join(FIXTURES, file));
}

export async function trainingFile(
  base: string,
  samples: readonly Sample[],
  path: string,
  remask?: (s: MaskedSample) => MaskedSample,
): Promise<MaskedSample[]> {
  let rendered: MaskedSample[] = await renderSamples(base, samples);
  if (remask) rendered = rendered.map(remask);
  await writeTrainingFile(path, rendered, 0);
  return rendered;
}

export interface RunResult {
  code: number | null;
  events: TrainerEvent[];
  stdout: string;
  stderr: string;
}

/** Runs the trainer; every stdout line must parse as a TrainerEvent (the test fails otherwise). */
export function runTrainerRaw(args: readonly string[], opts: { killAfterStep?: number; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TRAINER, [...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    let buffered = '';
    const events: TrainerEvent[] = [];
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const e = TrainerEvent.parse(JSON.parse(line));
        events.push(e);
        if (opts.killAfterStep !== undefined && e.type === 'step' && e.step === opts.killAfterStep) child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (buffered.trim() !== '') events.push(TrainerEvent.parse(JSON.parse(buffered)));
      resolve({ code, events, stdout, stderr });
    });
  });
}

/** Adapter tensors of a GGUF written by the trainer, by name (F32 data as raw bytes for exact comparisons). */
export function adapterTensors(path: string): Map<string, Float32Array> {
  const buf = readFileSync(path);
  let o = 8;
  const u64 = () => {
    const v = Number(buf.readBigUInt64LE(o));
    o += 8;
    return v;
  };
  const u32 = () => {
    const v = buf.readUInt32LE(o);
    o += 4;
    return v;
  };
  const str = () => {
    const n = u64();
    const s = buf.toString('utf8', o, o + n);
    o += n;
    return s;
  };
  o = 4; // magic
  u32(); // version
  const nTensors = u64();
  const nKv = u64();
  let alignment = 32;
  const skipValue = (type: number): unknown => {
    const sizes: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
    if (type === 8) return str();
    if (type === 9) {
      const t = u32();
      const n = u64();
      for (let i = 0; i < n; i++) skipValue(t);
      return undefined;
    }
    const size = sizes[type];
    if (size === undefined) throw new Error(`unknown GGUF type ${type}`);
    const v = size === 4 && type === 4 ? buf.readUInt32LE(o) : undefined;
    o += size;
    return v;
  };
  for (let i = 0; i < nKv; i++) {
    const key = str();
    const v = skipValue(u32());
    if (key === 'general.alignment' && typeof v === 'number') alignment = v;
  }
  const infos: { name: string; n: number; offset: number }[] = [];
  for (let i = 0; i < nTensors; i++) {
    const name = str();
    const dims = u32();
    let n = 1;
    for (let d = 0; d < dims; d++) n *= u64();
    u32(); // type (F32)
    infos.push({ name, n, offset: u64() });
  }
  const dataStart = Math.ceil(o / alignment) * alignment;
  const out = new Map<string, Float32Array>();
  for (const t of infos) {
    const start = dataStart + t.offset;
    out.set(t.name, new Float32Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + start + 4 * t.n)));
  }
  return out;
}

/** The largest difference between two adapters' tensors; Infinity when their tensor names or shapes differ. */
export function maxDiff(a: Map<string, Float32Array>, b: Map<string, Float32Array>): number {
  if (a.size !== b.size) return Infinity;
  let d = 0;
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y || y.length !== x.length) return Infinity;
    for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs((x[i] ?? 0) - (y[i] ?? 0)));
  }
  return d;
}
