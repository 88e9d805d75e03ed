// How long counting tokens with a model's own tokenizer holds the core's event loop. That counting stays on the
// core's thread (node-llama-cpp never runs in a worker thread), in slices (service/datasets/stats.ts); this prints
// the longest slice, i.e. the longest stall, while a version of N rows is counted with a demo model's tokenizer and
// chat template, next to the rough count (no model), which runs in a worker thread.
// Run: npx tsx bench/token-count-stall-bench.ts [ROWS=100000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '../electron/contract/jobs.js';
import { Core } from '../electron/core/core.js';
import { writeDemoModel } from '../electron/core/demoModel/index.js';

const rows = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'fieldtune-token-stall-'));
const core = new Core({ workspaceDir: join(dir, 'ws'), mode: 'browser', modeReason: null });

async function waitJob(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Runs `start` and returns the longest gap between 10 ms ticks (the worst stall, wall clock) and the most CPU the
 * process spent within one gap: on a shared, overloaded machine a gap also holds the time the thread waited for a
 * core, so the CPU figure is what the loop itself held it for (while only the core's thread works, as when a model
 * counts; with a worker thread busy it includes the worker's CPU too).
 */
async function worstStall(start: () => Promise<Job>): Promise<{ worst: number; over50: number; busy: number; seconds: number; status: string }> {
  let tick = performance.now();
  let cpu = process.cpuUsage();
  let worst = 0;
  let busy = 0;
  let over50 = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const stall = now - tick - 10;
    worst = Math.max(worst, stall);
    busy = Math.max(busy, (used.user + used.system) / 1000);
    if (stall > 50) over50 += 1;
    tick = now;
  }, 10);
  const t = performance.now();
  const job = await start();
  clearInterval(ticker);
  return { worst, over50, busy, seconds: (performance.now() - t) / 1000, status: job.status };
}

try {
  const file = join(dir, 'rows.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const q = `Question ${i}: can I move my appointment on day ${i % 28} to the afternoon, and is parking free for visit ${i}?`;
    lines.push(
      JSON.stringify({
        messages: [
          { role: 'user', content: q },
          { role: 'assistant', content: `Yes, visit ${i} can move to 14:${String(i % 60).padStart(2, '0')}.` },
        ],
      }),
    );
  }
  writeFileSync(file, lines.join('\n'));
  const project = await core.call('projects:create', { name: 'Bench' });
  const imported = await waitJob((await core.call('datasets:import', { projectId: project.id, path: file })).id);
  if (imported.kind !== 'dataset.import' || !imported.result) throw new Error(`import failed: ${imported.error?.message}`);
  const versionId = imported.result.version.id;
  const model = join(dir, 'demo.gguf');
  await writeDemoModel({ out: model, seed: 1 });
  const registered = await waitJob((await core.call('models:register', { path: model, label: 'Demo' })).id);
  if (registered.kind !== 'model.register' || !registered.result) throw new Error(`register failed: ${registered.error?.message}`);
  const modelId = registered.result.id;

  // The tokenizer's first load in a process (node-llama-cpp's native library and the model's vocabulary) is timed
  // apart, on a one-row version: it happens once per process, not per count.
  writeFileSync(join(dir, 'one.jsonl'), lines[0]!);
  const one = await waitJob((await core.call('datasets:import', { projectId: project.id, path: join(dir, 'one.jsonl') })).id);
  if (one.kind !== 'dataset.import' || !one.result) throw new Error('import failed');
  const oneVersion = one.result.version.id;
  const load = await worstStall(async () => waitJob((await core.call('datasets:stats', { versionId: oneVersion, modelId, maxTokens: 512 })).id));
  const rough = await worstStall(async () => waitJob((await core.call('datasets:stats', { versionId, maxTokens: 512 })).id));
  const withModel = await worstStall(async () => waitJob((await core.call('datasets:stats', { versionId, modelId, maxTokens: 512 })).id));
  console.log(`Token counts of ${rows} rows; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`);
  console.log('| counting | where | took (s) | worst stall of the core, wall (ms) | most CPU within one stall (ms) | stalls over 50 ms |');
  console.log('|---|---|---|---|---|---|');
  const row = (what: string, where: string, r: Awaited<ReturnType<typeof worstStall>>) =>
    console.log(`| ${what} | ${where} | ${r.seconds.toFixed(1)} | ${r.worst.toFixed(0)} | ${r.busy.toFixed(0)} | ${r.over50} |`);
  row('rough (no model)', 'worker thread', rough);
  row("demo model's tokenizer + chat template", 'core thread, in slices', withModel);
  row('(first load of the tokenizer, one row)', 'core thread', load);
  if (rough.status !== 'succeeded' || withModel.status !== 'succeeded') console.log(`jobs: ${rough.status}, ${withModel.status}`);
} finally {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
