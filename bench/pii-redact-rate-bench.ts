// Speed of `fieldtune data redact` past start-up, on one long text file and on a 100k-record JSONL dataset:
//   `npx tsx bench/pii-redact-rate-bench.ts [--times 90] [--rounds 3]` (run `npm run build:cli` first: it times the CLI
//   bundle).
// Rate = extra bytes / extra CPU seconds (user + system, every thread of the child) between the same input repeated
// `times` times and once, through `data redact --in --out --report` in the default mode (mask). Start-up (module
// load, word lists) is in both runs and cancels out; what is left is the per-byte cost. A quadratic step shows as a
// rate that falls as the input grows, so a middle size is printed too. The x1 and x90 runs are repeated `rounds`
// times, in turn, and the median rate printed with each round's: on these shared machines one run moves by ±15%.
// Text: every labelled split but wblind (the blind split stays unread until its one scoring), padded to ~89 KB so 90
// copies make an 8 MB file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rateBenchInputs } from './piiBenchInputs.js';

const args = process.argv.slice(2);
const times = args.includes('--times') ? Number(args[args.indexOf('--times') + 1]) : 90;
const rounds = args.includes('--rounds') ? Math.max(1, Number(args[args.indexOf('--rounds') + 1])) : 3;
const root = fileURLToPath(new URL('..', import.meta.url));

const { text: base, dataset, recordsPerCopy } = rateBenchInputs(times);

const dir = mkdtempSync(join(tmpdir(), 'pii-rate-'));
const bin = join(root, 'bin/fieldtune.mjs');

/** CPU seconds (user + sys of the child and its threads) and wall seconds of one `data redact` run. */
function run(input: string, ext: string): { cpu: number; wall: number; bytes: number; spans: number } {
  const file = join(dir, `in${ext}`);
  writeFileSync(file, input);
  const cmd = `node ${JSON.stringify(bin)} data redact --in ${file} --out ${join(dir, `out${ext}`)} --report ${join(dir, 'report.json')} --json >/dev/null; times`;
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`data redact failed: ${r.stderr}`);
  // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.056s".
  const child = (r.stdout.trim().split('\n').pop() ?? '').split(/\s+/).map((t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  });
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { spans: unknown[] };
  if (ext === '.jsonl') {
    // A span that took part of an escape once left records that no longer parsed: the copy must stay JSON Lines.
    const broken = readFileSync(join(dir, `out${ext}`), 'utf8')
      .split('\n')
      .filter((line) => {
        try {
          if (line) JSON.parse(line);
          return false;
        } catch {
          return true;
        }
      }).length;
    if (broken) throw new Error(`data redact left ${broken} record(s) that no longer parse`);
  }
  return { cpu: (child[0] ?? NaN) + (child[1] ?? NaN), wall, bytes: Buffer.byteLength(input), spans: report.spans.length };
}

function measure(name: string, unit: string, ext: string): void {
  const midTimes = Math.max(2, Math.round(times / 3));
  const rate = (a: { bytes: number; cpu: number }, b: { bytes: number; cpu: number }) => (b.bytes - a.bytes) / 1e6 / (b.cpu - a.cpu);
  const show = (label: string, r: ReturnType<typeof run>) =>
    console.log(
      `  ${label.padEnd(4)} ${(r.bytes / 1e6).toFixed(2).padStart(7)} MB  cpu ${r.cpu.toFixed(2).padStart(7)} s  wall ${r.wall.toFixed(2).padStart(7)} s  spans ${r.spans}`,
    );
  console.log(`\n${name}`);
  const rates: number[] = [];
  let first: { once: ReturnType<typeof run>; many: ReturnType<typeof run> } | undefined;
  for (let round = 1; round <= rounds; round++) {
    const once = run(unit, ext);
    const many = run(unit.repeat(times), ext);
    first ??= { once, many };
    rates.push(rate(once, many));
    if (round === 1) {
      const mid = run(unit.repeat(midTimes), ext);
      show('x1', once);
      show(`x${midTimes}`, mid);
      show(`x${times}`, many);
      console.log(`  x1 -> mid: ${rate(once, mid).toFixed(2)} MB per CPU second`);
    }
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  console.log(
    `  rate x1 -> x${times}: ${median.toFixed(2)} MB per CPU second, median of ${rounds} (${rates.map((r) => r.toFixed(2)).join(', ')}) (target >= 10)`,
  );
  if (first)
    console.log(
      `  spans per copy: x1 ${first.once.spans}, x${times} ${(first.many.spans / times).toFixed(1)} (equal when nothing is lost by cutting into pieces)`,
    );
}

try {
  console.log(`data redact rate bench: ${times} copies; node ${process.version}; ${(await import('node:os')).availableParallelism()} cores`);
  measure(`one long text file (${(Buffer.byteLength(base) / 1e3).toFixed(1)} KB of labelled documents per copy)`, base, '.txt');
  measure(`JSONL dataset (${recordsPerCopy} records per copy, ${recordsPerCopy * times} in all)`, dataset, '.jsonl');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
