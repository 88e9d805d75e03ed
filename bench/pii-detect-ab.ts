// detectPii of two checkouts in one process, alternated, in CPU time: `npx tsx bench/pii-detect-ab.ts <other checkout>
// [rounds=6]` (the other checkout needs electron/core/pii and node_modules, e.g. `git archive <commit> electron | tar -x`
// into a folder with a node_modules link). On a machine shared with other work, two processes run one after the other
// see different loads; alternating in one process and taking the best round of each cancels most of that. Prints
// CPU µs per record over the labelled corpus split at blank lines (a dataset's short records) and CPU ms per M chars
// over the corpus glued 8 times (a long text).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelledTexts } from '../test/unit/piiTexts.js';

interface Checkout {
  name: string;
  detectPii: (s: string, o: { resources: unknown }) => unknown[];
  res: unknown;
}
async function load(root: string, name: string): Promise<Checkout> {
  const pii = (f: string) => `${resolve(root)}/electron/core/pii/${f}`;
  const { detectPii } = (await import(pii('detect.ts'))) as Pick<Checkout, 'detectPii'>;
  const { loadPiiResources } = (await import(pii('resources.ts'))) as { loadPiiResources: () => unknown };
  return { name, detectPii, res: loadPiiResources() };
}
const other = process.argv[2];
if (!other) throw new Error('usage: npx tsx bench/pii-detect-ab.ts <other checkout> [rounds]');
const rounds = Number(process.argv[3] ?? 6);
const a = await load(other, 'other');
const b = await load(fileURLToPath(new URL('..', import.meta.url)), 'this');

const texts = labelledTexts();
const records = texts
  .join('\n\n')
  .split(/\n\s*\n/)
  .filter((r) => r.trim())
  .flatMap((r) => [r, r, r, r]);
const long = (texts.join('\n\n') + '\n\n').repeat(8);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const run = (c: Checkout, inputs: string[]): number => {
  const t0 = cpuMs();
  for (const s of inputs) c.detectPii(s, { resources: c.res });
  return cpuMs() - t0;
};
for (let i = 0; i < 2; i++) for (const c of [a, b]) run(c, [...records, long]);
const best = new Map<string, number>();
const keep = (k: string, t: number) => best.set(k, Math.min(best.get(k) ?? Infinity, t));
for (let k = 0; k < rounds; k++) {
  for (const c of [a, b]) {
    keep(`${c.name} records`, run(c, records));
    keep(`${c.name} long`, run(c, [long]));
  }
}
const per = (c: Checkout) =>
  `${c.name}: ${(((best.get(`${c.name} records`) ?? 0) / records.length) * 1000).toFixed(1)} CPU µs per record (${records.length}), ` +
  `${((best.get(`${c.name} long`) ?? 0) / (long.length / 1e6)).toFixed(1)} CPU ms per M chars of long text`;
console.log(`detectPii, best of ${rounds} alternated rounds\n  ${per(a)}\n  ${per(b)}`);
