// One-shot check of a GPU build of the trainer (run by native/gpu-check.sh after it builds one): the gradient check
// against finite differences and against the CPU build, where each op of a training step ran (a backend that lacks
// an op silently leaves it to the CPU), a short training run whose loss must fall, an exact-resume check, and the
// bench's step speed against the CPU build, then one summary. Exit code 0 only when every check that ran passed.
// Usage: npx tsx bench/gpu-check.ts --bin native/build/bin-vulkan [--cpu-bin native/build/bin] [--label vulkan]
//          [--gpu-layers 999] [--threads 2] [--bench-shape bench|small] [--bench-steps 12] [--dir /tmp/ft-gpu-check]
//          [--device "name printed in the summary"] [--exact-env NAME=VALUE]
// --exact-env: the setting that makes the backend's products full F32 (Vulkan: GGML_VK_DISABLE_F16=1). Where the
// device's products round their inputs to fp16, the loss moves in fp16-sized steps and finite differences of it are
// noise; the finite-difference check then runs with that setting, and the default path is compared with the CPU build.
// With --bin equal to --cpu-bin it checks the CPU build alone (the comparisons are then skipped, saying why).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TrainerEvent } from '../electron/contract/trainerEvents.js';
import { writeDemoModel } from '../electron/core/demoModel/index.js';
import { adapterTensors, chatSamples, maxDiff, trainingFile } from '../test/native/trainerHelpers.js';
import {
  compareGradients,
  finiteDifferenceFailures,
  HEAVY_OPS,
  median,
  parseOpBackends,
  splitByDevice,
  summary,
  type CheckLine,
  type GradPoint,
} from './gpuCheckReport.js';

const { values } = parseArgs({
  options: {
    bin: { type: 'string' },
    'cpu-bin': { type: 'string' },
    label: { type: 'string' },
    'gpu-layers': { type: 'string' },
    threads: { type: 'string' },
    'bench-shape': { type: 'string' },
    'bench-steps': { type: 'string' },
    dir: { type: 'string' },
    device: { type: 'string' },
    'exact-env': { type: 'string' },
  },
});
if (!values.bin) {
  console.error('usage: npx tsx bench/gpu-check.ts --bin DIR [--cpu-bin DIR] [--label NAME] [--bench-shape bench|small]');
  process.exit(2);
}
const BIN = resolve(values.bin);
const CPU_BIN = resolve(values['cpu-bin'] ?? 'native/build/bin');
const LABEL = values.label ?? 'gpu';
const SAME_BUILD = BIN === CPU_BIN;
const GPU_LAYERS = values['gpu-layers'] ?? '999';
const THREADS = values.threads ?? '2';
const BENCH_STEPS = Number(values['bench-steps'] ?? 12);
// the bench model of bench/train-bench.ts, or a small one where each step is slow (a software driver)
const BENCH_SHAPE = values['bench-shape'] === 'small' ? { layers: 4, embd: 256, ff: 512, ctx: 128 } : { layers: 12, embd: 768, ff: 2048, ctx: 256 };
const DIR = values.dir ?? '/tmp/fieldtune-gpu-check';
const EXACT_ENV: Record<string, string> = {};
if (values['exact-env']) {
  const [name, value] = values['exact-env'].split('=');
  if (!name || value === undefined) {
    console.error('--exact-env needs NAME=VALUE');
    process.exit(2);
  }
  EXACT_ENV[name] = value;
}
const EXACT_LABEL = Object.entries(EXACT_ENV).map(([k, v]) => `${k}=${v}`)[0];
mkdirSync(DIR, { recursive: true });
for (const b of new Set([BIN, CPU_BIN])) {
  if (!existsSync(join(b, 'fieldtune-train'))) {
    console.error(`no fieldtune-train in ${b}: build it first (native/gpu-check.sh does)`);
    process.exit(2);
  }
}

interface Run {
  code: number | null;
  events: TrainerEvent[];
  stderr: string;
  seconds: number;
}

