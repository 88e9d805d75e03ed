// The detector's contract: exact offsets on raw text, every identifier type found, distractors left alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareCandidates, detectPii, resolveOverlaps } from './detect.js';
import { nameKeys } from './names.js';
import { loadPiiResources } from './resources.js';
import type { PiiSpan, PiiType } from './types.js';

const resources = loadPiiResources();
const detect = (t: string) => detectPii(t, { resources });
const pairs = (t: string) => detect(t).map((s) => [s.type, s.text]);

function expectOffsets(input: string, spans: PiiSpan[]) {
  for (const s of spans) expect(input.slice(s.start, s.end)).toBe(s.text);
}

describe('offset contract', () => {
  it('keeps UTF-16 offsets into CRLF text with emoji and astral characters', () => {
    const input = '😀😀 Note\r\nPatient: José Núñez\r\n🧑‍⚕️ DOB 03/14/1951\r\n𝒜 call (937) 555-0142 or mail jn@example.com\r\n';
    const spans = detect(input);
    expectOffsets(input, spans);
    expect(spans.map((s) => s.type)).toEqual(['NAME', 'DATE', 'PHONE', 'EMAIL']);
    const name = spans[0]!;
    expect(name.text).toBe('José Núñez');
    // Code units, not code points: the two emoji are 4 units (2 code points), so "José" starts at 20, not 18.
    expect(name.start).toBe(20);
    expect([...input.slice(0, name.start)].length).toBe(18);
  });

  it('does not normalize: decomposed (NFD) names keep their own offsets', () => {
    const input = 'Patient: Jose\u0301 Nu\u0301n\u0303ez, seen 2/3/2024.';
    const spans = detect(input);
    expectOffsets(input, spans);
    expect(spans.find((s) => s.type === 'NAME')?.text).toBe('Jose\u0301 Nu\u0301n\u0303ez');
  });

  it('resolves overlapping candidates the same way whatever their order', () => {
    const a: PiiSpan = { start: 0, end: 10, type: 'ID', text: 'x'.repeat(10), confidence: 0.35, source: 'pattern' };
    const b: PiiSpan = { start: 0, end: 10, type: 'PHONE', text: 'x'.repeat(10), confidence: 0.85, source: 'pattern' };
    const c: PiiSpan = { start: 8, end: 14, type: 'ZIP', text: 'x'.repeat(6), confidence: 0.85, source: 'pattern' };
    const one = resolveOverlaps([a, b, c]);
    expect(resolveOverlaps([c, b, a])).toEqual(one);
    expect(one.map((s) => s.type)).toEqual(['PHONE']);
  });
});

