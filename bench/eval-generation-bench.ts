// Generation speed of the evaluation path (node-llama-cpp's prebuilt CPU binary, greedy, the model's chat template,
// several prompts decoded as sequences of one context) next to llama.cpp's own llama-bench built from the same
// bundled source (native/build.mjs), on the same model and thread count. Prints tokens/s and the ratio; not a
// timed test. Usage: npx tsx bench/eval-generation-bench.ts [--threads 1] [--tokens 64] [--parallel 1,4]
//   [--rounds 5] [--dir /tmp/fieldtune-eval-bench]
//
// The machines these run on are shared and their load swings by a factor of two within a minute, so one llama-bench
// figure followed by one figure of ours compares two different machines. Each round measures llama-bench and every
// path configuration back to back; the ratio is taken within a round and the median over rounds is reported, with
// the load average at each round's start.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoModel } from '../electron/core/demoModel/index.js';
import { openLlamaGenerators } from '../electron/core/eval/llamaGenerator.js';
import { cpuVariantsInMaps } from '../electron/core/llm/cpuVariant.js';
import { sharedLlama } from '../electron/core/llm/runtime.js';
import { nativeTool } from '../electron/core/train/supervisor.js';

const { values } = parseArgs({
  options: { threads: { type: 'string' }, tokens: { type: 'string' }, parallel: { type: 'string' }, rounds: { type: 'string' }, dir: { type: 'string' } },
});
const threads = Number(values.threads ?? 1);
const tokens = Number(values.tokens ?? 64);
const parallels = (values.parallel ?? '1,4').split(',').map(Number);
const rounds = Number(values.rounds ?? 5);
const dir = values.dir ?? '/tmp/fieldtune-eval-bench';
mkdirSync(dir, { recursive: true });
// the train bench's shape: 12 layers, 768 wide, 32k vocabulary (a small real model's decode cost per token)
const SHAPE = { layers: 12, embd: 768, ff: 2048 };

const bench = nativeTool('llama-bench');
if (!existsSync(bench)) {
  console.error(`llama-bench not built (${bench} missing): run \`node native/build.mjs\``);
  process.exit(1);
}

const model = join(dir, 'bench-eval.gguf');
if (!existsSync(model)) await writeDemoModel({ out: model, vocab: 'llama-spm', ...SHAPE, ctx: 1024, seed: 1 });

