// The anchored scans (anchoredScan.ts: a regex run only where a rare part of its matches points back to) must find
// exactly what the plain global scan finds: each is checked against it on every labelled document but the blind
// split, the documents glued into one text, and edge strings for every word and form the fixtures may lack.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANCHORED_SCANS, anchoredScan, blanksBack, lettersBack, matchesAnchored } from './anchoredScan.js';
import { detectPii } from './detect.js';
import { loadPiiResources } from './resources.js';
import { matches } from './span.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/pii', import.meta.url));
const texts: string[] = [];
for (const split of ['tune', 'test', 'holdout', 'holdout2', 'holdout3', 'wtune'])
  for (const f of readdirSync(join(fixtures, split)).filter((x) => x.endsWith('.txt'))) texts.push(readFileSync(join(fixtures, split, f), 'utf8'));

const shortWords =
  'on dated date DOB: DOB born since from until through to by of seen admitted discharged visit surgery delivered effective next appointment assessment recheck review due f/u follow-up Mon Monday Tue Tues Tuesday Wed Wednesday Thu Thurs Thursday Fri Friday Sat Saturday Sun Sunday'.split(
    ' ',
  );
const edges = [
  // Every SHORT word, as written and upper-cased, then a m/d date; and the forms that must not match.
  shortWords.map((w, i) => `${w} ${(i % 12) + 1}/${(i % 28) + 1}`).join('. '),
  shortWords.map((w, i) => `${w.toUpperCase()}\t${(i % 9) + 1}/1${i % 9}`).join('\n'),
  'x-on 3/14, xon 3/14, on 123/4, on 3/14/2024, on 3/40, on 13/1, seen  12/31 and on\n3/4; ſince 3/14; DOB:3/14',
  '/3/14 on 3/ on /14 3/14 on 09/09',
  // Month and year in every language, with "de", upper case, at the text's edges, after letters that block it.
  'Mai 2024',
  'März 2024, MÄRZ 1999, mars de 2024, 5 de mayo de 2023, junho de 1980, марта 2024, xMai 2024, 𝐀Mai 2024, de 2024',
  'setembro  2021; dezembro de\t2022; Jänner 2020; październik 2019 października 2019; mai 20245; mai 1799',
  texts.join(''),
];

function all(it: Iterable<RegExpExecArray>): unknown[] {
  return [...it].map((m) => [m.index, m[0], m.indices ? [...m.indices] : null, m.indices?.groups ? { ...m.indices.groups } : null]);
}

describe('anchored scans find what a whole-text scan finds', () => {
  it('registers the scans the detector uses', () => {
    detectPii('on 3/14 and März 2024', { resources: loadPiiResources() });
    expect(ANCHORED_SCANS.length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same matches, indices and groups on every labelled document and edge string', () => {
    for (const scan of ANCHORED_SCANS) {
      for (const text of [...texts, ...edges]) expect(all(matchesAnchored(scan, text)), scan.re.source.slice(0, 60)).toEqual(all(matches(scan.re, text)));
    }
  });

  it('finds the edge forms it is meant to (so the comparison above is not of two empty lists)', () => {
    const found = ANCHORED_SCANS.map((scan) => all(matchesAnchored(scan, edges.slice(0, 7).join('\n'))).length);
    for (const n of found) expect(n).toBeGreaterThan(10);
  });

  it('tries the regex at few positions: the anchors are rare', () => {
    const corpus = texts.join('\n\n');
    for (const scan of ANCHORED_SCANS) expect(scan.starts(corpus).length).toBeLessThan(corpus.length / 100);
  });

  it('skips candidates inside a previous match and takes them in text order', () => {
    const scan = anchoredScan(/ab|b/g, () => [3, 1, 0, 2]);
    expect(all(matchesAnchored(scan, 'abab'))).toEqual(all(matches(/ab|b/g, 'abab')));
    ANCHORED_SCANS.pop();
    expect(() => anchoredScan(/ab/, () => [])).toThrow(/global/);
  });

  it('walks back over blanks and one-unit letters only', () => {
    expect(blanksBack('ab \t 12', 5)).toBe(2);
    expect(lettersBack('1 élan 2', 6)).toBe(2);
    expect(lettersBack('𝐀Mai', 5)).toBe(2);
  });
});