const TYPE_CASES: [PiiType, string, string][] = [
  ['NAME', 'Seen by Dr. Renée Dubois today.', 'Renée Dubois'],
  ['NAME', 'Plaintiff Łukasz Wiśniewski filed suit.', 'Łukasz Wiśniewski'],
  ['NAME', 'Nguyễn Văn Minh was admitted with his sister Søren Holm.', 'Nguyễn Văn Minh'],
  ['NAME', 'Patient Name: NÚÑEZ, JOSÉ   MRN: 00482913', 'NÚÑEZ, JOSÉ'],
  ['NAME', 'Follow up with Dr. van der Berg next week.', 'van der Berg'],
  ['LOCATION', 'She lives at 42 Birchwood Lane, Apt 3B, Dayton, OH 45402.', '42 Birchwood Lane, Apt 3B'],
  ['LOCATION', 'She lives at 42 Birchwood Lane, Apt 3B, Dayton, OH 45402.', 'Dayton'],
  ['ZIP', 'She lives at 42 Birchwood Lane, Apt 3B, Dayton, OH 45402.', '45402'],
  ['LOCATION', 'Recorded in Marin County last year.', 'Marin County'],
  ['DATE', 'Admitted 03/14/2024 and again on March 3.', '03/14/2024'],
  ['DATE', 'Admitted 03/14/2024 and again on March 3.', 'March 3'],
  ['DATE', 'Letter of 14 Feb 2023 and of 2023-11-02.', '14 Feb 2023'],
  ['DATE', 'Signed this 8th day of March, 2024.', '8th day of March, 2024'],
  ['DATE', 'Letter of 14 Feb 2023 and of 2023-11-02.', '2023-11-02'],
  ['AGE', 'A 93-year-old woman with delirium.', '93'],
  ['PHONE', 'Call (617) 555-0142 or +44 20 7946 0958.', '(617) 555-0142'],
  ['PHONE', 'Her son (603-555-0128) visits.', '603-555-0128'],
  ['PHONE', 'Call (617) 555-0142 or +44 20 7946 0958.', '+44 20 7946 0958'],
  ['FAX', 'Tel 617-555-0188, Fax: 617-555-0199', '617-555-0199'],
  ['EMAIL', 'Write to k.okafor@example-clinic.org please.', 'k.okafor@example-clinic.org'],
  ['SSN', 'SSN 123-45-6789 on file.', '123-45-6789'],
  ['MRN', 'MRN: 00482913', '00482913'],
  ['HEALTH_PLAN', 'Member ID: XKH884512307', 'XKH884512307'],
  ['ACCOUNT', 'Card 4111 1111 1111 1111 was charged.', '4111 1111 1111 1111'],
  ['ACCOUNT', 'Acct # 4417-2209-8815 overdue.', '4417-2209-8815'],
  ['LICENSE', 'Prescriber DEA BK3419872.', 'BK3419872'],
  ['VEHICLE', 'Car VIN 1HGCM82633A004352 towed.', '1HGCM82633A004352'],
  ['DEVICE', 'Pacemaker S/N PJN412345H checked.', 'PJN412345H'],
  ['URL', 'See https://portal.example.org/u/8812.', 'https://portal.example.org/u/8812'],
  ['IP', 'Login from 192.168.14.201 and 2001:db8:4a1:7::1c.', '192.168.14.201'],
  ['IP', 'Login from 192.168.14.201 and 2001:db8:4a1:7::1c.', '2001:db8:4a1:7::1c'],
  ['ID', 'Referring NPI 1245319599.', '1245319599'],
  ['CASE_NUMBER', 'Case No. 2:23-cv-04417-JFW is stayed.', '2:23-cv-04417-JFW'],
  ['BAR_NUMBER', 'Elena Vasquez (State Bar No. 284119)', '284119'],
  ['BAR_NUMBER', 'State Bar of Texas No. 24077812', '24077812'],
  ['PHONE', 'Questions: tel. 0113 496 0872 (office hours).', '0113 496 0872'],
  ['ID', 'NHS number 485 777 3456 on the referral.', '485 777 3456'],
  ['LOCATION', 'Street: 9 Rose Terrace   City: Paterson   State: NJ', 'Paterson'],
  ['LOCATION', 'Home: 331 Spruce Street, Scranton, PA 18503.', 'Scranton'],
  ['LOCATION', 'Flat 3, 21 Victoria Road\nManchester M14 5RS', 'Manchester'],
  ['DATE', 'Two falls since June; recheck BMP Friday 3/8.', 'June'],
  ['DATE', 'Two falls since June; recheck BMP Friday 3/8.', '3/8'],
  ['NAME', 'MR. BECKETT: Objection. Foundation.', 'BECKETT'],
  ['NAME', 'Children: Luka (7) and Mila (4).', 'Mila'],
  ['NAME', 'Re: Aigerim Sultanova, DOB 05/05/1982', 'Aigerim Sultanova'],
  ['NAME', 'MERRICK B. GARLAND, Attorney General, Respondent.', 'MERRICK B. GARLAND'],
  ['LOCATION', 'Beneficiary: Rua Augusta 1508, São Paulo - SP, 01304-001, Brazil', 'Rua Augusta 1508'],
  ['ZIP', 'Beneficiary: Rua Augusta 1508, São Paulo - SP, 01304-001, Brazil', '01304-001'],
  ['LOCATION', 'Beneficiary: Rua Augusta 1508, São Paulo - SP, 01304-001, Brazil', 'São Paulo'],
  ['LOCATION', 'Place of birth: Shiraz, Iran', 'Shiraz'],
  ['LICENSE', 'He drives a truck (CDL F882-4410-9917).', 'F882-4410-9917'],
];

describe('each identifier type', () => {
  it.each(TYPE_CASES)('%s in %j', (type, input, text) => {
    expect(pairs(input)).toContainEqual([type, text]);
  });
});

const DISTRACTORS: [string, string][] = [
  ['drug doses', 'Metformin 500 mg BID, apixaban 5 mg, insulin 10 units at night, NaCl 0.9% at 75 mL/h.'],
  ['lab values and vitals', 'Na 138 mmol/L, K 4.1, HbA1c 7.2%, BP 120/80, HR 88, pain 6/10, SpO2 97%, WBC 11200.'],
  ['ICD and CPT codes', 'Diagnoses E11.9, I10 and J18.9; billed CPT 99213 and 94640.'],
  ['statute citations', 'Claims under 42 U.S.C. § 1983, Fed. R. Civ. P. 12(b)(6) and Cal. Civ. Code § 1542; see O.C.G.A. § 9-3-33.'],
  ['reported case law', 'Under Monell v. Department of Social Services, 436 U.S. 658 (1978), the city is not liable.'],
  ['times', 'Seen at 14:30, again at 2:15 PM, dose at 07:00.'],
  ['dental and lab codes glued to letters', 'Procedures: D0120 exam, child, D1206 fluoride; vitamin B12 and 4B pencil.'],
  ['headings after a title', 'JUDGE PRESIDING. Twelve (12) months of rent.'],
  ['bare years and young ages', 'Diabetic since 2019, smoker in 2001-2005, a 45-year-old man, aged 67.'],
  ['hyphenated words with a name inside', 'X-ray of the knee and an X-Ray of the hip were normal.'],
  ['eponyms', "Known Parkinson's disease and Crohn's disease; Glasgow Coma Scale 15, Babinski sign absent, Wilson disease excluded."],
];

