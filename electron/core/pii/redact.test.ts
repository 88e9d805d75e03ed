// Redaction modes: masks, consistent pseudonyms across records, date shifts that keep intervals, the map.
import { describe, expect, it } from 'vitest';
import { shiftDateText } from './dateShift.js';
import { detectPii } from './detect.js';
import { createPseudonymMap, maskText, parsePseudonymMap, pseudonymizeText, serializePseudonymMap } from './redact.js';
import { loadPiiResources } from './resources.js';
import { dateShiftDays } from './surrogates.js';

const resources = loadPiiResources();
const detect = (t: string) => detectPii(t, { resources });

describe('mask', () => {
  it('replaces every span with its typed placeholder and leaves the rest byte for byte', () => {
    const input = 'Patient: José Núñez\r\nDOB: 03/14/1951 😀 MRN: 00482913, metformin 500 mg BID.';
    const { text, replacements } = maskText(input, detect(input));
    expect(text).toBe('Patient: [NAME]\r\nDOB: [DATE] 😀 MRN: [MRN], metformin 500 mg BID.');
    expect(replacements.map((r) => r.type)).toEqual(['NAME', 'DATE', 'MRN']);
  });

  it('masks only the types of the policy', () => {
    const input = 'Patient: José Núñez, DOB: 03/14/1951';
    expect(maskText(input, detect(input), { types: ['NAME'] }).text).toBe('Patient: [NAME], DOB: 03/14/1951');
  });

  it('gives the same copy on a long text, spans in any order, as replacing them one by one from the end', () => {
    const record = 'Seen by José Núñez on 03/14/1951 😀 at 4 Elm Street, Dayton; call (937) 555-0142.\n';
    const input = record.repeat(1000);
    const spans = detect(input);
    expect(input.length).toBeGreaterThan(1 << 16);
    const shuffled = spans
      .map((s, i) => ({ s, k: (i * 7919) % spans.length }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.s);
    for (const policy of [undefined, { types: ['NAME' as const, 'PHONE' as const] }]) {
      let expected = input;
      for (const s of [...spans].reverse()) {
        if (!policy || policy.types.some((t) => t === s.type)) expected = expected.slice(0, s.start) + `[${s.type}]` + expected.slice(s.end);
      }
      expect(maskText(input, spans, policy).text).toBe(expected);
      expect(maskText(input, shuffled, policy).text).toBe(expected);
    }
  });

  it('refuses overlapping spans instead of writing garbage', () => {
    const s = { type: 'ID' as const, confidence: 1, source: 'reviewer' as const };
    expect(() =>
      maskText('abcdef', [
        { ...s, start: 0, end: 3, text: 'abc' },
        { ...s, start: 2, end: 5, text: 'cde' },
      ]),
    ).toThrow(/overlapping/);
  });
});

describe('pseudonyms', () => {
  const records = [
    'Patient: José Núñez, MRN: 00482913. Admitted 03/03/2024, discharged 03/09/2024.',
    'Follow-up for Mr. Núñez (MRN: 00482913) on March 20, 2024 with Dr. Renée Dubois.',
    'Dr. Renée Dubois called José Núñez on 04/02/2024.',
  ];

  function run(secret: string) {
    const map = createPseudonymMap();
    const out = records.map((r, i) => pseudonymizeText(r, detect(r), { secret, recordId: `rec-${i}`, resources, map }).text);
    return { out, map };
  }

  it('gives the same person one surrogate across records, and removes the originals', () => {
    const { out, map } = run('dataset-secret-1');
    const full = map.entries.NAME?.['jose nunez'];
    const family = map.entries.NAME?.['nunez'];
    expect(full).toBeDefined();
    expect(out[0]).toContain(full!);
    expect(out[2]).toContain(full!);
    // "Mr. Núñez" alone gets the family-name part of the same surrogate.
    expect(full!.endsWith(` ${family}`)).toBe(true);
    expect(out[1]).toContain(`Mr. ${family}`);
    expect(out[1]).toContain(map.entries.NAME?.['renee dubois'] ?? '?');
    expect(out[1]).toContain(map.entries.MRN?.['00482913'] ?? '?');
    for (const o of out) for (const original of ['José', 'Núñez', 'Renée', 'Dubois', '00482913']) expect(o).not.toContain(original);
  });

  it('gives different people different surrogates and keeps each mention in its own case', () => {
    const families = [...resources.lastNames].slice(0, 80);
    const text = families.map((f) => `Dr. ${f[0]!.toUpperCase()}${f.slice(1)} and MR. ${f.toUpperCase()}.`).join('\n');
    const map = createPseudonymMap();
    const out = pseudonymizeText(text, detect(text), { secret: 'k', recordId: 'r', resources, map }).text.split('\n');
    const surrogates = out.map((line) => /^Dr\. (\S+) and MR\. (\S+)\.$/u.exec(line));
    for (const m of surrogates) expect(m?.[2]).toBe(m?.[1]?.toUpperCase());
    expect(new Set(surrogates.map((m) => m?.[1])).size).toBe(families.length);
  });

  it('is deterministic for one secret and different for another', () => {
    expect(run('dataset-secret-1').out).toEqual(run('dataset-secret-1').out);
    expect(run('dataset-secret-2').out).not.toEqual(run('dataset-secret-1').out);
  });

  it('shifts all dates of a record by one offset, so intervals are kept', () => {
    const { out, map } = run('dataset-secret-1');
    const shift = map.dateShifts['rec-0']!;
    expect(shift).not.toBe(0);
    const dates = [...out[0]!.matchAll(/(\d{2})\/(\d{2})\/(\d{4})/g)].map((m) => Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!));
    expect(dates).toHaveLength(2);
    expect((dates[1]! - dates[0]!) / 86_400_000).toBe(6);
    expect(dates[0]).toBe(Date.UTC(2024, 2, 3) + shift * 86_400_000);
  });

  it('serializes the map apart from the data and reads it back', () => {
    const { map } = run('dataset-secret-1');
    const json = serializePseudonymMap(map);
    expect(parsePseudonymMap(json)).toEqual(map);
    expect(() => parsePseudonymMap('{"version":2}')).toThrow(/pseudonym map/);
  });
});

