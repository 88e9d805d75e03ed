// CPU time of the address and town detectors (places.ts, worldPlaces.ts) on the labelled corpus (every split but
// wblind) repeated, as they run inside detectPii: the shared letter and digit walks (anchoredScan.ts) and the
// identifier runs (alnumRuns.ts) built first, as the detectors before them build them there; then one whole detectPii. `npx tsx bench/pii-place-times.ts
// [copies=20] [rounds=7]`. CPU time of this thread (process.cpuUsage), best of the rounds: on a shared machine it
// moves less with the load than bench/pii-detector-times.ts's wall time, which also charges the letter walk to
// places (the first detector there that reads it). Compare runs of two commits back to back.
import { alnumRuns, releaseAlnumRuns } from '../electron/core/pii/alnumRuns.js';
import { keywordStarts, keywords, releaseTextWalks } from '../electron/core/pii/anchoredScan.js';
import { detectPii } from '../electron/core/pii/detect.js';
import { releaseNonLatinLines } from '../electron/core/pii/nonLatinLines.js';
import { releasePlaceWalks } from '../electron/core/pii/placeWalks.js';
import { detectPlaces } from '../electron/core/pii/places.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';
import { detectWorldPlaces } from '../electron/core/pii/worldPlaces.js';
import { labelledTexts } from '../test/unit/piiTexts.js';

const texts = labelledTexts();
const copies = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 7);
const text = (texts.join('\n\n') + '\n\n').repeat(copies);
const res = loadPiiResources();
const mb = text.length / 1e6;
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Warm-up: every regex compiled and tiered up, every function optimized.
for (let i = 0; i < 2; i++) detectPii(text.slice(0, 300_000), { resources: loadPiiResources() });
let places = Infinity;
let world = Infinity;
let all = Infinity;
// One keyword set for the warm-up walk: a set made each round would mark the runs again inside detectPlaces.
const warm = keywords(['zz'], true);
for (let r = 0; r < rounds; r++) {
  releaseTextWalks();
  releaseAlnumRuns();
  releasePlaceWalks();
  releaseNonLatinLines();
  keywordStarts(text, warm, false);
  alnumRuns(text);
  let t0 = cpu();
  detectPlaces(text, res);
  places = Math.min(places, cpu() - t0);
  t0 = cpu();
  detectWorldPlaces(text, res);
  world = Math.min(world, cpu() - t0);
  releaseTextWalks();
  releaseAlnumRuns();
  t0 = cpu();
  detectPii(text, { resources: res });
  all = Math.min(all, cpu() - t0);
}
const f = (ms: number): string => (ms / mb).toFixed(1).padStart(7);
console.log(`${mb.toFixed(2)} M chars (${copies} copies), CPU ms per M chars, best of ${rounds}, shared walks built first:`);
console.log(`  places      ${f(places)}`);
console.log(`  worldPlaces ${f(world)}`);
console.log(`  sum         ${f(places + world)}`);
console.log(`  detectPii   ${f(all)}  (${(mb / (all / 1000)).toFixed(2)} M chars per CPU second)`);
