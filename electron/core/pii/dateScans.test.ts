// The date, age and record-label scans (dateScans.ts) must find exactly what their whole-text regex finds: each is
// checked on every labelled document but the blind split, the documents glued into one text, edge strings for the
// forms the fixtures may lack, and seeded random mixes of those forms' pieces.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchesAnchored } from './anchoredScan.js';
import { DATE_SCANS } from './dateScans.js';
import { detectAges, detectDates } from './dates.js';
import { detectLabelled } from './labelled.js';
import { loadPiiResources } from './resources.js';
import { matches } from './span.js';
import { detectWorldDates } from './worldDates.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/pii', import.meta.url));
const texts: string[] = [];
for (const split of ['tune', 'test', 'holdout', 'holdout2', 'holdout3', 'wtune'])
  for (const f of readdirSync(join(fixtures, split)).filter((x) => x.endsWith('.txt'))) texts.push(readFileSync(join(fixtures, split, f), 'utf8'));

const months = 'January February March April May June July August September October November December'.split(' ');
const monthForms = months.flatMap((m) => [m, m.slice(0, 3), m.toUpperCase(), m.slice(0, 3).toUpperCase(), m.toLowerCase()]).concat('Sept', 'SEPT', 'SEPEMBER', 'Sepember');
const edges = [
  // English month-led dates: every spelling, with a day, a year or both, after a digit, glued to a letter (no match),
  // a dose after the day (no match), a ſ or Kelvin sign (no match: these patterns are case-sensitive).
  monthForms.map((m, i) => `${m}${i % 2 ? '.' : ''} ${(i % 28) + 1}${i % 3 ? ', 20' + String(i % 90).padStart(2, '0') : ''}`).join('; '),
  monthForms.map((m, i) => `${m}${i % 2 ? ',' : ''}\t${i % 3 ? 'of ' : ''}19${String(i % 100).padStart(2, '0')}`).join('\n'),
  'xMarch 3, 9March 3, March 3 mg, Mar 3:30, June 2021x, June 20211, ſept 3, Ma\u212ach 3, Sept. 14th 2023, ÄMarch 3, March\u00e9 3',
  'March', 'May 5', '𝐀May 5', 'May\u00a05, 2020',
  texts.join(''),
];

/** Seeded random strings of the edge forms' pieces: what a hand-written list may miss. */
function randomEdges(n: number): string[] {
  const pieces = ['March', 'Mar', 'SEPT', 'Sept', 'may', 'May', ' ', '\t', '.', ',', '3', '14', '2024', '1999', 'of ', 'x', 'é', 'mg', ':', '/', '-', '\n'];
  let seed = 12345;
  const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
  return Array.from({ length: n }, () => Array.from({ length: 3 + rnd(12) }, () => pieces[rnd(pieces.length)]).join(''));
}

function all(it: Iterable<RegExpExecArray>): unknown[] {
  return [...it].map((m) => [m.index, m[0], m.indices ? [...m.indices] : null, m.indices?.groups ? { ...m.indices.groups } : null]);
}

describe('date, age and label scans find what a whole-text scan finds', () => {
  it('registers the scans the detectors use', () => {
    const res = loadPiiResources();
    for (const f of [detectDates, detectWorldDates, detectAges, (s: string) => detectLabelled(s, res)]) f('x');
    expect(DATE_SCANS.length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same matches, indices and groups on every labelled document, edge string and random string', () => {
    for (const scan of DATE_SCANS)
      for (const text of [...texts, ...edges, ...randomEdges(3000)])
        expect(all(matchesAnchored(scan, text)), `${scan.re.source.slice(0, 60)} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(all(matches(scan.re, text)));
  });

  it('finds the edge forms it is meant to (so the comparison above is not of two empty lists)', () => {
    const sample = edges.slice(0, -1).join('\n');
    for (const scan of DATE_SCANS) expect(all(matchesAnchored(scan, sample)).length, scan.re.source.slice(0, 60)).toBeGreaterThan(5);
  });

  it('tries the regex at few positions', () => {
    const corpus = texts.join('\n\n');
    for (const scan of DATE_SCANS) expect(scan.starts(corpus).length, scan.re.source.slice(0, 60)).toBeLessThan(corpus.length / 20);
  });
});
