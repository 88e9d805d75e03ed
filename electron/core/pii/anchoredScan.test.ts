// The anchored scans (anchoredScan.ts: a regex run only where a rare part of its matches points back to) must find
// exactly what the plain global scan finds: each is checked against it on every labelled document but the blind
// split, the documents glued into one text, and edge strings for every word and form the fixtures may lack.
import { describe, expect, it } from 'vitest';
import {
  ANCHORED_SCANS,
  anchoredScan,
  blanksBack,
  keywordStarts,
  keywords,
  lettersBack,
  matchesAnchored,
  releaseTextWalks,
  textWalksHeld,
} from './anchoredScan.js';
import { detectPii } from './detect.js';
import { loadPiiResources } from './resources.js';
import { isLetterUnit, matches } from './span.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

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
  // National numbers of every digit-led kind: at the text's start, after '+', a letter, a digit group, a dash.
  '943 476 5919 +44 943 476 5919, x943 476 5919, 9434765919; 046 454 286 and 046-454-286; 123 456 78 / 123 456 782',
  '2123 45670 1; Medicare 2123456701; 2345 6789 0123; 756.1234.5678.97; UTR 12345 67890; 1234567T 1234567TW',
  '85.07.30-033.28; PESEL 44051401359; 12 345 678 901; 19811218-9876; 811218-9876; 131052-308T; 0101701234; 010170-1234',
  '1 85 05 78 006 084 36; 2 85 05 2A 006 084; 5-943 476 5919; 12.943 476 5919; ﻿943 476 5919; ٣943 476 5919',
  // Case numbers: every prefix, blanks before "No", upper case, a letter glued before, at the text's start and end.
  'No. 23-3-04412-1 SEA; Case No. 2023 L 008812; Cause No 4471-22; Docket No 22CR40817; Index No. 4471/2023',
  'File  No: A180442; Petition No. 2023-CV-0412; Probate NO. 22-PR-1187; Matter No 88120; Civil Action No. 1:23-cv-04412',
  'Appeal\tNo. 22-1187; \tNos. 4471/2023 and 4472/2023; xNo. 12345; CaseNo. 12345; No 2023; NO. 123; Case No. 4471',
  // Codes before towns: every shape, after '+', a dash, a letter; Luxembourg's "L-".
  '10117 Berlin; 75008 Paris; 1012 AB Amsterdam; 1012AB Amsterdam; 00-950 Warszawa; 1100-148 Lisboa; L-1011 Luxembourg',
  '114 55 Stockholm; 3000 Leuven; +10117 Berlin; -10117 Berlin; x10117 Berlin; 1 Berlin; 123456 Berlin; 8001 Zürich',
  // Record labels: every label of the word lists with a value, as listed, upper-cased, glued to its value, after a
  // letter or a digit (no match), and the non-ASCII cases (a label opening with a Greek letter, "numéro", curly ’).
  labelSamples(),
  // Keyword-led patterns: a month alone after its word, a town after a preposition, a plate after its word; each also
  // after a digit (their look-behind allows it), glued to a letter (no match), and a plate value glued to its word.
  'since June, in March, mid-April, mid June, until\tMay, 9in June, xin June, Since June, till  December; early in May',
  'moved to Dublin, lives in Cork, resides in Galway, from Paris, near Lyon, 9to London, xto London, outside Bath',
  'registration AB12 CDE; reg.AB12CD; regAB12; rego 1ABC234; Kennzeichen: B-MS 4821; amtliches Kennzeichen K MS 482',
  'matrícula 4721 KLM; véhicule AB-123-CD; number plate BZ58QR; 9plate AB12; Véhicule 12-AB-34; REGISTRATION NO. AB 12 CD',
  'xMRN 12345 9MRN 12345 MRN12345 mrn:00482913 Driver’s license D1234567 numéro de sécurité sociale 185057800608436 ΑΦΜ 123456789',
  texts.join(''),
];

function labelSamples(): string {
  const res = loadPiiResources();
  const labels = Object.values(res.labels).flat();
  const plain = labels.map((l, i) => `${i % 2 ? l.toUpperCase() : l}${i % 3 ? ': ' : ' '}A${1000 + i}-${i % 7}`);
  // Under the i and u flags 'ſ' matches 's' and the Kelvin sign 'K' matches 'k': labels written with them inside.
  const folded = labels.filter((l) => /^.+[sk]/i.test(l)).map((l, i) => `${l.replace(/(?<=^.+?)s/i, 'ſ').replace(/(?<=^.+?)k/i, '\u212a')} B${2000 + i}`);
  return [...plain, ...folded].join('; ');
}

function all(it: Iterable<RegExpExecArray>): unknown[] {
  return [...it].map((m) => [m.index, m[0], m.indices ? [...m.indices] : null, m.indices?.groups ? { ...m.indices.groups } : null]);
}

