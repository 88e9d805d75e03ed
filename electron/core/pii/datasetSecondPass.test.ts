// detectDataset's second pass keeps a record's first-pass spans when none of the capitalized words its own names
// leave unclaimed is a seed (dataset.ts). That shortcut must give exactly the spans of re-detecting every record
// with the seeds, on records cut from every labelled set but the blind one.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectDataset, seedsReach } from './dataset.js';
import { detectPii } from './detect.js';
import { nameKeys } from './names.js';
import { loadPiiResources } from './resources.js';

const resources = loadPiiResources();
const fixtures = fileURLToPath(new URL('../../../test/fixtures/pii', import.meta.url));
const paragraphs = ['tune', 'test', 'holdout', 'holdout2', 'holdout3', 'wtune']
  .flatMap((split) =>
    readdirSync(join(fixtures, split))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(fixtures, split, f), 'utf8')),
  )
  .flatMap((t) => t.split(/\r?\n\s*\r?\n/))
  .filter((p) => p.trim());
// A name introduced in one record and only mentioned in others, as the second pass exists for.
const records = [
  'Patient: Brzęczyszczykiewicz, Anna. Seen 03/03/2024.',
  ...paragraphs,
  'Brzęczyszczykiewicz called on 03/10/2024 about metformin.',
  'Brzęczyszczykiewicz & Partners LLP.',
].map((text, i) => ({ id: String(i), text }));

/** The two passes without the shortcut: every record detected again with the seeds. */
function everyRecordTwice(): ReturnType<typeof detectDataset> {
  const first = records.map((r) => detectPii(r.text, { resources }));
  const seeds = nameKeys(first.flat(), resources);
  return records.map((r) => detectPii(r.text, { resources, seedNames: seeds }));
}

describe("detectDataset's second pass", () => {
  it('gives the spans of detecting every record again with the seeds, record for record', () => {
    const got = detectDataset(records, { resources });
    expect(got).toEqual(everyRecordTwice());
    // The mention-only record gets the name found in the first one, which it does not find alone.
    const mention = records.length - 2;
    expect(got[mention]?.filter((s) => s.type === 'NAME').map((s) => s.text)).toEqual(['Brzęczyszczykiewicz']);
    expect(detectPii(records[mention]?.text ?? '', { resources }).filter((s) => s.type === 'NAME')).toEqual([]);
  });

  it('skips most records: those whose unclaimed capitalized words hold no seed', () => {
    const unclaimed = records.map((r) => {
      const own = new Set<string>();
      detectPii(r.text, { resources, unclaimedNames: own });
      return own;
    });
    const seeds = nameKeys(
      records.flatMap((r) => detectPii(r.text, { resources })),
      resources,
    );
    const again = unclaimed.filter((u) => seedsReach(u, seeds)).length;
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThan(records.length / 2);
    // The mention-only record: its surname is unclaimed there and a seed from the first record.
    expect(seedsReach(unclaimed[records.length - 2], seeds)).toBe(true);
    expect(seedsReach(new Set(['okonkwo']), new Set(['chidi']))).toBe(false);
    expect(seedsReach(undefined, new Set(['chidi']))).toBe(true);
  });
});