function trainer(bin: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  // the GPU build offloads every layer; the CPU build ignores --gpu-layers (no device to put them on)
  const all = bin === CPU_BIN && !SAME_BUILD ? args : [...args, '--gpu-layers', GPU_LAYERS];
  const t0 = performance.now();
  return new Promise((res, rej) => {
    const child = spawn(join(bin, 'fieldtune-train'), [...all, '--no-stdin-watch'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => {
      const events = out
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => TrainerEvent.parse(JSON.parse(l)));
      res({ code, events, stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

/** Last meaningful stderr line, for a failure's detail. */
const why = (r: Run) => `exit ${String(r.code)}: ${r.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`;
const steps = (r: Run) => r.events.flatMap((e) => (e.type === 'step' ? [e] : []));

const checks: CheckLine[] = [];
const t0 = performance.now();
const base = (await writeDemoModel({ out: join(DIR, 'demo.gguf'), layers: 2, embd: 128, ff: 256, ctx: 256, seed: 7 })).path;
const train = join(DIR, 'train.fttrain');
await trainingFile(base, await chatSamples(), train);
const gradTrain = join(DIR, 'grad.fttrain');
await trainingFile(base, (await chatSamples()).slice(0, 1), gradTrain);

// 1. gradients: one thread for a deterministic CPU sum order, random lora_b so lora_a has a gradient too
async function gradCheck(bin: string, name: string, env: Record<string, string> = {}): Promise<{ run: Run; points: GradPoint[] }> {
  const out = join(DIR, `grad-${name}.json`);
  const args = ['--base', base, '--train', gradTrain, '--grad-check', '3', '--grad-check-out', out, '--test-init-b', '0.05', '--threads', '1'];
  const run = await trainer(bin, args, env);
  return { run, points: run.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as GradPoint[]) : [] };
}
const grad = await gradCheck(BIN, LABEL);
// finite differences need a loss that is smooth at the step h: the exact setting's run where there is one
const exact = EXACT_LABEL ? await gradCheck(BIN, `${LABEL}-exact`, EXACT_ENV) : grad;
if (exact.run.code !== 0 || grad.run.code !== 0) {
  checks.push({ name: 'gradient check', ok: false, detail: why(exact.run.code !== 0 ? exact.run : grad.run) });
} else {
  const failures = finiteDifferenceFailures(exact.points);
  const defaultPath = EXACT_LABEL
    ? `; the default path, whose products round to fp16: ${finiteDifferenceFailures(grad.points).length} of ${grad.points.length} points outside (the loss moves in steps there)`
    : '';
  checks.push({
    name: 'gradient check',
    ok: failures.length === 0,
    detail:
      (failures.length ? failures.slice(0, 3).join('; ') : `${exact.points.length} points on every target match finite differences (5% rule)`) +
      (EXACT_LABEL ? ` with ${EXACT_LABEL}${defaultPath}` : ''),
  });
}
if (SAME_BUILD) {
  checks.push({ name: 'gradients vs CPU build', ok: null, detail: 'this is the CPU build' });
} else if (grad.points.length) {
  const cpu = await gradCheck(CPU_BIN, 'cpu');
  const c = compareGradients(cpu.points, grad.points);
  const e = EXACT_LABEL && exact.points.length ? compareGradients(cpu.points, exact.points) : null;
  // F32 sums in another order agree to ~1e-5; fp16-rounded product inputs to ~1e-3; a wrong kernel by far more
  checks.push({
    name: 'gradients vs CPU build',
    ok: c.maxRelative < 0.01 && c.shared >= 0.8 && (!e || e.maxRelative < 1e-3),
    detail:
      `max relative difference ${c.maxRelative.toExponential(2)} (of each tensor's largest gradient) at ${(100 * c.shared).toFixed(0)}% shared points; worst ${c.worst}` +
      (e ? `; with ${EXACT_LABEL}: ${e.maxRelative.toExponential(2)}` : ''),
  });
}

// 2. a short training run: the loss falls, and where each op ran
const trainArgs = ['--base', base, '--train', train, '--epochs', '4', '--lr', '2e-3', '--threads', THREADS];
const run = await trainer(BIN, [...trainArgs, '--out', join(DIR, `train-${LABEL}.gguf`)]);
const ops = parseOpBackends(run.stderr);
if (run.code !== 0) {
  checks.push({ name: 'training run', ok: false, detail: why(run) });
} else {
  const s = steps(run);
  const firstEpoch = s.filter((e) => e.epoch < 1).map((e) => e.loss);
  const lastEpoch = s.filter((e) => e.epoch >= 3).map((e) => e.loss);
  const [a, b] = [median(firstEpoch), median(lastEpoch)];
  checks.push({ name: 'training run', ok: b < a, detail: `${s.length} steps, median loss epoch 1 ${a.toFixed(3)} -> epoch 4 ${b.toFixed(3)}` });
}
if (!ops) {
  checks.push({ name: 'op placement', ok: SAME_BUILD ? null : false, detail: 'the trainer logged no "op backends" line' });
} else {
  const { device, cpuOnly, both } = splitByDevice(ops);
  const detail = `device: ${device.join(' ') || '-'} | CPU only: ${cpuOnly.join(' ') || '-'} | both: ${both.join(' ') || '-'}`;
  if (SAME_BUILD) checks.push({ name: 'op placement', ok: null, detail: `CPU build (${detail})` });
  // a GPU figure counts only when the products and the loss ran on the device
  else checks.push({ name: 'op placement', ok: HEAVY_OPS.every((op) => !ops.has(op) || !cpuOnly.includes(op)), detail });
}

// 3. resume: stopped after step 5 and resumed, the adapter equals the uninterrupted run's (the CPU build: exact)
{
  const common = ['--base', base, '--train', train, '--epochs', '2', '--lr', '1e-3', '--threads', '1'];
  const full = await trainer(BIN, [...common, '--out', join(DIR, 'full.gguf')]);
  const ck = join(DIR, `ck-${LABEL}`);
  const stopped = await trainer(BIN, [...common, '--out', join(DIR, 'resumed.gguf'), '--checkpoint-dir', ck, '--test-stop-after', '5']);
  const point = stopped.events.find((e) => e.type === 'checkpoint');
  if (full.code !== 0 || stopped.code !== 75 || point?.type !== 'checkpoint') {
    checks.push({ name: 'resume', ok: false, detail: full.code !== 0 ? why(full) : why(stopped) });
  } else {
    const resumed = await trainer(BIN, [...common, '--out', join(DIR, 'resumed.gguf'), '--checkpoint-dir', ck, '--resume', point.path]);
    const d = resumed.code === 0 ? maxDiff(adapterTensors(join(DIR, 'full.gguf')), adapterTensors(join(DIR, 'resumed.gguf'))) : Infinity;
    checks.push({
      name: 'resume',
      ok: d <= 1e-5,
      detail: resumed.code === 0 ? `stopped at step 5, resumed: max |resumed - uninterrupted| = ${d.toExponential(2)} (limit 1e-5)` : why(resumed),
    });
  }
}

// 4. bench: the median step's tokens/s on a wider model, F32 and Q8_0 bases, against the CPU build (same threads)
const benchBase = join(DIR, `bench-${BENCH_SHAPE.layers}L-${BENCH_SHAPE.embd}.gguf`);
if (!existsSync(benchBase)) {
  await writeDemoModel({ out: benchBase, vocab: 'llama-spm', ...BENCH_SHAPE, ctx: 512, seed: 1 });
}
const benchQ8 = benchBase.replace(/\.gguf$/, '-Q8_0.gguf');
if (!existsSync(benchQ8)) execFileSync(join(CPU_BIN, 'llama-quantize'), [benchBase, benchQ8, 'Q8_0', THREADS], { stdio: 'ignore' });
const text = join(DIR, 'bench.txt');
const words = ['clinic', 'patient', 'dose', 'review', 'contract', 'clause', 'ledger', 'audit', 'the', 'of', 'and', 'a'];
writeFileSync(text, Array.from({ length: 20000 }, (_, i) => (words[(i * 7919) % words.length] ?? 'x') + (i % 13 === 12 ? '.\n' : ' ')).join(''));
async function bench(bin: string, file: string): Promise<{ tps: number; run: Run }> {
  const args = ['--base', file, '--text', text, '--out', join(DIR, 'bench.lora.gguf'), '--max-seq', String(BENCH_SHAPE.ctx)];
  const r = await trainer(bin, [...args, '--max-steps', String(BENCH_STEPS), '--rank', '8', '--threads', THREADS]);
  // the first two steps include graph allocation (and, on a GPU, shader/kernel compilation)
  return {
    tps: median(
      steps(r)
        .slice(2)
        .map((e) => e.tokensPerSecond),
    ),
    run: r,
  };
}
for (const [type, file] of [
  ['F32', benchBase],
  ['Q8_0', benchQ8],
] as const) {
  const shape = `${BENCH_SHAPE.layers}L/${BENCH_SHAPE.embd}, ctx ${BENCH_SHAPE.ctx}, ${type}`;
  const gpu = await bench(BIN, file);
  if (gpu.run.code !== 0) {
    checks.push({ name: `bench ${type}`, ok: false, detail: why(gpu.run) });
    continue;
  }
  if (SAME_BUILD) {
    checks.push({ name: `bench ${type}`, ok: true, detail: `${shape}: ${gpu.tps.toFixed(1)} tok/s (median step, ${THREADS} threads)` });
    continue;
  }
  const cpu = await bench(CPU_BIN, file);
  const ratio = gpu.tps / cpu.tps;
  // a figure, not a verdict: a software driver (lavapipe) is expected to be slower than the CPU build
  checks.push({
    name: `bench ${type}`,
    ok: true,
    detail: `${shape}: ${LABEL} ${gpu.tps.toFixed(1)} tok/s vs CPU build ${cpu.tps.toFixed(1)} tok/s (${ratio.toFixed(2)}x; median step, ${THREADS} CPU threads)`,
  });
}

// the trainer silences llama.cpp's device log; native/gpu-check.sh asks the driver's own tool instead
const title = `gpu-check ${LABEL}${values.device ? ` on ${values.device}` : ''}, checks took ${((performance.now() - t0) / 1000).toFixed(0)} s`;
const { text: report, exitCode } = summary(title, checks);
console.log(`\n${report}`);
process.exit(exitCode);
