// Streaming import at scale: generates a JSONL file (default 1 GiB) in the temp folder, imports it into a fresh
// workspace (stage + one-transaction commit, exactly as `fieldtune data import` does), prints peak memory (target
// < 500 MB) and throughput, then deletes everything. Run: npx tsx bench/data-import-memory-bench.ts [MB]
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageImport } from '../electron/core/data/stageImport.js';
import { commitImport } from '../electron/core/service/datasets/importCommit.js';
import { openWorkspace } from '../electron/core/workspace.js';

const targetMb = Number(process.argv[2] ?? 1024);
const dir = mkdtempSync(join(tmpdir(), 'fieldtune-import-bench-'));
const file = join(dir, 'big.jsonl');
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 100);

try {
  // Distinct rows (a counter in each), about 600 bytes each, like a real chat export.
  const t0 = performance.now();
  const fd = openSync(file, 'w');
  const filler = 'The patient reports intermittent chest pain on exertion, relieved by rest, with no radiation. ';
  let written = 0;
  let row = 0;
  const batch: string[] = [];
  while (written < targetMb * 2 ** 20) {
    const line =
      JSON.stringify({
        messages: [
          { role: 'system', content: 'You are a careful clinical assistant.' },
          { role: 'user', content: `Case ${row}: ${filler}${filler.slice(0, row % 90)} What next?` },
          { role: 'assistant', content: `For case ${row}, arrange an ECG and troponin; ${filler}` },
        ],
        metadata: { category: ['cardio', 'resp', 'neuro'][row % 3]! },
      }) + '\n';
    batch.push(line);
    written += Buffer.byteLength(line);
    row += 1;
    if (batch.length === 5000) {
      writeSync(fd, batch.join(''));
      batch.length = 0;
    }
  }
  writeSync(fd, batch.join(''));
  closeSync(fd);
  const size = statSync(file).size;
  const t1 = performance.now();
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  console.log(`generated      ${mb(size)} MB, ${row} rows in ${((t1 - t0) / 1000).toFixed(1)} s (RSS after generating ${mb(rssBefore)} MB)`);

  const staged = await stageImport(file);
  const t2 = performance.now();
  sample();
  console.log(`stage (parse)  ${((t2 - t1) / 1000).toFixed(1)} s, ${(size / 2 ** 20 / ((t2 - t1) / 1000)).toFixed(1)} MB/s, peak RSS so far ${mb(peakRss)} MB`);

  const ws = openWorkspace(join(dir, 'ws'));
  const result = await commitImport(ws, staged, { projectName: 'bench' });
  const t3 = performance.now();
  await ws.close();
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024; // kilobytes -> bytes; the process-lifetime peak
  const dbSize = statSync(join(dir, 'ws', 'fieldtune.db')).size;
  console.log(`commit (SQLite) ${((t3 - t2) / 1000).toFixed(1)} s, ${(size / 2 ** 20 / ((t3 - t2) / 1000)).toFixed(1)} MB/s; database ${mb(dbSize)} MB`);
  console.log(`imported       ${result.version.examples} examples (format ${result.version.format})`);
  console.log(`total          ${((t3 - t1) / 1000).toFixed(1)} s, ${(size / 2 ** 20 / ((t3 - t1) / 1000)).toFixed(1)} MB/s end to end`);
  console.log(`peak RSS       ${mb(Math.max(peakRss, maxRss))} MB (sampled ${mb(peakRss)} MB, OS maxRSS ${mb(maxRss)} MB; target < 500 MB)`);
} finally {
  clearInterval(timer);
  rmSync(dir, { recursive: true, force: true });
}
