// Near-duplicate detection at scale: 100k chat rows with planted near-duplicates (word edits, case and punctuation
// changes). Prints recall of the planted pairs (target >= 95%), pairs flagged that were not planted, and wall time
// (target < 2 min on the 2-core dev machine). Run: npx tsx bench/data-dedupe-bench.ts [ROWS] [PLANTED]
import type { Sample } from '../electron/contract/domain.js';
import { findDuplicates } from '../electron/core/data/dedupe.js';
import { mulberry32 } from '../electron/core/data/minhash.js';

const rows = Number(process.argv[2] ?? 100_000);
const planted = Number(process.argv[3] ?? 5_000);
const rand = mulberry32(2026);
const uniform = () => rand() / 2 ** 32;

// A Zipf-like vocabulary of pseudo-words, so common words are shared across rows as in real text.
const vocab = Array.from({ length: 8000 }, (_, i) => {
  const len = 2 + (i % 9);
  let w = '';
  for (let k = 0; k < len; k++) w += String.fromCharCode(97 + (rand() % 26));
  return w;
});
const cdf: number[] = [];
let acc = 0;
for (let i = 0; i < vocab.length; i++) {
  acc += 1 / (i + 1);
  cdf.push(acc);
}
const word = (): string => {
  const x = uniform() * acc;
  let lo = 0,
    hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocab[lo]!;
};
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');

function mutate(s: Sample): Sample {
  const edit = (text: string, edits: number): string => {
    const words = text.split(' ');
    for (let e = 0; e < edits; e++) {
      const i = rand() % words.length;
      const kind = rand() % 4;
      if (kind === 0) words[i] = word();
      else if (kind === 1 && words.length > 5) words.splice(i, 1);
      else if (kind === 2) words.splice(i, 0, word());
      else words[i] = words[i]!.toUpperCase();
    }
    return words.join(' ') + (rand() % 2 ? '?' : '');
  };
  const [u, a] = s.messages;
  return {
    messages: [
      { role: 'user', content: edit(u!.content, 1 + (rand() % 3)) },
      { role: 'assistant', content: edit(a!.content, rand() % 3) },
    ],
  };
}

const t0 = performance.now();
const data: Sample[] = [];
const plantedPairs: Array<[number, number]> = [];
for (let i = 0; i < rows - planted; i++) {
  data.push({
    messages: [
      { role: 'user', content: sentence(15 + (rand() % 25)) },
      { role: 'assistant', content: sentence(20 + (rand() % 40)) },
    ],
  });
}
for (let p = 0; p < planted; p++) {
  const src = rand() % (rows - planted);
  plantedPairs.push([src, data.length]);
  data.push(mutate(data[src]!));
}
const tGen = performance.now();
const report = findDuplicates(data);
const tDedupe = performance.now();

// A planted pair is found when both ends fall in the same cluster (directly paired or through a chain).
const rootOf = (i: number) => report.duplicateOf.get(i) ?? i;
const found = plantedPairs.filter(([a, b]) => rootOf(a) === rootOf(b)).length;
const plantedSet = new Set(plantedPairs.map(([a, b]) => `${a}:${b}`));
const plantedTargets = new Set(plantedPairs.map(([, b]) => b));
const unexpected = report.nearPairs.filter((p) => !plantedSet.has(`${p.a}:${p.b}`) && !(plantedTargets.has(p.a) && plantedTargets.has(p.b))).length;
const sims = report.nearPairs.map((p) => p.similarity).sort((x, y) => x - y);

console.log(`rows                    ${rows}`);
console.log(`planted near-duplicates ${planted}`);
console.log(`found (same cluster)    ${found}  recall ${((100 * found) / planted).toFixed(2)}%  (target >= 95%)`);
console.log(`pairs reported          ${report.nearPairs.length} (not planted: ${unexpected})`);
console.log(`similarity of pairs     min ${sims[0]?.toFixed(3)}  median ${sims[Math.floor(sims.length / 2)]?.toFixed(3)}`);
console.log(`exact groups            ${report.exactGroups.length}`);
console.log(`generate                ${((tGen - t0) / 1000).toFixed(1)} s`);
console.log(`dedupe wall time        ${((tDedupe - tGen) / 1000).toFixed(1)} s  (target < 120 s)`);
console.log(`peak RSS                ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
