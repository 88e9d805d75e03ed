// Issue 13: a clinic's spreadsheet rows. Phone numbers written with spaces in national formats are found whole, and
// name spans never swallow a contraction, pronoun or greeting word.
import { describe, expect, it } from 'vitest';
import { detectPii } from './detect.js';
import { createPseudonymMap, pseudonymizeText } from './redact.js';
import { loadPiiResources } from './resources.js';

const resources = loadPiiResources();
const detect = (t: string) => detectPii(t, { resources });
const pairs = (t: string) => detect(t).map((s) => [s.type, s.text]);

describe('national phone formats with spaces', () => {
  const numbers: [string, string][] = [
    ['UK mobile', '07700 900461'],
    ['UK mobile, 3+3', '07700 900 461'],
    ['UK London', '020 7946 0958'],
    ['UK Leeds', '0113 496 0872'],
    ['UK small town', '01632 960123'],
    ['IE mobile', '087 123 4567'],
    ['IE Dublin', '01 234 5678'],
    ['DE Berlin', '030 12345678'],
    ['DE mobile', '0151 23456789'],
    ['DE Munich', '089 1234567'],
    ['FR mobile', '06 12 34 56 78'],
    ['FR Paris', '01 42 68 53 00'],
    ['AU mobile', '0412 345 678'],
    ['AU Sydney, parentheses', '(02) 9876 5432'],
    ['AU Sydney', '02 9876 5432'],
    ['IN mobile', '98765 43210'],
    ['IN mobile with trunk 0', '098765 43210'],
    ['US', '415 555 0132'],
    ['US, parentheses', '(415) 555 0132'],
  ];
  for (const [what, number] of numbers) {
    it(`finds a ${what} number whole with no phone word: ${number}`, () => {
      // As a spreadsheet cell alone, and inside a sentence.
      expect(pairs(number)).toEqual([['PHONE', number]]);
      expect(pairs(`Please ring back on ${number} after lunch.`)).toContainEqual(['PHONE', number]);
    });
  }

  it('finds the UK mobile of the clinic row whole, leaving no part of it in the text', () => {
    const row = 'Priya Sharma, 07700 900461, 12/03/1984';
    const spans = detect(row);
    expect(spans.map((s) => [s.type, s.text])).toContainEqual(['PHONE', '07700 900461']);
    const masked = pseudonymizeText(row, spans, { secret: 'k', recordId: 'r', resources, map: createPseudonymMap() }).text;
    expect(masked).not.toMatch(/07700|900461/);
  });

  it('leaves number runs that are not phone numbers alone', () => {
    for (const t of ['Order 0 12 34', 'Scores were 0 12 34 56 and 78', 'Dose 0.5 mg twice, 12 34 units', 'Years 2019 2020 2021 2022', 'Room 012 345']) {
      expect(
        pairs(t).filter(([type]) => type === 'PHONE'),
        t,
      ).toEqual([]);
    }
  });
});

describe('names next to contractions, pronouns and greetings', () => {
  const cases: [string, string][] = [
    ["I'm Priya Sharma", 'Priya Sharma'],
    ['I’m Priya Sharma, the new patient', 'Priya Sharma'],
    ["You're Priya Sharma's carer", 'Priya Sharma'],
    ["We'll ask Priya Sharma", 'Priya Sharma'],
    ["I've told Priya Sharma", 'Priya Sharma'],
    ["I'd like Priya Sharma to call", 'Priya Sharma'],
    ['Hi Priya Sharma, your appointment', 'Priya Sharma'],
    ['Hiya Priya Sharma', 'Priya Sharma'],
    ['Hello Priya Sharma', 'Priya Sharma'],
    ['Me Priya Sharma', 'Priya Sharma'],
  ];
  for (const [text, name] of cases) {
    it(`takes only the name in "${text}"`, () => {
      expect(
        detect(text)
          .filter((s) => s.type === 'NAME')
          .map((s) => s.text),
      ).toEqual([name]);
    });
  }

  it('takes no pronoun, greeting or contraction in front of a name', () => {
    const words = [
      'I',
      'Me',
      'My',
      'You',
      'Your',
      'We',
      'Our',
      'He',
      'His',
      'She',
      'Her',
      'They',
      'Them',
      'Their',
      'It',
      'Hi',
      'Hey',
      'Thanks',
      'Cheers',
      'Morning',
      'Evening',
      'Welcome',
      'Yes',
      'Okay',
      'Please',
      'Sorry',
      'Bye',
      'Goodbye',
      'Howdy',
      "I'll",
      "You've",
      "We're",
      "They're",
      "He'd",
      "She'll",
      "It's",
      "Let's",
      "Don't",
    ];
    for (const w of words)
      expect(
        detect(`${w} Priya Sharma`).map((s) => s.text),
        w,
      ).toEqual(['Priya Sharma']);
  });

  it("keeps the I'm in pseudonym text", () => {
    const text = "Hello, I'm Priya Sharma and I'm calling about my results.";
    const out = pseudonymizeText(text, detect(text), { secret: 'k', recordId: 'r', resources, map: createPseudonymMap() }).text;
    expect(out.startsWith("Hello, I'm ")).toBe(true);
    expect(out.endsWith(" and I'm calling about my results.")).toBe(true);
    expect(out).not.toMatch(/Priya|Sharma/);
  });

  it("still takes names with an apostrophe inside: O'Brien, D'Angelo", () => {
    expect(detect("Patient: Siobhan O'Brien").map((s) => s.text)).toEqual(["Siobhan O'Brien"]);
    expect(detect('Dr. Marco D’Angelo').map((s) => s.text)).toEqual(['Marco D’Angelo']);
  });
});
