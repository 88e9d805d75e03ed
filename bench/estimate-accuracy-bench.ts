// The pre-flight estimate against a real run, on the demo shapes (issue 11, item 5): for each shape, the estimate the
// Train step shows (train:estimate: the trainer's dry run plus calibration steps) next to a real run of the same
// settings started the same way (train:start): wall time from Start to the finished job, and the trainer child's
// peak RSS (VmHWM, read from /proc while it runs). Prints the ratios and whether each is within 15%.
// Run: npx tsx bench/estimate-accuracy-bench.ts [--epochs 3] [--threads 2] [--shape tests|demo]   (Linux: reads /proc)
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Core } from '../electron/core/core.js';
import { writeDemoModel } from '../electron/core/demoModel/index.js';
import { trainerAvailable } from '../electron/core/train/supervisor.js';

const { values } = parseArgs({ options: { epochs: { type: 'string' }, threads: { type: 'string' }, shape: { type: 'string' } } });
const EPOCHS = Number(values.epochs ?? 3);
const THREADS = Number(values.threads ?? 2);
const SAMPLE = join(import.meta.dirname, '..', 'resources', 'demo', 'sample-chat.jsonl');
// the shapes the app and the tests train: the tests' tiny model and the demo model the first start writes
const SHAPES = [
  { name: 'tests (2 layers, 128 wide)', layers: 2, embd: 128, ff: 256, ctx: 256 },
  { name: 'demo (4 layers, 256 wide)', layers: 4, embd: 256, ff: 512, ctx: 512 },
];

/** The highest peak RSS (VmHWM) of this process's fieldtune-train children seen so far. */
function trainerPeakRss(): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid || !comm.startsWith('fieldtune-trai')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      peak = Math.max(peak, Number(hwm ?? 0) * 1024);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return peak;
}

async function measure(shape: (typeof SHAPES)[number]) {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-estimate-bench-'));
  const core = new Core({ workspaceDir: join(dir, 'ws'), mode: 'cli' });
  try {
    const model = await writeDemoModel({ out: join(dir, 'model.gguf'), layers: shape.layers, embd: shape.embd, ff: shape.ff, ctx: shape.ctx, seed: 3 });
    const reg = await core.ws.jobs.wait((await core.call('models:register', { path: model.path })).id);
    const modelId = reg.kind === 'model.register' ? reg.result!.id : '';
    const projectId = (await core.call('projects:create', { name: 'Bench' })).id;
    const imported = await core.ws.jobs.wait((await core.call('datasets:import', { projectId, path: SAMPLE })).id);
    const versionId = imported.kind === 'dataset.import' ? imported.result!.version.id : '';
    const input = { projectId, modelId, datasets: [{ versionId, weight: 1 }], settings: { epochs: EPOCHS, threads: THREADS, seed: 5 } };

    const estimate = await core.call('train:estimate', input);
    const started = performance.now();
    const job = await core.call('train:start', input);
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, trainerPeakRss())), 50);
    const done = await core.ws.jobs.wait(job.id);
    clearInterval(poll);
    const wall = (performance.now() - started) / 1000;
    if (done.status !== 'succeeded' || done.kind !== 'train.run') throw new Error(`the run ${done.status}: ${done.error?.message}`);
    return { estimate, wall, trainerSeconds: done.result!.done.seconds, peak };
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!trainerAvailable()) throw new Error('The trainer is not built: node native/build.mjs');
  const mb = (n: number) => (n / 1024 ** 2).toFixed(0);
  const within = (ratio: number) => (Math.abs(ratio - 1) <= 0.15 ? 'yes' : 'NO');
  console.log(`Estimate vs a real run: 24 demo examples, ${EPOCHS} passes, ${THREADS} threads`);
  console.log(
    '| shape | steps | est. s/step | measured s/step | est. s | wall s (Start to done) | trainer s | est/wall | within 15% | est. peak MB | peak RSS MB | est/peak | within 15% |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const shape of SHAPES.filter((s) => !values.shape || s.name.startsWith(values.shape))) {
    const m = await measure(shape);
    const t = m.estimate.seconds / m.wall;
    const r = m.estimate.peakMemoryBytes / m.peak;
    console.log(
      `| ${shape.name} | ${m.estimate.steps} | ${m.estimate.secondsPerStep.toFixed(2)} | ${(m.trainerSeconds / m.estimate.steps).toFixed(2)} | ${m.estimate.seconds.toFixed(1)} | ${m.wall.toFixed(1)} | ${m.trainerSeconds.toFixed(1)} | ${t.toFixed(2)} | ${within(t)} | ${mb(m.estimate.peakMemoryBytes)} | ${mb(m.peak)} | ${r.toFixed(2)} | ${within(r)} |`,
    );
  }
}

void main();
