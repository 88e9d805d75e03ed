// CPU time of the identifier detectors (patterns, nationalIds, plates, legal) alone, in ms per M chars, on the labelled
// corpus (every split but wblind) repeated, and one whole detectPii: `npx tsx bench/pii-id-detector-times.ts
// [copies=20] [rounds=15]`. Unlike bench/pii-detector-times.ts it drops every per-text walk before each round (the
// shared runs of alnumRuns.ts are kept across calls with the same text, so a later round would not pay for them):
// the first detector (patterns, as in detectPii) pays for the walk, and "walk" times it alone. Runs on a checkout
// without alnumRuns.ts too (for a back-to-back run of the code before it: copy this file into that checkout's bench/).
import { labelledTexts } from '../test/unit/piiTexts.js';

const pii = (f: string) => new URL(`../electron/core/pii/${f}`, import.meta.url).href;
const { releaseTextWalks } = (await import(pii('anchoredScan.ts'))) as { releaseTextWalks: () => void };
const { detectPatterns } = (await import(pii('patterns.ts'))) as { detectPatterns: (s: string) => unknown[] };
const { detectNationalIds } = (await import(pii('nationalIds.ts'))) as { detectNationalIds: (s: string) => unknown[] };
const { detectPlates } = (await import(pii('plates.ts'))) as { detectPlates: (s: string) => unknown[] };
const { detectLegalNumbers } = (await import(pii('legal.ts'))) as { detectLegalNumbers: (s: string) => unknown[] };
const { detectLabelled } = (await import(pii('labelled.ts'))) as { detectLabelled: (s: string, r: unknown) => unknown[] };
const { detectPii } = (await import(pii('detect.ts'))) as { detectPii: (s: string, o: { resources: unknown }) => unknown[] };
const { loadPiiResources } = (await import(pii('resources.ts'))) as { loadPiiResources: () => unknown };
let releaseRuns = (): void => undefined;
let walk: ((s: string) => unknown) | undefined;
try {
  const m = (await import(pii('alnumRuns.ts'))) as { releaseAlnumRuns: () => void; alnumRuns: (s: string) => unknown };
  releaseRuns = m.releaseAlnumRuns;
  walk = m.alnumRuns;
} catch {
  // A checkout from before the shared runs.
}

const texts = labelledTexts();
const copies = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 15);
const text = (texts.join('\n\n') + '\n\n').repeat(copies);
const mb = text.length / 1e6;
const res = loadPiiResources();
const release = () => {
  releaseRuns();
  releaseTextWalks();
};
const detectors: [string, (s: string) => unknown][] = [
  ['patterns', detectPatterns],
  ['nationalIds', detectNationalIds],
  ['legal', detectLegalNumbers],
  // Last, as in detectPii: it drops the shared runs when done.
  ['plates', detectPlates],
];
for (let i = 0; i < 2; i++) {
  for (const [, f] of detectors) f(text.slice(0, 300_000));
  detectPii(text.slice(0, 300_000), { resources: res });
  release();
}
const best = new Map<string, number>();
/** CPU ms (all threads of the process: GC helpers too), not wall time: on a loaded machine wall time counts the time
 * the process waited for a core. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const time = (name: string, f: () => unknown) => {
  const t0 = cpuMs();
  f();
  best.set(name, Math.min(best.get(name) ?? Infinity, cpuMs() - t0));
};
for (let round = 0; round < rounds; round++) {
  release();
  // The letter runs of anchoredScan.ts, built in detectPii by the labelled detector before any of these: not counted.
  detectLabelled(text, res);
  for (const [name, f] of detectors) time(name, () => f(text));
  if (walk) {
    const w = walk;
    releaseRuns();
    time('walk', () => w(text));
  }
}
release();
let sum = 0;
const parts: string[] = [];
for (const [name, t] of best) {
  if (name !== 'walk') sum += t;
  parts.push(`${name} ${(t / mb).toFixed(1)}`);
}
console.log(`identifier detectors alone, ${mb.toFixed(2)} M chars (${copies} copies), best of ${rounds}, CPU ms per M chars:`);
console.log(`  ${parts.join(', ')}; sum of the four ${(sum / mb).toFixed(1)}`);
let whole = Infinity;
for (let i = 0; i < 5; i++) {
  release();
  const t0 = cpuMs();
  detectPii(text, { resources: res });
  whole = Math.min(whole, cpuMs() - t0);
}
release();
console.log(`  detectPii ${(whole / mb).toFixed(1)} CPU ms per M chars, best of 5 (${(mb / (whole / 1000)).toFixed(2)} M chars per CPU second)`);
