// Trainer at real-model scale (prints a table; not a timed test): Qwen2.5-like shapes (qwen2 architecture, its 151k
// vocabulary, q/k/v biases, grouped-query attention; output head not tied to the embeddings, so a shape has ~0.23-0.3B
// more weights than the Qwen2.5 model of its name) as Q8_0 and Q4_K_M demo models, context 512, rank 8 on all seven
// targets. Per base: training tok/s (median of the steps after the first), the peak RSS of the run read from outside
// (VmHWM), and the pre-flight estimate (the trainer's --dry-run, what electron/core/service/train/estimate.ts shows
// before a run) next to the measured values.
// Raw-text windows: every row is labelled, the worst case for memory (a chat file's prompt rows skip the output head).
// Models are written under --dir and deleted after use (a 3B F32 file is ~13 GB).
// Usage: npx tsx bench/train-scale-bench.ts [--shapes 0.5B,1.5B,3B] [--types Q8_0,Q4_K_M] [--steps 3] [--threads 2]
//        [--ctx 512] [--dir /tmp/fieldtune-scale] [--profile 1.5B:Q4_K_M] (perf: share of time per function)
// With GGML_CPU_OP_PROFILE=1 in the environment each run also prints the trainer's per-op wall-time table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoModel } from '../electron/core/demoModel/index.js';
import { nativeTool } from '../electron/core/train/supervisor.js';
import { median, runTrainer } from './trainerProcess.js';

