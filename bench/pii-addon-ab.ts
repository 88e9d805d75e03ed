// Two builds of the personal-data add-on (native/pii) in one process, called in turn on the same text: the CPU ms per
// million characters of each, best and median, and their ratio. Runs of `data redact` on a shared machine move by
// ±15% from one hour to the next; calls alternated within one process agree to ~2%, so a change to one family shows.
//   npx tsx bench/pii-addon-ab.ts A.node B.node [detect|family,family,...] [calls]
// Build B with `node native/pii/build.mjs` and copy it aside; A is the build to compare with (an older commit's).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { rateBenchInputs } from './piiBenchInputs.js';
import { resourceLists } from '../electron/core/pii/nativeDetectors.js';
import { foldKey, loadPiiResources } from '../electron/core/pii/resources.js';

interface Addon {
  resources(lists: Record<string, string[]>, fold: (word: string) => string): object;
  detect(text: string, lists: object, seeds: undefined, wantUnclaimed: boolean, minConfidence: number): unknown;
  [family: string]: unknown;
}

const [a, b, which = 'detect', callsArg = '10'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: npx tsx bench/pii-addon-ab.ts A.node B.node [detect|family,...] [calls]');
// two files: one path loaded twice would be one module, compared with itself
if (resolve(a) === resolve(b)) throw new Error('A and B must be two files (copy one build aside)');
const addons = [a, b].map((path) => createRequire(import.meta.url)(resolve(path)) as Addon);
const families = which.split(',');
const text = rateBenchInputs(30).text.repeat(30);
const lists = resourceLists(loadPiiResources());
const handles = addons.map((addon) => addon.resources(lists, foldKey));

function run(k: number): void {
  const addon = addons[k] as Addon;
  const handle = handles[k] as object;
  for (const f of families) {
    if (f === 'detect') addon.detect(text, handle, undefined, false, 0.5);
    else (addon[f] as (text: string, lists: object) => unknown)(text, handle);
  }
}

// one call each first: regexes compiled, tables built, pages touched
run(0);
run(1);
const ms: [number[], number[]] = [[], []];
for (let call = 0; call < Number(callsArg); call++) {
  for (const k of call % 2 ? [1, 0] : [0, 1]) {
    const start = process.cpuUsage();
    run(k);
    const used = process.cpuUsage(start);
    ms[k as 0 | 1].push((used.user + used.system) / 1000 / (text.length / 1e6));
  }
}
const median = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1] as number;
const [ma, mb] = [median(ms[0]), median(ms[1])];
console.log(`${which} on ${(text.length / 1e6).toFixed(2)} M characters, ms per M characters (CPU, this process):`);
console.log(`  A ${a}: best ${Math.min(...ms[0]).toFixed(2)}, median ${ma.toFixed(2)}`);
console.log(`  B ${b}: best ${Math.min(...ms[1]).toFixed(2)}, median ${mb.toFixed(2)}`);
console.log(`  B / A (medians): ${(mb / ma).toFixed(3)}`);
