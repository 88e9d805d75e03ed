// The identifier scans run only where the shared runs of digits and capitals (alnumRuns.ts) let them: each must find
// exactly what its global regex finds over the whole text. Checked on every labelled document but the blind split,
// the documents glued into one text, edge strings for every kind, and a few thousand random strings made of digit
// groups, capitals, separators and those edge strings with characters changed (the cheap tests at each run are the
// part most easily wrong, and random near-misses probe them where the fixtures do not).
import { describe, expect, it } from 'vitest';
import { matchesAnchored } from './anchoredScan.js';
import { ID_SCANS, alnumRuns, alnumRunsHeld, charTable, digitChains, groupChars, idScan, releaseAlnumRuns } from './alnumRuns.js';
import { NO_LABEL_SCAN } from './legal.js';
import { NATIONAL_SCANS } from './nationalIds.js';
import './patterns.js';
import { detectPlates } from './plates.js';
import { detectPii } from './detect.js';
import { loadPiiResources } from './resources.js';
import { matches } from './span.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';
import { seeded } from '../../../test/unit/fuzzPayloads.js';

const texts = labelledTexts();

/** One or more samples of every kind, some at the text's start or end, after '+', a letter, a digit group, a dash. */
const edges = [
  '943 476 5919 +44 943 476 5919, x943 476 5919, 9434765919; 046 454 286 and 046-454-286; 123 456 78 / 123 456 782',
  'AB 12 34 56 C; AB123456C; QQ123456A; BG123456A; ABCPE1234F; 2123 45670 1; 2123 45670 1/2; 2123 45670 12',
  '2345 6789 0123; 234567890123; 2345-6789-0123; DE 123456789; DE123456789; ATU12345678; IE1+23456A; NL123456789B01',
  'BG 1234567890; CZ12345678; 12345678Z; X1234567L; X-1234567-L; Y 1234567 Z; 12345678-Z; 1 85 05 78 006 084 36',
  '185057800608436; 2 85 05 2A 006 084 36; 285052B00608436; 1 85 05 78 006 084; 756.1234.5678.97; 7561234567897',
  'RSSMRA85T10A562S; 85.07.30-033.28; 85073003328; 1234.56.782; 123456782; 12 345 678 901; 12345678901',
  '2123456701; Medicare 21234567011; UTR 12345 67890; 1234567T 1234567TW; PESEL 44051401359; 19811218-9876; 811218+9876',
  '131052-308T; 131052A308T; 0101701234; 010170-1234; +4412345 67890; x1234567T; 12 12345 67890; 3112991234',
  'IBAN DE89 3704 0044 0532 0130 00, GB82WEST12345698765432; 5-943 476 5919; 12.943 476 5919; 𝐀AB123456C; éAB 12 34 56 C',
  // patterns.ts
  'fe80::1 and 2001:db8::8a2e:370:7334 at 10:30:00; ::1; a:b:c; x::1; 12345::1; :::: ab:cd:ef:12:34:56:78:9a',
  '123-45-6789 123 45 6789 123-45 6789 -123-45-6789; (603) 555-0128; 603-555-0128; +1 603 555 0128; 1-603-555-0128',
  '1603 555 0128; 1(603)555-0128; +44 20 7946 0958; +33 1 42 68 53 00; tel 020 7946 0958; call 0113 496 0872',
  '07700 900461; 07700 900 461; 020 7946 0958; 0113 496 0872; 01632 960123; 087 123 4567; 030 12345678; 06 12 34 56 78',
  '01.42.68.53.00; 0412 345 678; (02) 9876 5432; 02 9876 5432; 98765 43210; 098765 43210; 612 345 678; 612 34 56 78',
  '010-1234-5678; 02-123-4567; 070-123 45 67; 08-123 456 78; 4111 1111 1111 1111; 4111-1111-1111-1111; 4111111111111111',
  '1HGCM82633A004352 1HGCM82633A00435 1hgcm82633a004352 12345678901234567; AB1234563; 1234567893; 123456780; 192.168.1.20',
  '1:23-cv-04412-ABC; MRN 00482913; A180442; AB-123456; -123456; MRN-4471-22; 4471-2023.5; 2023-04-02; 123456/7; 99-12345',
  // plates.ts
  'YD19 KFN; GH-418-KT; K-MS 4821; MÜ-AB 123; Ö-X 1; ÜM-AB 12E; MH 02 DN 4471; MH02DN4471; KA-05-MN-1234; DL 1C AB 1234',
  'VIN 1HGCM82633A004352; FIN: WDB12345678901234; Fahrgestellnummer WVWZZZ1JZXW000001; numéro VIN VF1RFB00012345678',
  'n° de série VF1RFB00012345678; número de bastidor VSSZZZ6JZ9R123456; telaio ZFA31200000123456; xVIN 1HGCM82633A004352',
  // legal.ts
  'license plate ABC 1234; licence plate: 7XYZ123; registration plate KA05MN1234; plate# 4GDK771; tag 8ABC123; plateAB12',
  'Case No. 2023 L 008812; Not 12345; NOTE12345 NO123456; Nos. 4471/2023; No:12345; No\t12345; CaseNo. 12345; No.12345; Nov 12345; NOZ12345; NoA12345; No12345; Nos 12345',
  'Circuit Court 22CR40817; A180442 and Court of Appeal A-2023-1187, xCourt 22CR40817, Court\n22CR40817, Courts 12345',
  'Rollo 442/2023, W.P.(C) 4471/2023, RG n° 23/04518, 1187/2023; 3/12/2023; 12/2023; 1/2023 mg; x442/2023; 1234567/2023',
  // Keyword-led scans (keywordLeads.ts): 'ſ' and the Kelvin sign inside and opening a word under the i flag, a value
  // glued to its word before a non-ASCII letter, non-Latin words around them.
  'licenſe plate AB12 CD; regiſtration plate KA05MN1234; \u212aennzeichen B-MS 4821; VINABCDEFGHJKLMNPRSé; VIN1HGCM82633A004352é',
  // White space other than a blank between phone groups (\\s), a VAT number with a dot after its first letter.
  '603\u00a0555\u00a00128; +1\u2009603\u2009555\u20090128; 603\n555\n0128; ATU.1234567; ESX.1234567L; 99-12345; 12-3456',
  'Пациент VIN 1HGCM82633A004352 номер; 患者 plate 4GDK771 号; numéro VIN VF1RFB00012345678é; ſtag 8ABC123; éplate AB12',
];