describe('date shifting', () => {
  it.each([
    ['03/14/2024', 20, '04/03/2024'],
    ['2024-12-25', 10, '2025-01-04'],
    ['March 3, 2024', -3, 'February 29, 2024'],
    ['14 Feb 2023', 15, '1 Mar 2023'],
    ['3/14', 1, '3/15'],
    ['June 2021', 30, 'July 2021'],
    ['8th day of March, 2024', 1, '9th day of March, 2024'],
  ])('%s shifted by %i days is %s', (input, days, expected) => {
    expect(shiftDateText(input, days)).toBe(expected);
  });

  it("reads an ambiguous date in the project locale and writes it back in the input's own order", () => {
    // A UK date of birth: 2 November 2015, moved back 19 days, stays day first (it became 01/23/2015 read as US).
    expect(shiftDateText('02/11/2015', -19, true)).toBe('14/10/2015');
    expect(shiftDateText('02/11/2015', -19, false)).toBe('01/23/2015');
    // A number over 12 decides by itself, whatever the locale.
    expect(shiftDateText('25/12/2024', 1, false)).toBe('26/12/2024');
    expect(shiftDateText('12/25/2024', 1, true)).toBe('12/26/2024');
    expect(shiftDateText('3/4', 30, true)).toBe('3/5'); // 3 April + 30 days = 3 May, day first
    expect(shiftDateText('31/12', 1, true)).toBe('01/01'); // widths of the input kept
  });

  it('returns undefined for text it cannot read (the caller then masks)', () => {
    expect(shiftDateText('sometime in spring', 5)).toBeUndefined();
    expect(shiftDateText('02/30/2024', 5)).toBeUndefined();
  });

  it('draws a non-zero shift within a year, stable per record', () => {
    const shifts = Array.from({ length: 200 }, (_, i) => dateShiftDays('s', `r${i}`));
    expect(shifts.every((d) => d !== 0 && Math.abs(d) <= 365)).toBe(true);
    expect(new Set(shifts).size).toBeGreaterThan(100);
    expect(dateShiftDays('s', 'r1')).toBe(dateShiftDays('s', 'r1'));
  });
});
