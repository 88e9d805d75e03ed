// CPU time of the date, age and record-label detectors (detectDates, detectWorldDates, detectAges, detectLabelled)
// of two checkouts in one process, alternated: `npx tsx bench/pii-date-label-ab.ts <other checkout> [copies=10]
// [rounds=8] [records]` (the other checkout needs electron/core/pii and a node_modules link; e.g. `git archive <commit>
// electron | tar -x` into a folder). On a machine shared with other work, alternating in one process and taking each
// detector's best round cancels most of the load. The text's shared walks (anchoredScan.ts) are made once per
// checkout before timing and kept, as detectPii shares them among all its detectors: the figures are each
// detector's own cost. Prints CPU ms per M chars of the labelled corpus (every split but wblind) glued `copies` times;
// with `records`, of the corpus split at blank lines (a dataset's short records: per-call costs count), each
// record's walks made first by one untimed call of every detector (copies is then ignored).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelledTexts } from '../test/unit/piiTexts.js';

type Detect = (s: string) => unknown[];
interface Checkout {
  name: string;
  detectors: [string, Detect][];
}
async function load(root: string, name: string): Promise<Checkout> {
  const pii = (f: string) => `${resolve(root)}/electron/core/pii/${f}`;
  const d = (await import(pii('dates.ts'))) as { detectDates: Detect; detectAges: Detect };
  const w = (await import(pii('worldDates.ts'))) as { detectWorldDates: Detect };
  const l = (await import(pii('labelled.ts'))) as { detectLabelled: (s: string, r: unknown) => unknown[] };
  const { loadPiiResources } = (await import(pii('resources.ts'))) as { loadPiiResources: () => unknown };
  const res = loadPiiResources();
  return {
    name,
    detectors: [
      ['dates', d.detectDates],
      ['worldDates', w.detectWorldDates],
      ['ages', d.detectAges],
      ['labelled', (s) => l.detectLabelled(s, res)],
    ],
  };
}
const other = process.argv[2];
if (!other) throw new Error('usage: npx tsx bench/pii-date-label-ab.ts <other checkout> [copies] [rounds]');
const copies = Number(process.argv[3] ?? 10);
const rounds = Number(process.argv[4] ?? 8);
const a = await load(other, 'other');
const b = await load(fileURLToPath(new URL('..', import.meta.url)), 'this');

const texts = labelledTexts();
const byRecord = process.argv[5] === 'records';
const inputs = byRecord
  ? texts
      .join('\n\n')
      .split(/\n\s*\n/)
      .filter((r) => r.trim())
  : [(texts.join('\n\n') + '\n\n').repeat(copies)];
const mb = inputs.join('').length / 1e6;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let i = 0; i < 2; i++) for (const c of [a, b]) for (const [, f] of c.detectors) for (const s of inputs) f(s);
const best = new Map<string, number>();
const keep = (k: string, t: number) => best.set(k, Math.min(best.get(k) ?? Infinity, t));
for (let k = 0; k < rounds; k++)
  for (const c of [a, b]) {
    if (!byRecord) {
      for (const [n, f] of c.detectors) {
        const t0 = cpuMs();
        f(inputs[0] ?? '');
        keep(`${c.name} ${n}`, cpuMs() - t0);
      }
      continue;
    }
    // Records: too short for the CPU clock's microseconds, so wall time per call, summed.
    const sum = new Map<string, number>();
    for (const r of inputs) {
      for (const [, f] of c.detectors) f(r);
      for (const [n, f] of c.detectors) {
        const t0 = performance.now();
        f(r);
        sum.set(n, (sum.get(n) ?? 0) + performance.now() - t0);
      }
    }
    for (const [n, t] of sum) keep(`${c.name} ${n}`, t);
  }
console.log(
  `${byRecord ? `wall ms per M chars of ${inputs.length} records` : 'CPU ms per M chars'}, best of ${rounds} alternated rounds, ${mb.toFixed(2)} M chars`,
);
for (const c of [a, b]) {
  let sum = 0;
  const row = c.detectors.map(([n]) => {
    const t = (best.get(`${c.name} ${n}`) ?? 0) / mb;
    sum += t;
    return `${n} ${t.toFixed(2)}`;
  });
  console.log(`  ${c.name.padEnd(5)}: ${row.join(', ')}; sum ${sum.toFixed(2)}`);
}
