// The compiled detectors against their TypeScript twins: the same candidates, in the same order, on the labelled
// documents and on random text built from the pieces identifiers are made of; and the add-on's regex matcher
// against V8's RegExp, position by position.
import { describe, expect, it } from 'vitest';
import { labelledTexts } from '../../../test/unit/piiTexts.js';
import { COMPILED_FAMILIES, loadNativeDetectors, nativeDetectors, nativeDetectorsStatus } from './nativeDetectors.js';
import { detectAges, detectDates } from './dates.js';
import { detectLegalNumbers } from './legal.js';
import { detectNationalIds } from './nationalIds.js';
import { detectPatterns } from './patterns.js';
import { detectPlates } from './plates.js';
import { detectWorldDates } from './worldDates.js';
import { NATIONAL_PHONE } from './phones.js';
import { SECTION_BEFORE } from './patterns.js';

const native = nativeDetectors();
// Built by `npm ci` (native/pii/build.mjs); only an install that skipped every native build may lack it.
const skipped = native === null && process.env['FIELDTUNE_SKIP_NATIVE'] === '1';
if (skipped) console.log(`[nativeDetectors.test] skipped: the add-on is ${nativeDetectorsStatus()} and FIELDTUNE_SKIP_NATIVE=1`);

/** A small seeded generator (mulberry32): the same random texts on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What identifiers, their labels and their neighbours are made of, and some characters that test the edges. */
const PIECES = [
  ...'0123456789'.split(''),
  '12',
  '123',
  '1234',
  '555',
  '0128',
  '603',
  '(603)',
  '(02)',
  '+1',
  '+44',
  '+',
  ' ',
  '  ',
  '-',
  '.',
  ',',
  ':',
  ';',
  '/',
  '//',
  '@',
  '_',
  '%',
  '(',
  ')',
  'A',
  'B',
  'Z',
  'X9',
  'DE',
  'GB',
  'AB1234563',
  'IBAN',
  'x',
  'ab',
  'mail',
  'j.doe',
  'example.com',
  '.org',
  'http://',
  'https://',
  'www.',
  'HTTP://',
  'tel',
  'Tel.',
  'fax',
  'Fax:',
  'phone',
  'on',
  'routing',
  'ABA',
  '§',
  'Sec.',
  'ch.',
  'Code',
  'mg',
  'mL',
  'units',
  '\n',
  '\t',
  'é',
  'Ā',
  'ſ',
  'K',
  '::',
  'fe80',
  'a1b2',
  '2001:db8',
  '1:23-cv-04567',
  '-ABC',
  '07700 900461',
  '020 7946 0958',
  '4111 1111 1111 1111',
  '1HGCM82633A004352',
  '123-45-6789',
  '2024-03-15',
  '1234567890',
  '021000021',
  'DE89370400440532013000',
  'John',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0130',
  '\ud83d\ude00',
  'MRN',
  'ID-',
  '19',
  '20',
  '06 12 34 56 78',
  '98765 43210',
];

/** National, health and tax numbers outside the US, their labels and their neighbours. */
const WORLD_PIECES = [
  ...PIECES.slice(0, 60),
  '943 476 5919',
  '943-476-5919',
  '9434765919',
  'AB 12 34 56 C',
  'AB123456C',
  'QQ 12 34 56 A',
  '046 454 286',
  '046-454-286',
  '123 456 782',
  '2123 45670 1',
  '2123456701',
  '2345 6789 0124',
  '234567890124',
  'ABCPD1234E',
  'DE136695976',
  'DE 136 695 976',
  'ATU13585627',
  'FRXX999999999',
  'NL123456782B01',
  'ESX1234567L',
  'IE1234567T',
  'BG123456789',
  'CZ12345678',
  '12345678Z',
  'X1234567L',
  'X-1234567-L',
  '1 85 05 78 006 084 36',
  '2850578006084',
  '2A',
  '756.1234.5678.97',
  '7561234567897',
  '12345 67890',
  'RSSMRA85T10A562S',
  '1234567T',
  '1234567TW',
  '85.07.30-033.28',
  '85073003328',
  '1112.22.333',
  '111222333',
  '44051401359',
  '86 095 742 719',
  '86095742719',
  '811228-9874',
  '19811228-9874',
  '131052-308T',
  '010203-1234',
  'GB82 WEST 1234 5698 7654 32',
  'FR14 2004 1010 0505 0001 3M02 606',
  'DE89 3704 0044 0532 0130 00',
  'NO9386011117947',
  'Medicare',
  'medicare no.',
  'NIR',
  'sécu',
  'Sécu',
  'INSEE',
  'UTR',
  'unique taxpayer',
  'national',
  'NN',
  'BSN',
  'PESEL',
  'Steuer-ID',
  'IdNr',
  'tax id',
  'CPR',
  'personnummer',
  'NHS',
  'SIN',
  'TFN',
  'tel:',
  'Tél.',
  'téléphone',
  'móvil',
  'Handy',
  'É',
  'ñ',
  '+34 ',
  '+44',
  ' ',
  ' ',
  ' ',
  '\n',
  '.',
  '-',
  '/',
  'Name: ',
  'Dr. ',
];