describe('anchored scans find what a whole-text scan finds', () => {
  it('registers the scans the detector uses', () => {
    detectPii('on 3/14 and März 2024', { resources: loadPiiResources(), compiled: false });
    // Two date scans, the 7 national-number kinds that open with 5 digits or more, case numbers, code-town, labels,
    // month alone, after-preposition towns, plate words.
    expect(ANCHORED_SCANS.length).toBeGreaterThanOrEqual(15);
  });

  it('gives the same matches, indices and groups on every labelled document and edge string', () => {
    for (const scan of ANCHORED_SCANS) {
      for (const text of [...texts, ...edges]) expect(all(matchesAnchored(scan, text)), scan.re.source.slice(0, 60)).toEqual(all(matches(scan.re, text)));
    }
  });

  it('finds the edge forms it is meant to (so the comparison above is not of two empty lists)', () => {
    const sample = edges.slice(0, -1).join('\n');
    for (const scan of ANCHORED_SCANS) expect(all(matchesAnchored(scan, sample)).length, scan.re.source.slice(0, 60)).toBeGreaterThan(0);
    // The date scans: one match per SHORT word, most month-and-year forms, most months alone after their word.
    const dates = ANCHORED_SCANS.filter((scan) => /dated\?|Januar/.test(scan.re.source));
    expect(dates).toHaveLength(3);
    for (const scan of dates) expect(all(matchesAnchored(scan, sample)).length).toBeGreaterThan(5);
  });

  it('tries the regex at few positions: the anchors are rare (digit runs: 4% of the labelled text)', () => {
    const corpus = texts.join('\n\n');
    for (const scan of ANCHORED_SCANS) expect(scan.starts(corpus).length).toBeLessThan(corpus.length / 20);
  });

  it('skips candidates inside a previous match and takes them in text order', () => {
    const scan = anchoredScan(/ab|b/g, () => [3, 1, 0, 2]);
    expect(all(matchesAnchored(scan, 'abab'))).toEqual(all(matches(/ab|b/g, 'abab')));
    ANCHORED_SCANS.pop();
    expect(() => anchoredScan(/ab/, () => [])).toThrow(/global/);
  });

  it('keeps the runs of a text only while it is detected', () => {
    const since = keywords(['since'], true);
    keywordStarts('a since b', since, false);
    expect(textWalksHeld()).toBe(true);
    releaseTextWalks();
    expect(textWalksHeld()).toBe(false);
    expect(keywordStarts('a since b', since, false)).toEqual([2]);
    detectPii('MRN 00482913, since June 2021', { resources: loadPiiResources(), compiled: false });
    expect(textWalksHeld()).toBe(false);
  });

  it('finds whole keywords from one marking of the runs, also for sets made after it and past the 31 marked sets', () => {
    const text = 'Since June; in March, 9in May, xin June, SINCE then, sinceX 1, since\u00e9, \u00e9t\u00e9 in';
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const since = keywords(['since'], true);
    expect(sorted(keywordStarts(text, since, true))).toEqual([0, 41, 63, 71]);
    // a set made after this text's runs were marked, with a word another set holds too: the marks are made again
    const inWords = keywords(['in', 'since'], true);
    expect(sorted(keywordStarts(text, inWords, true))).toEqual([0, 12, 41, 63, 71, 75]);
    expect(sorted(keywordStarts(text, inWords, false))).toEqual([0, 12, 23, 41, 63, 71, 75]);
    // more sets than bits: the later ones hash the runs themselves and find the same starts
    const many = Array.from({ length: 40 }, () => keywords(['in', 'since'], true));
    expect(many.at(-1)?.bit).toBe(0);
    for (const kw of [many[0], many.at(-1)]) expect(sorted(keywordStarts(text, kw!, true))).toEqual([0, 12, 41, 63, 71, 75]);
  });

  it('walks back over blanks and one-unit letters only', () => {
    expect(blanksBack('ab \t 12', 5)).toBe(2);
    expect(lettersBack('1 élan 2', 6)).toBe(2);
    expect(lettersBack('𝐀Mai', 5)).toBe(2);
    // One code unit each: ASCII by code, others by \p{L}; a surrogate half and a position outside the text are none.
    expect(['a', 'Z', 'é', 'Ж', '王', '1', ' ', "'", '\ud835'].map((c) => isLetterUnit(c, 0))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(isLetterUnit('a', -1)).toBe(false);
    expect(isLetterUnit('a', 1)).toBe(false);
  });

  it('answers like /\\p{L}/u for every code unit, asked twice (the second answer comes from its table)', () => {
    const all = String.fromCharCode(...Array.from({ length: 65536 }, (_, c) => c));
    for (let round = 0; round < 2; round++) {
      const wrong: number[] = [];
      for (let c = 0; c < 65536; c++) if (isLetterUnit(all, c) !== /^\p{L}$/u.test(all[c] ?? '')) wrong.push(c);
      expect(wrong).toEqual([]);
    }
  });
});
