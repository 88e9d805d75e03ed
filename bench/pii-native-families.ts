// The compiled detector families (native/pii) against their TypeScript twins, each alone, in ms per M characters of
// the labelled documents (every split but wblind) repeated: `npx tsx bench/pii-native-families.ts [copies=20]`.
// Best of 5 rounds, the two alternated in each (the machine is shared). Every walk the TypeScript detectors share
// is dropped before each of their runs, so each pays for its own as the compiled one does; both return the same
// spans (checked here too). The compiled times include copying the text into the add-on and making the span objects.
// Then the whole of detectPii, warm, with the compiled families and with the TypeScript ones only, alternated: inside
// detectPii the TypeScript families share their walks, so what the compiled ones save there is not the sum above.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { releaseAlnumRuns } from '../electron/core/pii/alnumRuns.js';
import { releaseTextWalks } from '../electron/core/pii/anchoredScan.js';
import { detectAges, detectDates } from '../electron/core/pii/dates.js';
import { detectPii } from '../electron/core/pii/detect.js';
import { detectLabelled } from '../electron/core/pii/labelled.js';
import { detectLegalNumbers } from '../electron/core/pii/legal.js';
import { detectNames } from '../electron/core/pii/names.js';
import { detectNationalIds } from '../electron/core/pii/nationalIds.js';
import { nativeDetectors, nativeDetectorsStatus } from '../electron/core/pii/nativeDetectors.js';
import type { NativeDetectors } from '../electron/core/pii/nativeDetectors.js';
import { releaseNonLatinLines } from '../electron/core/pii/nonLatinLines.js';
import { detectPatterns } from '../electron/core/pii/patterns.js';
import { detectPlaces } from '../electron/core/pii/places.js';
import { detectPlates } from '../electron/core/pii/plates.js';
import { releasePlaceWalks } from '../electron/core/pii/placeWalks.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';
import type { PiiResources } from '../electron/core/pii/resources.js';
import type { PiiSpan } from '../electron/core/pii/types.js';
import { detectWorldDates } from '../electron/core/pii/worldDates.js';
import { detectWorldPlaces } from '../electron/core/pii/worldPlaces.js';
import { detectWorldNames } from '../electron/core/pii/worldNames.js';
import { labelledTexts } from '../test/unit/piiTexts.js';

const copies = Number(process.argv[2] ?? 20);
const text = (labelledTexts().join('\n\n') + '\n\n').repeat(copies);
const mChars = text.length / 1e6;
const res = loadPiiResources();

/**
 * detectPii over the text, warm: the best of 5 runs after one, ms per M chars. A process of its own for each way (a
 * process that has run one way has compiled that way's code: the other would run on a warmer V8).
 */
function detectPiiTime(compiled: boolean): number {
  detectPii(text, { compiled });
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    detectPii(text, { compiled });
    times.push(performance.now() - t0);
  }
  return Math.min(...times) / mChars;
}
const only = process.argv.find((a) => a.startsWith('--detect-pii='));
if (only) {
  console.log(detectPiiTime(only === '--detect-pii=compiled').toFixed(1));
  process.exit(0);
}

const native = nativeDetectors();
if (!native) {
  console.error(`The compiled detectors do not run here: ${nativeDetectorsStatus()}`);
  process.exit(1);
}
const releaseWalks = (): void => {
  releaseAlnumRuns();
  releaseTextWalks();
  releasePlaceWalks();
  releaseNonLatinLines();
};
const families: [string, (s: string, res: PiiResources) => PiiSpan[], keyof NativeDetectors][] = [
  ['patterns', detectPatterns, 'patterns'],
  ['nationalIds', detectNationalIds, 'nationalIds'],
  ['labelled', detectLabelled, 'labelled'],
  ['legal', detectLegalNumbers, 'legalNumbers'],
  ['plates', detectPlates, 'plates'],
  ['dates', detectDates, 'dates'],
  ['ages', detectAges, 'ages'],
  ['worldDates', detectWorldDates, 'worldDates'],
  ['places', detectPlaces, 'places'],
  ['worldPlaces', detectWorldPlaces, 'worldPlaces'],
  ['worldNames', detectWorldNames, 'worldNames'],
  ['names', (s, r) => detectNames(s, r), 'names'],
];

console.log(`compiled detectors against TypeScript, ${mChars.toFixed(2)} M chars (${copies} copies), best of 5, ms per M chars`);
let sumTs = 0;
let sumNative = 0;
for (const [name, ts, key] of families) {
  const compiled = native[key] as (s: string, res: PiiResources) => PiiSpan[];
  const tsTimes: number[] = [];
  const nativeTimes: number[] = [];
  let same = true;
  for (let round = 0; round < 5; round++) {
    releaseWalks();
    let t0 = performance.now();
    const want = ts(text, res);
    tsTimes.push(performance.now() - t0);
    releaseWalks();
    t0 = performance.now();
    const got = compiled(text, res);
    nativeTimes.push(performance.now() - t0);
    if (round === 0) same = JSON.stringify(want) === JSON.stringify(got);
  }
  const a = Math.min(...tsTimes) / mChars;
  const b = Math.min(...nativeTimes) / mChars;
  sumTs += a;
  sumNative += b;
  console.log(
    `  ${name.padEnd(12)} TypeScript ${a.toFixed(1).padStart(6)}   compiled ${b.toFixed(1).padStart(6)}   ${(a / b).toFixed(1)}x${same ? '' : '   SPANS DIFFER'}`,
  );
}
console.log(
  `  ${'sum'.padEnd(12)} TypeScript ${sumTs.toFixed(1).padStart(6)}   compiled ${sumNative.toFixed(1).padStart(6)}   ${(sumTs / sumNative).toFixed(1)}x`,
);

const self = fileURLToPath(import.meta.url);
const inChild = (way: 'compiled' | 'typescript'): string =>
  spawnSync(process.execPath, [...process.execArgv, self, String(copies), `--detect-pii=${way}`], { encoding: 'utf8' }).stdout.trim();
for (let pair = 0; pair < 3; pair++) {
  const typescript = inChild('typescript');
  const compiled = inChild('compiled');
  console.log(`detectPii, warm: TypeScript only ${typescript}, with the compiled families ${compiled} ms per M chars`);
}