const TOKENS = [' ', ' ', ' ', '-', '.', '/', '+', '(', ')', ':', '\n', '\t', ',', '_', '#', '*', 'é', 'Ä', 'Ö', 'Ü', '𝐀', '°', '\u00a0', '\u2009', 'ſ'];
const CAPS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function fuzz(count: number): string[] {
  const rnd = seeded(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');
  const caps = (n: number) => Array.from({ length: n }, () => pick([...CAPS])).join('');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      // Groups of digits and capitals with one separator kind, as identifiers are written.
      const sep = pick([' ', '-', '.', '', ' ', '/', ':']);
      const parts: string[] = [];
      const n = 1 + Math.floor(rnd() * 7);
      for (let k = 0; k < n; k++) {
        const r = rnd();
        parts.push(
          r < 0.55
            ? digits(1 + Math.floor(rnd() * (rnd() < 0.8 ? 5 : 17)))
            : r < 0.85
              ? caps(1 + Math.floor(rnd() * 4))
              : caps(2) + digits(2 + Math.floor(rnd() * 12)),
        );
      }
      out.push(pick(TOKENS) + parts.join(sep) + pick(TOKENS) + (rnd() < 0.3 ? digits(2) : ''));
    } else {
      // An edge string with a few characters changed, dropped or put in.
      const chars = [...pick(edges)];
      for (let k = 0; k < 4; k++) {
        const at = Math.floor(rnd() * chars.length);
        const r = rnd();
        const ch = r < 0.4 ? String(Math.floor(rnd() * 10)) : r < 0.6 ? pick([...CAPS]) : pick(TOKENS);
        if (r < 0.5) chars[at] = ch;
        else if (r < 0.75) chars.splice(at, 1);
        else chars.splice(at, 0, ch);
      }
      out.push(chars.join(''));
    }
  }
  return out;
}

/** The scans over the shared runs: ID_SCANS, the national kinds that stay in anchoredScan.ts's list, case numbers. */
const SCANS = [...new Set([...ID_SCANS, ...NATIONAL_SCANS, NO_LABEL_SCAN])];

function all(it: Iterable<RegExpExecArray>): unknown[] {
  return [...it].map((m) => [m.index, m[0], m.indices ? [...m.indices] : null, m.indices?.groups ? { ...m.indices.groups } : null]);
}

