// Issue 13 item 4 and issue 17 item 4c: surrogates look like the real thing in the same country, and the engine
// never hands out a surrogate equal to a real identifier of the dataset.
import { describe, expect, it } from 'vitest';
import { redactDataset } from './dataset.js';
import { detectPii } from './detect.js';
import { createPseudonymMap, pseudonymizeText } from './redact.js';
import { foldKey, loadPiiResources } from './resources.js';
import { surrogateCity, surrogateFor, surrogateNameWord } from './surrogates.js';
import { DEFAULT_POLICY } from './types.js';

const resources = loadPiiResources();
const SECRETS = Array.from({ length: 25 }, (_, i) => `secret-${i}`);

/** The one replacement pseudonymizeText makes for a text that is one identifier of a known type. */
function replaceAlone(text: string, type: 'PHONE' | 'EMAIL' | 'LOCATION', secret: string): string {
  const span = { start: 0, end: text.length, type, text, confidence: 1, source: 'reviewer' as const };
  return pseudonymizeText(text, [span], { secret, recordId: 'r', resources, map: createPseudonymMap() }).text;
}

describe('phone surrogates keep the national format', () => {
  const cases: [string, string, RegExp][] = [
    ['UK mobile', '07700 900461', /^07\d{3} \d{6}$/],
    ['UK mobile, international', '+44 7700 900461', /^\+44 7\d{3} \d{6}$/],
    ['UK London', '020 7946 0958', /^02\d \d{4} \d{4}$/],
    ['Ireland mobile', '087 123 4567', /^08\d \d{3} \d{4}$/],
    ['Germany mobile', '0151 23456789', /^01\d{2} \d{8}$/],
    ['France mobile', '06 12 34 56 78', /^06(?: \d{2}){4}$/],
    ['France, international', '+33 6 12 34 56 78', /^\+33 6(?: \d{2}){4}$/],
    ['Australia mobile', '0412 345 678', /^04\d{2} \d{3} \d{3}$/],
    ['India mobile', '98765 43210', /^[6-9]\d{4} \d{5}$/],
    ['US', '(415) 555-0132', /^\([2-9]\d{2}\) [2-9]\d{2}-\d{4}$/],
    ['US, international', '+1 415 555 0132', /^\+1 [2-9]\d{2} [2-9]\d{2} \d{4}$/],
  ];
  for (const [what, number, shape] of cases) {
    it(`${what}: ${number}`, () => {
      const out = SECRETS.map((s) => replaceAlone(number, 'PHONE', s));
      for (const o of out) {
        expect(o).toMatch(shape);
        expect(o.replace(/\D/g, '')).not.toBe(number.replace(/\D/g, ''));
      }
      expect(new Set(out).size).toBeGreaterThan(20);
    });
  }
});

describe('email surrogates look like a person at a reserved example domain', () => {
  const ascii = (w: string) => foldKey(w).replace(/[^a-z]/g, '');
  const given = new Set(resources.firstNameForms.map(ascii));
  const family = new Set(resources.lastNameForms.map(ascii));

  it('first.last stays first.last, with names from the pools', () => {
    for (const s of SECRETS) {
      const out = replaceAlone('priya.sharma@nhs.net', 'EMAIL', s);
      const m = /^([a-z]+)\.([a-z]+)@example\.(?:com|org|net)$/.exec(out);
      expect(m, out).not.toBeNull();
      expect(given.has(m![1]!), out).toBe(true);
      expect(family.has(m![2]!), out).toBe(true);
      expect(out).not.toMatch(/priya|sharma/);
    }
  });

  it('keeps initials, separators and digits: p_sharma84 becomes x_family12', () => {
    for (const s of SECRETS) {
      const out = replaceAlone('p_sharma84@gmail.com', 'EMAIL', s);
      const m = /^([a-z])_([a-z]+)(\d{2})@example\.(?:com|org|net)$/.exec(out);
      expect(m, out).not.toBeNull();
      expect(family.has(m![2]!), out).toBe(true);
    }
  });
});

