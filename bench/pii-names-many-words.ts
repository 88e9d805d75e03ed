// CPU time of detectNames on a stream of texts with many distinct capitalized words, as on a large dataset of
// records that each name their own people: the labelled corpus (every split but wblind, one copy per text) with each
// capitalized word given a suffix drawn from a Zipf law over `types` words (the 50 most common keep their own text),
// so the per-word table (nameWords.ts) fills and starts over. The repeated corpus of bench/pii-detector-times.ts
// hits that table almost always; this one shows what its size costs. `npx tsx bench/pii-names-many-words.ts
// [texts=40] [zipf=1.0] [types=300000]`; prints CPU ms per M chars over the stream after 25 texts of warm-up.
import { detectNames } from '../electron/core/pii/names.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';
import { labelledTexts } from '../test/unit/piiTexts.js';

const nTexts = Number(process.argv[2] ?? 40);
const zipf = Number(process.argv[3] ?? 1.0);
const types = Number(process.argv[4] ?? 300_000);
const texts = labelledTexts();
const one = texts.join('\n\n') + '\n\n';

// A Zipf sampler by inverse CDF over the ranks, from a seeded generator (the same stream every run).
const cdf = new Float64Array(types);
let total = 0;
for (let r = 0; r < types; r++) cdf[r] = total += 1 / Math.pow(r + 1, zipf);
let seed = 12345;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const draw = (): number => {
  const x = random() * total;
  let lo = 0;
  let hi = types - 1;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if ((cdf[m] ?? 0) < x) lo = m + 1;
    else hi = m;
  }
  return lo;
};
const letters = 'abcdefghijklmnopqrstuvwxyz';
const suffix = (k: number): string => {
  let s = '';
  do {
    s += letters[k % 26];
    k = Math.floor(k / 26);
  } while (k > 0);
  return s;
};
const make = (): string =>
  one.replace(/(?<![\p{L}])(\p{Lu}\p{Ll}+)/gu, (w) => {
    const r = draw();
    return r < 50 ? w : w + suffix(r);
  });

const res = loadPiiResources();
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let k = 0; k < 25; k++) detectNames(make(), res);
let ms = 0;
let chars = 0;
let spans = 0;
for (let k = 0; k < nTexts; k++) {
  const text = make();
  chars += text.length;
  const t0 = cpu();
  spans += detectNames(text, res).length;
  ms += cpu() - t0;
}
console.log(
  `detectNames on ${nTexts} texts with many distinct words (zipf ${zipf} over ${types}): ${(ms / (chars / 1e6)).toFixed(1)} CPU ms per M chars ` +
    `(${(chars / 1e6).toFixed(2)} M chars, ${spans} spans)`,
);
