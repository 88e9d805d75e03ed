// The regex shortcuts of the detector (span.ts: leadRe, matchesOnLines) must find exactly what a plain whole-text
// scan finds: each is checked against that scan on every labelled document (but the blind split) and on edge cases.
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';
import { loadPiiResources } from './resources.js';
import { LEAD_GUARDED, LINE_SCANS, anchorLines, lineScan, matches, matchesOnLines } from './span.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();
// Edges: a match at the text's start and end, no line break at all, CRLF lines, a match across a line break that
// must not be found, and the same documents glued into one text with no blank line between them.
const edges = [
  'Hauptstraße 14',
  'Schillerstraße 41\r\nBerlin 10827\r\nLeicester LE2 3AH',
  'moved from Cork County to Kerry County. Lindenweg 3a and Parish of Orleans',
  // One sample per alternative the fixtures may lack: a wrong lead-in or anchor shows here.
  'Tammany Parish\nORLEANS PARISH\nKING COUNTY\nUlica Długa 17, Knez Mihailova 12, Im Winkel 4, Bulevar Oslobođenja 45',
  'Case No. 2023-CV-0412; Docket No 22CR40817\nPatient DOB: 3/14, seen 3/15, review 4/1',
  'Lindenweg\n3a, Travis\nCounty, Fitzroy VIC\n3065, Noida 201309',
  'x'.repeat(50) + ' Hämeenkatu 14 B 22 ' + 'y'.repeat(50),
  'mail a.b@x.org\nfe80::1 and 2001:db8::8a2e:370:7334 at 10:30:00\n@ alone',
  // Every script the non-Latin line finder looks for, one letter outside the BMP (Han extension B) and one at the text's end.
  'a Ωμέγα б Иван א אבי ع علي क राम ক গ ਸ ગ த ల ಕ മ ก ქ Ա 김 ひ カ 王 𠀀x é ü ÿ\nplain ASCII line\n王',
  texts.join(''),
];

function all(it: Iterable<RegExpExecArray>): unknown[] {
  return [...it].map((m) => [m.index, m[0], m.indices ? [...m.indices] : null, m.indices?.groups ? { ...m.indices.groups } : null]);
}

describe('regex shortcuts find what a whole-text scan finds', () => {
  it('registers the shortcuts the detector uses', () => {
    detectPii('Kerry County', { resources: loadPiiResources() });
    expect(LEAD_GUARDED.length).toBeGreaterThanOrEqual(8);
    expect(LINE_SCANS.length).toBeGreaterThanOrEqual(4);
  });

  it('a look-ahead lead-in changes no match', () => {
    for (const { guarded, plain } of LEAD_GUARDED)
      for (const t of [...texts, ...edges]) expect(all(matches(guarded, t)), guarded.source.slice(0, 60)).toEqual(all(matches(plain, t)));
  });

  it('a scan of the anchor lines changes no match, indices included', () => {
    for (const scan of LINE_SCANS)
      for (const t of [...texts, ...edges]) expect(all(matchesOnLines(scan, t)), scan.re.source.slice(0, 60)).toEqual(all(matches(scan.re, t)));
  });

  it('anchorLines keeps only the lines with an anchor, adjacent ones merged', () => {
    const t = 'alpha\nKerry County\nLaois County\nbeta\ngamma Parish';
    expect(anchorLines(t, /County|Parish/g).map(([s, e]) => t.slice(s, e))).toEqual(['Kerry County\nLaois County', 'gamma Parish']);
    expect(anchorLines('no line break County here', /County/g)).toEqual([[0, 25]]);
    expect(anchorLines('nothing here', /County/g)).toEqual([]);
  });

  it('matchesOnLines gives indices of the whole text and skips lines without an anchor', () => {
    const scan = lineScan(/(?<w>[A-Z][a-z]+) County/dg, /County/g);
    const t = 'Smith went home\nTo Kerry County\nand Laois';
    const found = [...matchesOnLines(scan, t)];
    expect(found.map((m) => [m.index, m.indices?.groups?.['w']])).toEqual([[19, [19, 24]]]);
    // "Smith" opens a line with no anchor: a whole-text scan of /[A-Z][a-z]+/ finds it, the line scan does not.
    expect([...matchesOnLines(lineScan(/[A-Z][a-z]+/g, /County/g), t)].map((m) => m[0])).toEqual(['To', 'Kerry', 'County']);
  });
});
