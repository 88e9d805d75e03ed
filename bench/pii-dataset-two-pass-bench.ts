// CPU of a dataset's two-pass personal-data detection (pii/dataset.ts detectDataset, what the workspace's check and
// redaction run), against the same two passes re-detecting every record: `npx tsx bench/pii-dataset-two-pass-bench.ts
// [--copies 9]`. Records: one per paragraph of every labelled split but wblind (prompt and response, as the rate
// bench makes them), 1112 per copy. Both must give the same spans; the bench checks that before printing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectDataset, seedsReach } from '../electron/core/pii/dataset.js';
import { detectPii } from '../electron/core/pii/detect.js';
import { nameKeys } from '../electron/core/pii/names.js';
import { loadPiiResources } from '../electron/core/pii/resources.js';

const args = process.argv.slice(2);
const copies = args.includes('--copies') ? Number(args[args.indexOf('--copies') + 1]) : 9;
const fixtures = fileURLToPath(new URL('../test/fixtures/pii', import.meta.url));
const texts = ['tune', 'test', 'holdout', 'holdout2', 'holdout3', 'wtune'].flatMap((split) =>
  readdirSync(join(fixtures, split))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(fixtures, split, f), 'utf8')),
);
const paragraphs = texts
  .join('\n\n')
  .split(/\n\s*\n/)
  .filter((p) => p.trim());
const perCopy = 1112;
const one = Array.from({ length: perCopy }, (_, i) => `${paragraphs[i % paragraphs.length] ?? ''}\n${paragraphs[(i * 7 + 3) % paragraphs.length] ?? ''}`);
const records = Array.from({ length: copies }, () => one)
  .flat()
  .map((text, i) => ({ id: String(i), text }));
const resources = loadPiiResources();
const bytes = records.reduce((n, r) => n + Buffer.byteLength(r.text), 0);

function cpu<T>(f: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const out = f();
  const c = process.cpuUsage(c0);
  return [out, (c.user + c.system) / 1e6];
}

/** The two passes as they were: every record detected again with the seeds. */
function everyRecordTwice() {
  const first = records.map((r) => detectPii(r.text, { resources }));
  const seeds = nameKeys(first.flat(), resources);
  return records.map((r) => detectPii(r.text, { resources, seedNames: seeds }));
}

detectPii(one[0] ?? '', { resources });
const [naive, naiveCpu] = cpu(everyRecordTwice);
const [fast, fastCpu] = cpu(() => detectDataset(records, { resources }));
if (JSON.stringify(naive) !== JSON.stringify(fast)) throw new Error('detectDataset differs from re-detecting every record');
const unclaimed = records.map((r) => {
  const own = new Set<string>();
  detectPii(r.text, { resources, unclaimedNames: own });
  return own;
});
const seeds = nameKeys(fast.flat(), resources);
const again = unclaimed.filter((u) => seedsReach(u, seeds)).length;
console.log(`dataset two-pass bench: ${records.length} records, ${(bytes / 1e6).toFixed(2)} MB, ${seeds.size} seed name words`);
console.log(`  every record twice   cpu ${naiveCpu.toFixed(2)} s  ${(bytes / 1e6 / naiveCpu).toFixed(2)} MB per CPU second`);
console.log(
  `  detectDataset        cpu ${fastCpu.toFixed(2)} s  ${(bytes / 1e6 / fastCpu).toFixed(2)} MB per CPU second  (second pass on ${again} of ${records.length} records)`,
);
console.log('  same spans, record for record');