/** Court papers: captions, case and matter numbers, plates. */
const COURT_PIECES = [
  ...PIECES.slice(0, 60),
  'Plaintiff',
  'Defendants',
  'COURT',
  'Court',
  'Circuit Court ',
  'Juzgado',
  'Tribunal',
  'Gericht',
  'Case No. ',
  'No. ',
  'NO: ',
  'Nos.',
  'No',
  'Not',
  'November',
  'Civil Action No. ',
  'Docket',
  'Index No ',
  'Appeal',
  '23-3-04412-1 SEA',
  '2023 L 008812',
  '22CR40817',
  'A180442',
  '; ',
  ', ',
  '442/2023',
  '23/04518',
  '3/12/2023',
  '1/2023 mg',
  'license plate ',
  'licence plate: ',
  'registration plate #',
  'plate ',
  'tag ',
  'Tag',
  'PLATE',
  '7ABC123',
  'XYZ 1234',
  'ſ',
  'K',
  'É',
  'a',
  'the ',
  ' ',
  ' ',
  '\n',
  '\t',
  '/',
  '-',
  ':',
  '2023',
  '19',
  '88',
];

/** Number plates and vehicle ids, their words and labels. */
const PLATE_PIECES = [
  ...PIECES.slice(0, 60),
  'YD19 KFN',
  'GH-418-KT',
  'K-MS 4821',
  'MÜ-AB 123',
  'Ä',
  'Ö-X 1',
  'MH 02 DN 4471',
  'MH02DN4471',
  '4721 KLM',
  'BZ 58 QR',
  'AB 123',
  '12-AB-345',
  'registration ',
  'Reg. ',
  'rego: ',
  'number plate ',
  'plate #',
  'Kennzeichen: ',
  'amtliches Kennzeichen ',
  'immatriculation ',
  'matrícula ',
  'matricula ',
  'targa ',
  'kenteken ',
  'tablica ',
  'véhicule ',
  'VÉHICULE ',
  'vehicle no. ',
  'nr. ',
  'n° ',
  'VIN: ',
  'numéro VIN ',
  'n° de série ',
  'Fahrgestellnummer ',
  'Fahrzeug-Ident.-Nr. ',
  'bastidor ',
  'número de bastidor ',
  'telaio ',
  'FIN ',
  'WVWZZZ1JZXW000001',
  '1HGCM82633A004352',
  '\u212aennzeichen ',
  'ſ',
  'É',
  'the ',
  'a',
  ' ',
  ' ',
  '\n',
  '-',
  ':',
  '#',
];

/** Dates written every way, the words that make a date of a number, ages and what is near them. */
const DATE_PIECES = [
  ...PIECES.slice(0, 60),
  'March',
  'Mar.',
  'MARCH',
  'Sept',
  'SEPT',
  'Sepember',
  'May',
  'may',
  'June',
  'Dec',
  'Marchx',
  'Julyé',
  ' 3',
  ' 14',
  '14th',
  '3rd',
  '1st',
  ' of ',
  ' day of ',
  ', 2024',
  ' 2021',
  ' 1899',
  ' 2099',
  '03/14/2024',
  '3-14-24',
  '14.03.2024',
  '2024-03-14',
  '2024/3/4',
  '3/14',
  '12/2023',
  '120/80',
  '6/10',
  'on ',
  'DOB: ',
  'seen ',
  'f/u ',
  'follow-up ',
  'Mon ',
  'Tues ',
  'since ',
  'in ',
  'mid-',
  'last ',
  'early ',
  'mg',
  ' units',
  ' times',
  '§ ',
  'Sec. 12-',
  'aged ',
  'age: ',
  'age of ',
  'at age ',
  '94',
  '101',
  '89',
  '9',
  ' years',
  '-year-old',
  ' yo',
  ' y/o',
  ' años',
  ' лет',
  ' Jahre',
  'Dorothy Ainsworth, ',
  'Núñez, ',
  ', 94, ',
  '(',
  'é',
  'ſ',
  ' ',
  ' ',
  '\t',
  '\n',
  '.',
  ',',
  '/',
  '-',
  ':',
];