const { values } = parseArgs({
  options: {
    shapes: { type: 'string' },
    types: { type: 'string' },
    steps: { type: 'string' },
    threads: { type: 'string' },
    ctx: { type: 'string' },
    dir: { type: 'string' },
    profile: { type: 'string' },
  },
});
// Qwen2.5-0.5B / 1.5B / 3B: layers, width, heads, KV heads, FFN width
const SHAPES: Record<string, { layers: number; embd: number; heads: number; headsKv: number; ff: number }> = {
  '0.5B': { layers: 24, embd: 896, heads: 14, headsKv: 2, ff: 4864 },
  '1.5B': { layers: 28, embd: 1536, heads: 12, headsKv: 2, ff: 8960 },
  '3B': { layers: 36, embd: 2048, heads: 16, headsKv: 2, ff: 11008 },
};
const shapes = (values.shapes ?? '0.5B,1.5B').split(',');
const types = (values.types ?? 'Q8_0,Q4_K_M').split(',');
const steps = Number(values.steps ?? 3);
const threads = Number(values.threads ?? 2);
const ctx = Number(values.ctx ?? 512);
const dir = values.dir ?? '/tmp/fieldtune-scale';
const profile = values.profile; // "1.5B:Q4_K_M"
const RANK = 8;
for (const s of shapes) if (!SHAPES[s]) throw new Error(`unknown shape ${s}: one of ${Object.keys(SHAPES).join(', ')}`);
if (!existsSync(nativeTool('fieldtune-train'))) {
  console.error('native tools not built: run `node native/build.mjs`');
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
const GiB = 2 ** 30;

const text = join(dir, 'scale.txt');
if (!existsSync(text)) {
  const words = ['clinic', 'patient', 'dose', 'review', 'contract', 'clause', 'ledger', 'audit', 'the', 'of', 'and', 'a'];
  let s = '';
  for (let i = 0; i < 60000; i++) s += (words[(i * 7919) % words.length] ?? 'x') + (i % 13 === 12 ? '.\n' : ' ');
  writeFileSync(text, s);
}

interface Row {
  shape: string;
  type: string;
  params: number;
  fileGiB: number;
  estPeak: number;
  estTps: number;
  peak: number;
  stepPeak: number;
  tps: number;
}
const rows: Row[] = [];

function trainArgs(base: string, out: string): string[] {
  return ['--base', base, '--text', text, '--out', out, '--max-seq', String(ctx), '--rank', String(RANK), '--threads', String(threads), '--no-stdin-watch'];
}

/** perf's flat profile of the run, from after its first step: the share of samples per function. */
function perfReport(data: string): void {
  const report = execFileSync('perf', ['report', '-i', data, '--stdio', '--no-children', '--sort', 'symbol', '--percent-limit', '0.7'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  rmSync(data, { force: true });
  console.log('perf, share of CPU samples per function from the second step on:');
  for (const line of report.split('\n')) if (/^\s+\d+\.\d+%/.test(line)) console.log(`  ${line.trim().replace(/\s+/g, ' ')}`);
}

for (const shape of shapes) {
  const spec = SHAPES[shape];
  if (!spec) continue;
  const f32 = join(dir, `qwen2-${shape}-f32.gguf`);
  const t0 = performance.now();
  const demo = await writeDemoModel({ out: f32, arch: 'qwen2', ...spec, ctx: 4096, seed: 1 });
  console.log(
    `${shape}: demo model ${(demo.params.parameterCount / 1e9).toFixed(2)}B parameters, vocabulary ${demo.params.vocabSize}, written in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const quantized: string[] = [];
  for (const type of types) {
    const q = join(dir, `qwen2-${shape}-${type}.gguf`);
    execFileSync(nativeTool('llama-quantize'), [f32, q, type, String(threads)], { stdio: 'ignore' });
    quantized.push(q);
  }
  rmSync(f32, { force: true });
  for (const [i, type] of types.entries()) {
    const base = quantized[i] ?? '';
    const out = join(dir, `adapter-${shape}-${type}.gguf`);
    const dry = await runTrainer([...trainArgs(base, out), '--dry-run']);
    const found = dry.events.find((e) => e.type === 'estimate');
    const estimate = found?.type === 'estimate' ? found : undefined;
    if (estimate)
      console.log(`${shape} ${type}: estimate ${(estimate.peakMemoryBytes / GiB).toFixed(2)} GiB peak, ${estimate.tokensPerSecond.toFixed(1)} tok/s (dry run)`);
    // the profiled run is sampled from its first step's end (perf attaches then) to its exit
    const perfData = join(dir, 'perf.data');
    const profiled = profile === `${shape}:${type}` && estimate !== undefined;
    const run = await runTrainer([...trainArgs(base, out), '--max-steps', String(steps)], {}, [], profiled ? perfData : undefined);
    const stepEvents = run.events.flatMap((e) => (e.type === 'step' ? [e] : []));
    const row: Row = {
      shape,
      type,
      params: demo.params.parameterCount,
      fileGiB: statSync(base).size / GiB,
      estPeak: estimate?.peakMemoryBytes ?? NaN,
      estTps: estimate?.tokensPerSecond ?? NaN,
      peak: run.peakRss,
      stepPeak: Math.max(...stepEvents.map((e) => e.memoryBytes)),
      tps: median(stepEvents.slice(1).map((e) => e.tokensPerSecond)),
    };
    rows.push(row);
    console.log(
      `${shape} ${type}: ${row.tps.toFixed(1)} tok/s, peak RSS ${(row.peak / GiB).toFixed(2)} GiB (estimate ${(row.estPeak / GiB).toFixed(2)} GiB, ` +
        `${(100 * (row.peak / row.estPeak - 1)).toFixed(1)}%), ${/loss rows: .*/.exec(run.stderr)?.[0] ?? ''}`,
    );
    // which backward copies the run made (AMX-packed BF16 where the CPU has it: patch 0013)
    console.log(`${shape} ${type}: ${/transposed weight copies.*/.exec(run.stderr)?.[0] ?? '(no transposed copies reported)'}`);
    // GGML_CPU_OP_PROFILE=1 in the environment (patch 0014): the trainer's per-op wall-time table, whole run
    const opTable = /op profile \(.*\n(?: {2}.*\n?)*/.exec(run.stderr)?.[0];
    if (opTable) console.log(`${shape} ${type} ${opTable.trimEnd()}`);
    if (profiled) perfReport(perfData);
    rmSync(base, { force: true });
    rmSync(out, { force: true });
  }
}

console.log(`\nTraining at scale: qwen2 demo models, ctx ${ctx}, rank ${RANK}, 7 targets, ${threads} threads, ${steps} steps, raw text (every row labelled)`);
console.log('| shape | base | params | file | tok/s (est.) | tok/s | peak RSS est. | peak RSS | measured vs est. |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.shape} | ${r.type} | ${(r.params / 1e9).toFixed(2)}B | ${r.fileGiB.toFixed(2)} GiB | ${r.estTps.toFixed(1)} | ${r.tps.toFixed(1)} | ` +
      `${(r.estPeak / GiB).toFixed(2)} GiB | ${(r.peak / GiB).toFixed(2)} GiB | ${(100 * (r.peak / r.estPeak - 1)).toFixed(1)}% |`,
  );
}
const target = rows.find((r) => r.shape === '1.5B' && r.type === 'Q4_K_M');
if (target) {
  // a 16 GB laptop leaves ~12 GiB to one process once the OS, the app and a browser have theirs
  console.log(
    `1.5B Q4_K_M, ctx ${ctx}: peak RSS ${(target.peak / GiB).toFixed(2)} GiB: ${target.peak < 12 * GiB ? 'fits' : 'does NOT fit'} a 16 GB laptop (12 GiB budget)`,
  );
}
const off = rows.filter((r) => Math.abs(r.peak / r.estPeak - 1) > 0.15);
console.log(`peak RSS within the estimate +-15%: ${off.length === 0 ? 'all rows' : `NOT for ${off.map((r) => `${r.shape} ${r.type}`).join(', ')}`}`);
