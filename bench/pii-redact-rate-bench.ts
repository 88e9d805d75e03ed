// Speed of `fieldtune data redact` past start-up, on one long text file and on a 100k-record JSONL dataset:
//   `npx tsx bench/pii-redact-rate-bench.ts [--times 90]` (run `npm run build:cli` first: it times the CLI bundle).
// Rate = extra bytes / extra CPU seconds (user + system, every thread of the child) between the same input repeated
// `times` times and once, through `data redact --in --out --report` in the default mode (mask). Start-up (module
// load, word lists) is in both runs and cancels out; what is left is the per-byte cost. A quadratic step shows as a
// rate that falls as the input grows, so a middle size is printed too. Text: every labelled split but wblind (the
// blind split stays unread until its one scoring), padded to ~89 KB so 90 copies make an 8 MB file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rateBenchInputs } from './piiBenchInputs.js';

const args = process.argv.slice(2);
const times = args.includes('--times') ? Number(args[args.indexOf('--times') + 1]) : 90;
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
  const once = run(unit, ext);
  const mid = run(unit.repeat(Math.max(2, Math.round(times / 3))), ext);
  const many = run(unit.repeat(times), ext);
  const rate = (a: typeof once, b: typeof once) => (b.bytes - a.bytes) / 1e6 / (b.cpu - a.cpu);
  console.log(`\n${name}`);
  for (const [label, r] of [
    ['x1', once],
    [`x${Math.max(2, Math.round(times / 3))}`, mid],
    [`x${times}`, many],
  ] as const) {
    console.log(
      `  ${label.padEnd(4)} ${(r.bytes / 1e6).toFixed(2).padStart(7)} MB  cpu ${r.cpu.toFixed(2).padStart(7)} s  wall ${r.wall.toFixed(2).padStart(7)} s  spans ${r.spans}`,
    );
  }
  console.log(`  rate x1 -> x${times}: ${rate(once, many).toFixed(2)} MB per CPU second (target >= 10); x1 -> mid: ${rate(once, mid).toFixed(2)}`);
  console.log(`  spans per copy: x1 ${once.spans}, x${times} ${(many.spans / times).toFixed(1)} (equal when nothing is lost by cutting into pieces)`);
}

try {
  console.log(`data redact rate bench: ${times} copies; node ${process.version}; ${(await import('node:os')).availableParallelism()} cores`);
  measure(`one long text file (${(Buffer.byteLength(base) / 1e3).toFixed(1)} KB of labelled documents per copy)`, base, '.txt');
  measure(`JSONL dataset (${recordsPerCopy} records per copy, ${recordsPerCopy * times} in all)`, dataset, '.jsonl');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