/** Dates in words in other languages and scripts. */
const WORLD_DATE_PIECES = [
  ...DATE_PIECES.slice(0, 60),
  '3. ',
  '14 ',
  '1er ',
  '5 de ',
  ' de ',
  ' del ',
  'März',
  'MÄRZ',
  'Maerz',
  'Jänner',
  'mars',
  'Mars',
  'août',
  'AOÛT',
  'mayo',
  'março',
  'maggio',
  'juni',
  'maj',
  'września',
  'марта',
  'МАРТА',
  'січня',
  'oktober',
  'o\u212atober',
  'marſ',
  'mai',
  ' 2024',
  ' 1955',
  '17-',
  '-Jan-',
  '-Sept-',
  '2024',
  '-24',
  '1975年4月12日',
  '2024년 3월 5일',
  '2024年3月',
  '年',
  '월',
  ' г.',
  ', ',
  '. ',
  '\u00a0',
  'é',
  'Б',
  ' ',
  ' ',
  '\n',
  '-',
  '.',
];

function randomText(next: () => number, pieces: number, from: readonly string[] = PIECES): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += from[Math.floor(next() * from.length)] as string;
  return s;
}

describe('finding the compiled detectors', () => {
  it('says why they do not run when turned off or missing, and the TypeScript detectors run instead', () => {
    expect(loadNativeDetectors({ FIELDTUNE_PII_NATIVE: '0' })).toEqual({ detectors: null, why: 'turned off (FIELDTUNE_PII_NATIVE=0)' });
    const missing = loadNativeDetectors({ FIELDTUNE_PII_ADDON: '/nowhere/fieldtune_pii.node' });
    expect(missing.detectors).toBeNull();
    expect(missing.why).toBe('not built (/nowhere/fieldtune_pii.node is missing: run node native/pii/build.mjs)');
  });
});