describe('an email of a named person', () => {
  it("follows that person's pseudonym: Priya Sharma and priya.sharma@ stay one person", () => {
    const text = 'Patient: Priya Sharma, email priya.sharma@nhs.net';
    for (const s of SECRETS.slice(0, 5)) {
      const map = createPseudonymMap();
      const out = pseudonymizeText(text, detectPii(text, { resources }), { secret: s, recordId: 'r', resources, map }).text;
      const m = /^Patient: (\S+) (\S+), email ([a-z]+)\.([a-z]+)@example\.(?:com|org|net)$/.exec(out);
      expect(m, out).not.toBeNull();
      expect([m![3], m![4]]).toEqual([m![1]!, m![2]!].map((w) => foldKey(w).replace(/[^a-z]/g, '')));
    }
  });
});

describe('place surrogates stay in the same country', () => {
  const country = (code: string) => new Set((resources.countryCities[code] ?? []).map(foldKey));
  const cases: [string, string][] = [
    ['Manchester', 'GB'],
    ['Leeds', 'GB'],
    ['Cork', 'IE'],
    ['Lyon', 'FR'],
    ['Hamburg', 'DE'],
    ['Brisbane', 'AU'],
    ['Pune', 'IN'],
    ['Chicago', 'US'],
  ];
  for (const [city, code] of cases) {
    it(`${city} becomes another town of ${code}`, () => {
      expect(country(code).size).toBeGreaterThan(15);
      for (const s of SECRETS) {
        const out = surrogateCity(city, s, resources);
        expect(country(code).has(foldKey(out)), out).toBe(true);
        expect(foldKey(out)).not.toBe(foldKey(city));
      }
    });
  }

  it('a town in two countries follows the other identifiers of its record', () => {
    const text = 'Seen in Manchester, ring 07700 900461.';
    const us = 'Seen in Manchester, NH, call (603) 555-0128.';
    for (const s of SECRETS.slice(0, 8)) {
      const gb = pseudonymizeText(text, detectPii(text, { resources }), { secret: s, recordId: 'r', resources, map: createPseudonymMap() }).text;
      expect(country('GB').has(foldKey(/^Seen in ([^,]+),/.exec(gb)![1]!)), gb).toBe(true);
      const spans = detectPii(us, { resources });
      expect(spans.map((x) => x.type)).toContain('LOCATION');
      const out = pseudonymizeText(us, spans, { secret: s, recordId: 'r', resources, map: createPseudonymMap() }).text;
      expect(country('US').has(foldKey(/^Seen in ([^,]+),/.exec(out)![1]!)), out).toBe(true);
    }
  });
});

describe('never a real identifier of the dataset', () => {
  it('a name word: the surrogate another patient really has is not handed out', () => {
    for (const s of SECRETS.slice(0, 10)) {
      // What the engine would draw for "Ferreira" with nothing to avoid, made the real surname of a second patient.
      const natural = surrogateNameWord('Ferreira', s, resources);
      const records = [
        { id: 'a', text: 'Patient: Tomás Ferreira called about his refill.' },
        { id: 'b', text: `Patient: Maria ${natural} called about her refill.` },
      ];
      const { records: out } = redactDataset(records, { mode: 'pseudonym', policy: DEFAULT_POLICY, secret: s, resources });
      expect(out[0]!.text, `${s}: ${natural}`).not.toContain(natural);
      expect(out[0]!.text).not.toContain('Ferreira');
    }
  });

  it('a phone number, an email and a street: never one that is real elsewhere in the dataset', () => {
    for (const s of SECRETS.slice(0, 10)) {
      const phone = surrogateFor('PHONE', '07700 900461', s, resources);
      const email = surrogateFor('EMAIL', 'priya.sharma@nhs.net', s, resources);
      const street = surrogateFor('LOCATION', '12 Elm Street', s, resources);
      const streetName = /^\d+\S* (\S+)/.exec(street)![1]!;
      const records = [
        { id: 'a', text: 'Mobile: 07700 900461. Email: priya.sharma@nhs.net. Lives at 12 Elm Street, Springfield.' },
        { id: 'b', text: `Mobile: ${phone}. Email: ${email}. Next of kin: Dr. ${streetName}.` },
      ];
      const { records: out, map } = redactDataset(records, { mode: 'pseudonym', policy: DEFAULT_POLICY, secret: s, resources });
      expect(map.entries.PHONE?.['07700900461'], s).not.toBe(phone);
      expect(map.entries.EMAIL?.['priya.sharma@nhs.net'], s).not.toBe(email);
      expect(out[0]!.text, s).not.toContain(phone);
      expect(out[0]!.text, s).not.toContain(email);
      expect(out[0]!.text, s).not.toContain(` ${streetName} `);
    }
  });
});