describe('identifier scans over the shared digit and capitals runs', () => {
  it('registers a scan for each identifier regex of the four detectors', () => {
    // 17 national-id kinds and the IBAN, 15 in patterns.ts, 2 plates, 3 legal; 7 more national-id kinds.
    expect(ID_SCANS.length).toBeGreaterThanOrEqual(38);
    expect(SCANS.length).toBeGreaterThanOrEqual(46);
  });

  it('each finds what its global regex finds on every labelled document, edge string and random string', () => {
    const cases = [...texts, ...edges, edges.join('\n'), texts.join(''), ...fuzz(3000)];
    for (const scan of SCANS) {
      for (const text of cases)
        expect(all(matchesAnchored(scan, text)), `${scan.re.source.slice(0, 70)}\n${text.slice(0, 200)}`).toEqual(all(matches(scan.re, text)));
    }
  });

  it('finds the edge forms (the comparison is not of empty lists) and tries few positions', () => {
    const sample = edges.join('\n');
    const corpus = texts.join('\n\n');
    for (const scan of SCANS) {
      expect([...matches(scan.re, sample)].length, scan.re.source.slice(0, 70)).toBeGreaterThan(0);
      // Under 1 in 200 positions (case numbers try every blank before a "No" and each prefix's start: 1 in 20, as
      // anchoredScan.test.ts asks of it).
      expect(scan.starts(corpus).length, scan.re.source.slice(0, 70)).toBeLessThan(corpus.length / (scan === NO_LABEL_SCAN ? 20 : 200));
    }
  });

  it('walks digit runs everywhere and capitals runs with no small letter', () => {
    const t = 'ab12 X9 Yz 345-6 ÄB7 _Q, MRN: ABCDEFGHI AB-1 CD 1 EF x GH.I KÖ';
    const r = alnumRuns(t);
    const spans = (a: Int32Array, b: Int32Array) => [...a].map((s, k) => t.slice(s, b[k]));
    expect(spans(r.digitStart, r.digitEnd)).toEqual(['12', '9', '345', '6', '7', '1', '1']);
    // The digits of the group sequence each digit run opens.
    expect([...digitChains(r)]).toEqual([2, 1, 4, 1, 1, 1, 1]);
    expect(spans(r.capsStart, r.capsEnd)).toEqual(['X9', 'B7', 'ABCDEFGHI', 'AB', 'CD', 'GH', 'I', 'K']);
    const u = alnumRuns('123456 1234-5 12345 1234AB 12345x-1 -9 7B-1');
    expect([...u.digitLedStart].map((s) => u.input.slice(s, s + 4))).toEqual(['1234', '1234', '1234', '7B-1']);
    expect(alnumRuns(t)).not.toBe(r);
    releaseAlnumRuns();
    expect(alnumRuns(t)).not.toBe(r);
    const again = alnumRuns(t);
    expect(alnumRuns(t)).toBe(again);
    expect(alnumRunsHeld()).toBe(true);
    releaseAlnumRuns();
    expect(alnumRunsHeld()).toBe(false);
    const empty = alnumRuns('');
    expect([empty.digitStart.length, empty.capsStart.length]).toEqual([0, 0]);
    // Past the first 1024 runs the lists grow.
    const many = alnumRuns('A1 '.repeat(3000));
    expect([many.digitStart.length, many.capsStart.length, many.capsEnd[2999]]).toEqual([3000, 3000, 8999]);
    releaseAlnumRuns();
  });

  it('are dropped when detectPii is done with the text', () => {
    releaseAlnumRuns();
    detectPlates('DE 123');
    expect(alnumRunsHeld()).toBe(true);
    detectPii('MRN 00482913, plate AB12 CDE, 943 476 5919', { resources: loadPiiResources(), compiled: false });
    expect(alnumRunsHeld()).toBe(false);
  });

  it('counts the characters of a group sequence, a separator only before another one', () => {
    const digits = charTable('0123456789');
    const seps = charTable(' -');
    expect(groupChars('943 476-5919 x', 0, digits, seps, 99)).toBe(10);
    expect(groupChars('943  476', 0, digits, seps, 99)).toBe(3);
    expect(groupChars('943 476 5919', 0, digits, seps, 5)).toBe(5);
    expect(groupChars('12 ', 0, digits, seps, 99)).toBe(2);
    expect(() => idScan(/ab/, () => [])).toThrow(/global/);
  });
});