describe.skipIf(skipped)('compiled personal-data detectors', () => {
  it('are built and load', () => {
    expect(nativeDetectorsStatus()).toMatch(/^loaded from /);
  });

  it('give every family at once what each gives alone, from one copy of the text', () => {
    const text = labelledTexts().join('\n\n');
    const all = native?.all(text);
    for (const family of COMPILED_FAMILIES) expect(all?.[family], family).toEqual(native?.[family](text));
    expect(Object.values(all ?? {}).flat().length).toBeGreaterThan(500);
  });

  it('find what detectPatterns finds on every labelled document', () => {
    const texts = labelledTexts();
    let spans = 0;
    for (const text of texts) {
      const want = detectPatterns(text);
      spans += want.length;
      expect(native?.patterns(text)).toEqual(want);
    }
    expect(texts.length).toBeGreaterThan(150);
    expect(spans).toBeGreaterThan(300);
  });

  it('find what detectPatterns finds on random identifier-like text', () => {
    const next = random(17);
    let spans = 0;
    for (let round = 0; round < 300; round++) {
      const text = randomText(next, 10 + Math.floor(next() * 120));
      const want = detectPatterns(text);
      spans += want.length;
      expect(native?.patterns(text), JSON.stringify(text)).toEqual(want);
    }
    // one long text too: the scans' state carries across many matches
    const long = randomText(next, 20000);
    expect(native?.patterns(long)).toEqual(detectPatterns(long));
    expect(spans).toBeGreaterThan(200);
  });

  it('find what detectNationalIds finds on every labelled document and on random text', () => {
    let spans = 0;
    for (const text of labelledTexts()) {
      const want = detectNationalIds(text);
      spans += want.length;
      expect(native?.nationalIds(text)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(50);
    const next = random(23);
    let random_ = 0;
    for (let round = 0; round < 800; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 60), WORLD_PIECES);
      const want = detectNationalIds(text);
      random_ += want.length;
      expect(native?.nationalIds(text), JSON.stringify(text)).toEqual(want);
    }
    const long = randomText(next, 20000, WORLD_PIECES);
    expect(native?.nationalIds(long)).toEqual(detectNationalIds(long));
    expect(random_).toBeGreaterThan(250);
  });

  it('find what detectLegalNumbers finds on every labelled document and on random court text', () => {
    let spans = 0;
    for (const text of labelledTexts()) {
      const want = detectLegalNumbers(text);
      spans += want.length;
      expect(native?.legalNumbers(text)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(20);
    const next = random(29);
    let random_ = 0;
    for (let round = 0; round < 800; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 60), COURT_PIECES);
      const want = detectLegalNumbers(text);
      random_ += want.length;
      expect(native?.legalNumbers(text), JSON.stringify(text)).toEqual(want);
    }
    expect(random_).toBeGreaterThan(250);
  });

  it('find what detectPlates finds on every labelled document and on random text', () => {
    let spans = 0;
    for (const text of labelledTexts()) {
      const want = detectPlates(text);
      spans += want.length;
      expect(native?.plates(text)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(10);
    const next = random(31);
    let random_ = 0;
    for (let round = 0; round < 800; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 60), PLATE_PIECES);
      const want = detectPlates(text);
      random_ += want.length;
      expect(native?.plates(text), JSON.stringify(text)).toEqual(want);
    }
    expect(random_).toBeGreaterThan(250);
  });

  it('find what detectDates and detectAges find on every labelled document and on random text', () => {
    let spans = 0;
    for (const text of labelledTexts()) {
      const dates = detectDates(text);
      const ages = detectAges(text);
      spans += dates.length + ages.length;
      expect(native?.dates(text)).toEqual(dates);
      expect(native?.ages(text)).toEqual(ages);
    }
    expect(spans).toBeGreaterThan(200);
    const next = random(37);
    let random_ = 0;
    for (let round = 0; round < 800; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 60), DATE_PIECES);
      const dates = detectDates(text);
      const ages = detectAges(text);
      random_ += dates.length + ages.length;
      expect(native?.dates(text), JSON.stringify(text)).toEqual(dates);
      expect(native?.ages(text), JSON.stringify(text)).toEqual(ages);
    }
    expect(random_).toBeGreaterThan(500);
  });

  it('find what detectWorldDates finds on every labelled document and on random text', () => {
    let spans = 0;
    for (const text of labelledTexts()) {
      const want = detectWorldDates(text);
      spans += want.length;
      expect(native?.worldDates(text)).toEqual(want);
    }
    expect(spans).toBeGreaterThan(30);
    const next = random(41);
    let random_ = 0;
    for (let round = 0; round < 800; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 60), WORLD_DATE_PIECES);
      const want = detectWorldDates(text);
      random_ += want.length;
      expect(native?.worldDates(text), JSON.stringify(text)).toEqual(want);
    }
    expect(random_).toBeGreaterThan(250);
  });

  it('match where V8 matches, position by position', () => {
    const sources: [string, string][] = [
      [NATIONAL_PHONE.source, ''],
      [SECTION_BEFORE.source, ''],
      [String.raw`(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])`, ''],
      [String.raw`(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?!\d)`, ''],
      [String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'` + '`' + String.raw`{}|\\^[\]]+`, 'i'],
      [String.raw`(?:a|ab)(?:c|bcd)(?!x)`, ''],
      [String.raw`(?:a?)*?b|(?:x{0,2})+y`, ''],
      [String.raw`(?<=\d[ .]|[A-Z]{2})\d+?(?=\D|$)`, ''],
      [String.raw`^\s?(?:mg|mcg|g|units?|\/)`, 'i'],
      [String.raw`[^\d\s-]{2,4}\B.`, ''],
      [String.raw`\x41\u00e9?[\x30-\x39]`, ''],
      // what the other detectors need: \p{...} under u, look-behinds of varying length, case folding beyond ASCII
      [String.raw`(?<![\p{L}\d+]|\d[ .-]|\+\d{1,4}[ .-]?)(?:\d{3}([ -]?)\d{3}\1\d{4})(?![\p{L}\d]|[ -]\d)`, 'u'],
      [String.raw`(?:tel|phone|téléphone|teléfono|móvil|handy)\.?[ \t]*:?[ \t]*$`, 'i'],
      [String.raw`[\p{Lu}][\p{L}\p{M}'’.\-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}]*){0,2}`, 'u'],
      [String.raw`(?<first>\p{Lu}\p{Ll}+)\s+(?<last>[\p{Script=Han}\p{Script=Cyrillic}]+|ſ\w+)`, 'iu'],
      [String.raw`\b\w+\b`, 'iu'],
    ];
    const next = random(5);
    for (const [source, flags] of sources) {
      const sticky = new RegExp(source, flags + 'y');
      for (let round = 0; round < 60; round++) {
        const text = randomText(next, 6 + Math.floor(next() * 30)) + (round % 2 ? 'abcd aab 12 3.4 mg x' : ' Žofie Ивано 王小明 Straße ſtraße STRASSE');
        for (let pos = 0; pos <= text.length; pos++) {
          sticky.lastIndex = pos;
          const m = sticky.exec(text);
          const want = m ? pos + m[0].length : -1;
          expect(native?.regexMatchAt(source, flags, text, pos), `/${source}/${flags} at ${pos} of ${JSON.stringify(text)}`).toBe(want);
        }
      }
    }
  });

  it('refuse a pattern that does not compile, with the reason', () => {
    expect(() => native?.regexMatchAt('(?<a>x)(?<a>y)', '', 'xy', 0)).toThrow(/duplicate group name/);
    expect(() => native?.regexMatchAt('[b-a]', '', 'a', 0)).toThrow(/does not compile/);
    expect(() => native?.regexMatchAt('a', 'g', 'a', 0)).toThrow(/flag not supported/);
  });
});
