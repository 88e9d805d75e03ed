// A dataset's two-pass detection on several worker threads gives detectDataset's spans, record for record,
// including a name that one group finds and another group only mentions.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectDataset } from '../pii/dataset.js';
import { loadPiiResources } from '../pii/resources.js';
import { detectDatasetThreaded, groupTexts } from './piiDatasetThreads.js';

const resources = loadPiiResources();
const dir = fileURLToPath(new URL('../../../test/fixtures/pii/test/', import.meta.url));
const paragraphs = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(dir + f, 'utf8').split(/\r?\n\s*\r?\n/))
  .filter((p) => p.trim());

describe('dataset detection on worker threads', () => {
  it('groups records contiguously, about equal in characters, covering every record once', () => {
    const groups = groupTexts(paragraphs, 3);
    expect(groups).toHaveLength(3);
    expect(groups[0]?.from).toBe(0);
    expect(groups[2]?.to).toBe(paragraphs.length);
    for (let i = 1; i < groups.length; i++) expect(groups[i]?.from).toBe(groups[i - 1]?.to);
  });

  it('gives the one-thread spans, record for record, with names spread across groups', async () => {
    // The title finds "Okonkwo" in the first record; the last record only mentions him: the second pass finds it.
    const texts = ['Seen by Dr. Chidi Okonkwo today.', ...paragraphs, 'Okonkwo called back.'];
    const errors: unknown[] = [];
    const total = texts.reduce((n, t) => n + t.length, 0);
    const threaded = await detectDatasetThreaded(texts, { resources, cores: 2, pieceMin: Math.floor(total / 2) - 10, onThreadError: (e) => errors.push(e) });
    expect(errors).toEqual([]);
    const one = detectDataset(
      texts.map((text, i) => ({ id: String(i), text })),
      { resources },
    );
    expect(threaded).toEqual(one);
    expect(threaded[texts.length - 1]?.map((s) => [s.type, s.text])).toContainEqual(['NAME', 'Okonkwo']);
  }, 60_000);
});
