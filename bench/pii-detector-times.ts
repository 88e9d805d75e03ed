// Time of each personal-data detector alone, in ms per MB of text, on the labelled corpus (every split but wblind)
// repeated: `npx tsx bench/pii-detector-times.ts [copies=20]`. Best of 3 rounds (the machine is shared), then one
// whole detectPii. For speed work: the span hash (bench/pii-span-hash.ts) is the correctness gate, this shows where
// the time goes and what a step saved.
import { releaseAlnumRuns } from '../electron/core/pii/alnumRuns.js';
import { releaseTextWalks } from '../electron/core/pii/anchoredScan.js';
import { detectAges, detectDates } from '../electron/core/pii/dates.js';
import { detectPii } from '../electron/core/pii/detect.js';
import { detectLabelled } from '../electron/core/pii/labelled.js';
import { detectLegalNumbers } from '../electron/core/pii/legal.js';
import { detectNames } from '../electron/core/pii/names.js';
import { detectNationalIds } from '../electron/core/pii/nationalIds.js';
import { detectPatterns } from '../electron/core/pii/patterns.js';
import { detectPlates } from '../electron/core/pii/plates.js';
import { releasePlaceWalks } from '../electron/core/pii/placeWalks.js';
import { detectPlaces } from '../electron/core/pii/places.js';
import { releaseNonLatinLines } from '../electron/core/pii/nonLatinLines.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';
import { detectWorldDates } from '../electron/core/pii/worldDates.js';
import { detectWorldNames } from '../electron/core/pii/worldNames.js';
import { detectWorldPlaces } from '../electron/core/pii/worldPlaces.js';
import { labelledTexts } from '../test/unit/piiTexts.js';

const texts = labelledTexts();
const copies = Number(process.argv[2] ?? 20);
const text = (texts.join('\n\n') + '\n\n').repeat(copies);
const res = loadPiiResources();
const detectors: [string, (s: string) => unknown[]][] = [
  ['names', (s) => detectNames(s, res)],
  ['places', (s) => detectPlaces(s, res)],
  ['worldPlaces', (s) => detectWorldPlaces(s, res)],
  ['nationalIds', (s) => detectNationalIds(s)],
  ['patterns', (s) => detectPatterns(s)],
  ['labelled', (s) => detectLabelled(s, res)],
  ['plates', (s) => detectPlates(s)],
  ['dates', (s) => detectDates(s)],
  ['legal', (s) => detectLegalNumbers(s)],
  ['worldDates', (s) => detectWorldDates(s)],
  ['ages', (s) => detectAges(s)],
  ['worldNames', (s) => detectWorldNames(s)],
];
// Warm-up: every regex compiled and tiered up, every function optimized.
for (let i = 0; i < 2; i++) detectPii(text.slice(0, 300_000), { resources: res });
const mb = text.length / 1e6;
const best = new Map<string, number>();
for (let round = 0; round < 3; round++) {
  for (const [name, f] of detectors) {
    const t0 = performance.now();
    f(text);
    const t = performance.now() - t0;
    best.set(name, Math.min(best.get(name) ?? Infinity, t));
  }
  releaseTextWalks();
  releasePlaceWalks();
  releaseAlnumRuns();
  releaseNonLatinLines();
}
console.log(`each detector alone, ${mb.toFixed(2)} M chars (${copies} copies), best of 3, ms per M chars:`);
let sum = 0;
for (const [name, t] of [...best].sort((a, b) => b[1] - a[1])) {
  sum += t;
  console.log(`  ${name.padEnd(12)} ${(t / mb).toFixed(1).padStart(7)}`);
}
const t0 = performance.now();
detectPii(text, { resources: res });
const all = performance.now() - t0;
console.log(
  `  ${'sum'.padEnd(12)} ${(sum / mb).toFixed(1).padStart(7)}\n  detectPii    ${(all / mb).toFixed(1).padStart(7)}  (${(mb / (all / 1000)).toFixed(2)} M chars per second)`,
);
