// The address and town detectors (places.ts, worldPlaces.ts) of two checkouts in one process, alternated, in CPU
// time: `npx tsx bench/pii-place-ab.ts <other checkout> [copies=12] [rounds=7]` (the other checkout needs
// electron/core/pii, test/fixtures/pii's texts are read from this one). Each round builds the walks the detectors
// before them build inside detectPii (anchoredScan.ts's letter and digit walks, alnumRuns.ts's runs), times
// detectPlaces then detectWorldPlaces, then one whole detectPii; the best round of each checkout is printed.
// Alternating in one process cancels most of a shared machine's load changes (see bench/pii-detect-ab.ts).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelledTexts } from '../test/unit/piiTexts.js';

interface Checkout {
  name: string;
  pii: Record<string, Record<string, (...args: never[]) => unknown>>;
  res: unknown;
  /** One keyword set for the warm-up walk (a set made each round would mark the runs again inside detectPlaces). */
  warm: unknown;
  best: [number, number, number];
}
async function load(root: string, name: string): Promise<Checkout> {
  const pii: Checkout['pii'] = {};
  for (const f of ['anchoredScan', 'alnumRuns', 'detect', 'places', 'worldPlaces', 'resources', 'placeWalks', 'nonLatinLines']) {
    // placeWalks and nonLatinLines are missing from older checkouts: their walks are then not there to drop
    pii[f] = (await import(`${resolve(root)}/electron/core/pii/${f}.ts`).catch(() => ({}))) as Checkout['pii'][string];
  }
  return { name, pii, res: undefined, warm: undefined, best: [Infinity, Infinity, Infinity] };
}
const other = process.argv[2];
if (!other) throw new Error('usage: npx tsx bench/pii-place-ab.ts <other checkout> [copies] [rounds]');
const copies = Number(process.argv[3] ?? 12);
const rounds = Number(process.argv[4] ?? 7);
const checkouts = [await load(other, `other (${other})`), await load(fileURLToPath(new URL('..', import.meta.url)), 'this')];

const texts = labelledTexts();
const text = (texts.join('\n\n') + '\n\n').repeat(copies);
const mb = text.length / 1e6;
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
type Fn = (...args: unknown[]) => unknown;
const fn = (c: Checkout, file: string, name: string): Fn => c.pii[file]?.[name] as unknown as Fn;
for (const c of checkouts) {
  c.res = fn(c, 'resources', 'loadPiiResources')();
  c.warm = fn(c, 'anchoredScan', 'keywords')(['zz'], true);
  // Warm-up: every regex compiled and tiered up, every function optimized.
  for (let i = 0; i < 2; i++) fn(c, 'detect', 'detectPii')(text.slice(0, 300_000), { resources: c.res });
}
for (let r = 0; r < rounds; r++) {
  for (const c of r % 2 ? [...checkouts].reverse() : checkouts) {
    for (const [file, name] of [
      ['anchoredScan', 'releaseTextWalks'],
      ['alnumRuns', 'releaseAlnumRuns'],
      ['placeWalks', 'releasePlaceWalks'],
      ['nonLatinLines', 'releaseNonLatinLines'],
    ] as const)
      fn(c, file, name)?.();
    fn(c, 'anchoredScan', 'keywordStarts')(text, c.warm, false);
    // older checkouts' digit-led patterns read this walk
    fn(c, 'anchoredScan', 'digitRunStarts')?.(text, 1);
    fn(c, 'alnumRuns', 'alnumRuns')(text);
    let t0 = cpu();
    fn(c, 'places', 'detectPlaces')(text, c.res);
    const p = cpu() - t0;
    t0 = cpu();
    fn(c, 'worldPlaces', 'detectWorldPlaces')(text, c.res);
    const w = cpu() - t0;
    // detectPii drops every walk of the text at its end: the next one starts from nothing.
    fn(c, 'detect', 'detectPii')(text, { resources: c.res });
    t0 = cpu();
    fn(c, 'detect', 'detectPii')(text, { resources: c.res });
    const d = cpu() - t0;
    c.best = [Math.min(c.best[0], p), Math.min(c.best[1], w), Math.min(c.best[2], d)];
  }
}
const f = (ms: number): string => (ms / mb).toFixed(1).padStart(6);
console.log(`${mb.toFixed(2)} M chars (${copies} copies), CPU ms per M chars, best of ${rounds} alternated rounds:`);
for (const c of checkouts) {
  const [p, w, d] = c.best;
  console.log(`  places ${f(p)}  worldPlaces ${f(w)}  sum ${f(p + w)}  detectPii ${f(d)}  ${c.name}`);
}
