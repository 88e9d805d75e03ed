// Where `data redact`'s CPU goes on a long text that runs once, as the CLI runs it: a fresh process detects eight
// slices of 1 M characters one after the other (`npx tsx bench/pii-warmup.ts [slices=8]`). The first slices run
// while V8 still interprets and compiles the detectors (on this thread and its compiler threads); the last ones show
// the steady cost. CPU is the whole process (every thread: compilation and garbage collection included), wall is
// this thread's. A worker thread pays the same warm-up again, which is why piiLongText.ts gives a thread 5 M
// characters at least. The 10 MB per CPU second means ~100 CPU ms per MB in all: warm-up, detection,
// redaction and the report.
import { detectPii } from '../electron/core/pii/detect.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';
import { labelledTexts } from '../test/unit/piiTexts.js';

const slices = Number(process.argv[2] ?? 8);
const SLICE = 1_000_000;
const unit = labelledTexts().join('\n\n') + '\n\n';
const text = unit.repeat(Math.ceil((slices * SLICE) / unit.length));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const c0 = cpuMs();
const resources = loadPiiResources();
// The word lists load on first use: one short text pays for them, apart from the slices.
detectPii('Seen by Dr. John Smith at 12 Main Street, Springfield, IL 62701 on 3 March 2024.', { resources });
console.log(`pii warm-up: ${slices} slices of 1 M chars of the labelled documents, node ${process.version}`);
console.log(`  word lists and one short text  cpu ${(cpuMs() - c0).toFixed(0).padStart(5)} ms`);
const runs: { cpu: number; wall: number }[] = [];
for (let i = 0; i < slices; i++) {
  const piece = text.slice(i * SLICE, (i + 1) * SLICE);
  const c = cpuMs();
  const t = performance.now();
  const spans = detectPii(piece, { resources }).length;
  runs.push({ cpu: cpuMs() - c, wall: performance.now() - t });
  const r = runs[i] as { cpu: number; wall: number };
  console.log(
    `  slice ${String(i + 1).padEnd(2)} ${String(spans).padStart(6)} spans  cpu ${r.cpu.toFixed(0).padStart(5)} ms  wall ${r.wall.toFixed(0).padStart(5)} ms`,
  );
}
const last = runs.slice(-3).sort((a, b) => a.cpu - b.cpu)[1] ?? { cpu: NaN, wall: NaN };
const total = runs.reduce((s, r) => s + r.cpu, 0);
console.log(`  steady (median of the last 3): ${last.cpu.toFixed(0)} CPU ms per M chars, ${last.wall.toFixed(0)} ms on this thread`);
console.log(`  warm-up: ${(total - slices * last.cpu).toFixed(0)} CPU ms over the first slices beyond the steady cost`);
console.log(`  detection alone, warm, caps the rate at ${(1000 / last.cpu).toFixed(1)} MB per CPU second (target >= 10)`);