describe('distractors are not flagged', () => {
  it.each(DISTRACTORS)('%s', (_kind, input) => {
    expect(pairs(input)).toEqual([]);
  });
});

describe('dataset-wide names', () => {
  it('flags a name found in one record in the other records too', () => {
    const first = detect('Seen by Dr. Brzęczyszczykiewicz today.');
    expect(first.map((s) => s.text)).toEqual(['Brzęczyszczykiewicz']);
    const plain = 'Brzęczyszczykiewicz reviewed the chart.';
    expect(detect(plain)).toEqual([]);
    const seeded = detectPii(plain, { resources, seedNames: nameKeys(first, resources) });
    expect(seeded.map((s) => [s.type, s.text])).toEqual([['NAME', 'Brzęczyszczykiewicz']]);
  });
});

describe('policy', () => {
  it('returns only the types a policy turns on', () => {
    const input = 'Patient: José Núñez, DOB 03/14/1951, MRN: 00482913';
    expect(detectPii(input, { resources, policy: { types: ['DATE'] } }).map((s) => s.type)).toEqual(['DATE']);
  });
});

describe('overlap resolution stays linear', () => {
  // Work counted, not timed: the steps resolveOverlaps takes must grow with the input, not with its square. The
  // first version compared each candidate with every kept span (kept.some), so 2x the spans cost 4x the steps.
  const spansFor = (n: number) => {
    const out: PiiSpan[] = [];
    for (let i = 0; i < n; i++) {
      const at = i * 20;
      out.push({ start: at, end: at + 8, type: 'NAME', text: 'x'.repeat(8), confidence: 0.9, source: 'context' });
      // A weaker candidate over the same word and a longer one across two words: both must lose.
      out.push({ start: at + 2, end: at + 6, type: 'ID', text: 'x'.repeat(4), confidence: 0.4, source: 'pattern' });
      out.push({ start: at + 4, end: at + 24, type: 'LOCATION', text: 'x'.repeat(20), confidence: 0.3, source: 'dictionary' });
    }
    return out;
  };
  it('keeps the same spans and takes twice the steps for twice the input', () => {
    const small = { steps: 0 };
    const large = { steps: 0 };
    const kept = resolveOverlaps(spansFor(5000), small);
    expect(kept).toHaveLength(5000);
    expect(kept.every((s) => s.type === 'NAME')).toBe(true);
    resolveOverlaps(spansFor(10000), large);
    expect(large.steps / small.steps).toBeGreaterThan(1.9);
    expect(large.steps / small.steps).toBeLessThan(2.1);
    // Bounded by the characters the candidates cover (8 + 1 + 1 per group here), not by candidates x kept spans.
    expect(large.steps).toBeLessThanOrEqual(10000 * 32);
  });
});

describe('overlap resolution by groups', () => {
  /** The one-pass greedy resolution resolveOverlaps replaced: every candidate in compareCandidates order. */
  function onePass(candidates: PiiSpan[]): PiiSpan[] {
    const kept: PiiSpan[] = [];
    for (const c of [...candidates].sort(compareCandidates)) {
      if (c.end <= c.start || kept.some((k) => k.start < c.end && c.start < k.end)) continue;
      kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  // A small deterministic generator: candidates that nest, chain, touch, repeat and have no length.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const types = ['NAME', 'ID', 'DATE', 'LOCATION'] as const;
  const sources = ['context', 'pattern', 'dictionary', 'checksum'] as const;
  const randomCandidates = (n: number): PiiSpan[] =>
    Array.from({ length: n }, () => {
      const start = next(400);
      const end = start + next(25);
      return {
        start,
        end,
        type: types[next(4)] ?? 'ID',
        text: 'x'.repeat(end - start),
        confidence: [0.5, 0.8, 0.9][next(3)] ?? 0.5,
        source: sources[next(4)] ?? 'pattern',
      };
    });

  it('keeps what one pass over all candidates in priority order keeps', () => {
    for (let round = 0; round < 200; round++) {
      const candidates = randomCandidates(1 + next(60));
      expect(resolveOverlaps(candidates)).toEqual(onePass(candidates));
    }
  });

  it('and on thousands of candidates (ordered by start through numeric keys), with equal starts kept in their order', () => {
    for (let round = 0; round < 3; round++) {
      const candidates = randomCandidates(3000).map((c, i) => ({ ...c, start: c.start * 20 + (i % 7), end: c.end * 20 + (i % 7) + 1 }));
      expect(candidates.length).toBeGreaterThan(1024);
      expect(resolveOverlaps(candidates)).toEqual(onePass(candidates));
    }
  });

  it('does so on the detector candidates of a labelled document', () => {
    const text = readFileSync(fileURLToPath(new URL('../../../test/fixtures/pii/tune/t-ext-01.txt', import.meta.url)), 'utf8');
    const spans = detectPii(text, { resources, minConfidence: 0 });
    expect(spans.length).toBeGreaterThan(5);
    const candidates = [...spans, ...spans.map((s) => ({ ...s, start: s.start + 1, confidence: s.confidence - 0.01 }))];
    expect(resolveOverlaps(candidates)).toEqual(onePass(candidates));
  });
});