// CPU seconds a child used (RUSAGE_CHILDREN; Node cannot read a child's rusage): a wall-clock figure on a machine
// with a load of 10 measures the scheduler as much as the code, CPU time per token measures the work.
const RUSAGE = `import resource,subprocess,sys
r=subprocess.run(sys.argv[1:],capture_output=True,text=True,check=True)
u=resource.getrusage(resource.RUSAGE_CHILDREN)
print(u.ru_utime+u.ru_stime)
print(r.stdout)`;
const python = ['python3', 'python'].find((p) => {
  try {
    execFileSync(p, ['-c', 'import resource'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!python) console.log("CPU time per token not measured: no python3 to read llama-bench's CPU time");

/** One llama-bench run of `reps` repetitions: its tok/s (mean of repetitions) and CPU seconds (load and warm-up included). */
function llamaBenchRun(reps: number): { rate: number; cpu: number | null } {
  const args = ['-m', model, '-p', '0', '-n', String(tokens), '-t', String(threads), '-r', String(reps), '-o', 'json'];
  const out = python
    ? execFileSync(python, ['-c', RUSAGE, bench, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 })
    : execFileSync(bench, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const cpu = python ? Number(out.slice(0, out.indexOf('\n'))) : null;
  const rows = JSON.parse(python ? out.slice(out.indexOf('\n') + 1) : out) as { avg_ts: number; n_gen: number }[];
  return { rate: rows.find((r) => r.n_gen === tokens)?.avg_ts ?? NaN, cpu };
}

/**
 * llama.cpp's own figure: text generation of `tokens` tokens (no prompt), mean of 4 repetitions; and its CPU ms per
 * token, from the difference between a 4-repetition and a 1-repetition run (which cancels loading and warm-up).
 */
function llamaBench(): { rate: number; cpuMsPerToken: number | null } {
  const one = llamaBenchRun(1);
  const four = llamaBenchRun(4);
  const cpuMsPerToken = one.cpu !== null && four.cpu !== null ? ((four.cpu - one.cpu) * 1000) / (3 * tokens) : null;
  return { rate: four.rate, cpuMsPerToken };
}

const prompts = Array.from({ length: 8 }, (_, i) => [{ role: 'user' as const, content: `Question ${i + 1}: how do I book an appointment at the clinic?` }]);

/**
 * Our path on `parallel` sequences. `withPrompts`: generated tokens over the whole call (prompt reading included, the
 * figure a person waits on). `generation`: only with one sequence, where answers run one after another: tokens after
 * each answer's first over the time from its first token to its last (what llama-bench's tg measures).
 */
async function ourPath(parallel: number): Promise<{ withPrompts: number; generation: number | null; cpuMsPerToken: number }> {
  const g = await openLlamaGenerators({ base: model, threads, parallel, contextSize: 512 });
  try {
    await g.base.generate(prompts.slice(0, 1), { maxNewTokens: 4 }); // warm up: load, first context
    const batch = prompts.slice(0, Math.max(parallel, 4));
    const firstAt = new Map<number, number>();
    let genMs = 0;
    let genTokens = 0;
    const counter = { generated: 0 };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await g.base.generate(batch, {
      maxNewTokens: tokens,
      counter,
      ignoreEndOfTurn: true,
      onToken: (i, written) => {
        if (written === 1) firstAt.set(i, performance.now());
        else if (written === tokens) {
          genMs += performance.now() - firstAt.get(i)!;
          genTokens += tokens - 1;
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      withPrompts: counter.generated / seconds,
      generation: parallel === 1 ? (genTokens / genMs) * 1000 : null,
      // every thread of this process (the JS thread, node-llama-cpp's workers, ggml's), prompts included
      cpuMsPerToken: (cpu.user + cpu.system) / 1000 / counter.generated,
    };
  } finally {
    await g.dispose();
  }
}

/** Which of the prebuilt's CPU builds (ggml picks one per machine at load) this process mapped. */
function loadedCpuVariant(): string {
  const maps = existsSync('/proc/self/maps') ? readFileSync('/proc/self/maps', 'utf8') : '';
  return cpuVariantsInMaps(maps).join(', ') || 'unknown (no /proc/self/maps)';
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const llama = await sharedLlama();
console.log(`model: demo ${SHAPE.layers} layers x ${SHAPE.embd}, llama-spm vocabulary; ${threads} threads; ${tokens} new tokens per answer; ${rounds} rounds`);
const reference: number[] = [];
const cpuReference: number[] = [];
const cpuFigures = new Map<string, { ms: number[]; ratio: number[] }>();
const figures = new Map<string, { rate: number[]; ratio: number[] }>();
const record = (label: string, rate: number, ref: number) => {
  const f = figures.get(label) ?? { rate: [], ratio: [] };
  f.rate.push(rate);
  f.ratio.push((100 * rate) / ref);
  figures.set(label, f);
};
for (let round = 1; round <= rounds; round++) {
  const load = loadavg()[0]!.toFixed(1);
  const { rate: ref, cpuMsPerToken: cpuRef } = llamaBench();
  reference.push(ref);
  if (cpuRef !== null) cpuReference.push(cpuRef);
  const line = [`round ${round} (load ${load}): llama-bench ${ref.toFixed(1)}${cpuRef === null ? '' : ` (${cpuRef.toFixed(1)} CPU ms/token)`}`];
  for (const parallel of parallels) {
    const r = await ourPath(parallel);
    const batch = Math.max(parallel, 4);
    if (r.generation !== null) record(`evaluation path, ${parallel} sequence(s), generation only`, r.generation, ref);
    record(`evaluation path, ${parallel} sequence(s), ${batch} prompts, prompts included`, r.withPrompts, ref);
    if (cpuRef !== null) {
      const label = `evaluation path, ${parallel} sequence(s), ${batch} prompts, prompts included`;
      const f = cpuFigures.get(label) ?? { ms: [], ratio: [] };
      f.ms.push(r.cpuMsPerToken);
      f.ratio.push((100 * cpuRef) / r.cpuMsPerToken); // as a speed: llama-bench's CPU cost over ours
      cpuFigures.set(label, f);
    }
    line.push(
      `${parallel} seq ${r.generation === null ? '' : `${r.generation.toFixed(1)} gen / `}${r.withPrompts.toFixed(1)} with prompts (${r.cpuMsPerToken.toFixed(1)} CPU ms/token)`,
    );
  }
  console.log(line.join('; '));
}
console.log(`node-llama-cpp binary: ${llama.buildType}, CPU variant ${loadedCpuVariant()}`);
console.log(`llama-bench (bundled source, tg${tokens}): ${median(reference).toFixed(1)} tok/s (median of ${rounds} rounds)`);
for (const [label, f] of figures) {
  console.log(`${label}: ${median(f.rate).toFixed(1)} tok/s = ${median(f.ratio).toFixed(0)}% of llama-bench (median of per-round ratios)`);
}
if (cpuReference.length) {
  console.log(`CPU time per generated token (all threads; load-independent work): llama-bench ${median(cpuReference).toFixed(1)} ms`);
  for (const [label, f] of cpuFigures) {
    console.log(`${label}: ${median(f.ms).toFixed(1)} CPU ms/token = ${median(f.ratio).toFixed(0)}% of llama-bench's speed per CPU second`);
  }
}
