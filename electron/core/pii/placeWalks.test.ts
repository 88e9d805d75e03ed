// The place patterns run only where a match can start (placeWalks.ts: digit runs, the place keywords, house numbers
// after a street suffix); each such scan must find exactly what its regex finds scanning the whole text. Checked on
// every labelled document but the blind split, the documents glued into one text, samples of every form and word
// the scans are anchored on, and random strings built from those pieces (a seeded generator, so a failure repeats).
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import { describe, expect, it } from 'vitest';
import { ANCHORED_SCANS, matchesAnchored } from './anchoredScan.js';
import { detectPii } from './detect.js';
import { scriptsOf } from './nonLatinLines.js';
import { CODE, codeMatches, detectPlaces } from './places.js';
import {
  ASCII_LETTER,
  BLANK,
  CAPITAL,
  COLON,
  COMMA,
  DASH,
  EDGE,
  LETTER,
  NEWLINE,
  SPACE,
  WORDISH,
  GROUP_RULES,
  PLACE_LINE_SCANS,
  PLACE_SCANS,
  digitRuns,
  linesAt,
  placeWalksHeld,
  releasePlaceWalks,
} from './placeWalks.js';
import { loadPiiResources } from './resources.js';
import { anchorLines, matches, matchesInLines } from './span.js';
import { wordsBeforeCode } from './wordsBeforeCode.js';
import { NON_LATIN_ADDRESS, detectWorldPlaces } from './worldPlaces.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const samples = [
  // House numbers: after a non-ASCII letter (no \w), after '.', '-', '_' and a letter (none), 7 digits, at the edges.
  '1402 Calle Ocho, 3318 Vista del Sol, é12 Calle Mayor Apt 4, x12 Calle Mayor, .12 Calle Mayor, 1234567 Calle Real',
  '221B Baker Street, 12-3 Main St., 12 N. Oak Ave NE Suite 5, 4 5th Avenue, _12 Main Street, é7 High Road\n9 Elm Rd',
  '77 123rd Street, 9 22nd Ave, 5 1234th Street, 8 12ST Street, 6 W 42nd St, 3 4 Main Street, 2024 March 5 Jan',
  '45 boulevard Voltaire; 12 rue de la Gare; 3 bis, rue des Lilas; 12ter avenue Foch; x12 rue Haute; 12 rue',
  // Type-first streets, every word, after a digit (allowed) and a letter (not), lower-cased (not), glued to 'é'.
  'Rua Augusta 1508, Avenida Paulista 1000, Av. Brasil 12, Calle Mayor, 12, Carrera Séptima 45, Via Roma 3, Viale Monza 4',
  'Corso Italia 5, Rue de la Loi 84, Strada Nuova 7, Ulica Długa 5, ul. Długa 17 m. 4, Piazza Navona 2, Praça Sé 3, Largo Chiado 1',
  'Avenue Louise 231, Boulevard Anspach 1, Chaussée de Wavre 5, Place Flagey 18, C/ Gran Vía 45, 5º A, Avda. Diagonal 640',
  'Paseo Colón 2, Carrer Gran 9, al. Jerozolimskie 7, Am Markt 2, An der Alster 4, Im Winkel 4, Knez Mihailova 12, Bulevar Oslobođenja 45',
  '9Rua Augusta 15, xRua Augusta 15, rua Augusta 15, Ruaé Augusta 15, RUA AUGUSTA 15, Via\tRoma\t3',
  // Codes: CEP, ZIP after a state with '.', ',' and 1-4 blanks, UK and Canadian postcodes after letters and digits.
  '01304-001, x01304-001, -01304-001, 013045-001, Austin, TX 78701, Austin, Tex. 78701, Boise ID, 83702, NY.  10001',
  'Texas    78701; New York 10001-1234; North Carolina, 27601; xTX 78701; TX 787012; Ontario 12345-',
  'Manchester M14 5RS, Leicester LE2 3AH, SW1A 1AA, xM14 5RS, 9M1 1AE, Toronto ON M5V 3L9, K1A0B1, ABC1 2DE',
  // Code and town both ways, codes after a letter or '-', 3+2 digits, years, a phone after a town.
  '10827 Berlin; 114 55 Stockholm; 75008 Paris Cedex; Nairobi 00100; x10827 Berlin; -10827 Berlin; 1234567 Berlin',
  'Mobile 07700 900744; Leeds 2024; 2500 Euro; Boston 02115; Brooklyn, New York 11238; 1234\tMain',
  // Form fields and towns after prepositions; headings in capitals.
  'City: Paterson; Town: Bellevue; Village:Oakdale; Municipality : Espoo; City/Town: Cork; County: Kerry',
  'Neighbourhood: Soho; Neighborhood: Soho; Residence: Oslo; Place of birth: Lyon; Birthplace Lyon; City of birth: Turin',
  'Hometown: Cork; Born in Dublin; xCity: Paris; 9City: Paris; CITY: Paris; moved to Dublin, lives in Cork, from Paris',
  'COUNTY COURT AT MANCHESTER\nAUDIENCIA PROVINCIAL DE VALENCIA\nTRIBUNALE DI MILANO - sezione\nxAT LEEDS\nIN LONDON',
  // Flats, the suffix streets, codes after towns.
  'Flat 2, 61 Mansfield Road; Apartment 4B, Riverside Court; Apt. 3, Oak House; Unit 7, Mill Lane; Plot 12, Sector 5',
  'Villa 3, Palm Grove; House 9, Church Lane; Suite 200, Park Plaza; xFlat 2, Mill Road',
  'Hauptstraße 14, Lindenweg 3a, Schillerstraße 41, Bahnhofstr. 5, Hämeenkatu 14 B 22, Keizersgracht 123, Vesterbrogade 12',
  'Storgatan 4\nDrottninggatan   55\nLindenweg\n3a\nStraße 5, Kirkeveien 7, Karl Johans gate 1, Mannerheimintie 12',
  'Fitzroy VIC 3065, Noida 201309, Dublin 4 D04 E7P3, Cork T12 X70A, Montréal QC H2X 3J6, Perth WA 6000, Leicester LE2 3AH',
  'Dublin 6W\nDublin 4',
  // Counties opening inside a piece (after '(', '-', a quote), two words, three (only the last two are taken).
  '(Travis County); x-Ray County; "Kings County"; Prince George County; Aa Bb Cc County; Aa\tBb  County',
  // Streets with the most pieces before the type (compass, 4 words), one more, a line break, a type glued to more.
  '12 N. Aa Bb Cc Dd Street; 12 N Aa Bb Cc Dd Ee Street; 12 Aa 3rd Bb Cc St.; 12 Aa\nStreet; 12 Aa Streets; 12 Aa St_x; 5th 12 5th Ave',
  // Codes before towns in other scripts; a heading town with tabs.
  'Адрес: 101000 Москва\n10431 Αθήνα, 123 45 Ξάνθη\nCOURT AT\t\tLEEDS\t\nHELD IN  YORK - x',
  // Towns closing a line: the longest (3 words, 2 joining words, a '.'), one piece more, '\r\n', a digit.
  'x, Aa de Bb de Cc .\nx, Aa de Bb de Cc Dd .\nx, Lyon\r\nx, Lyon\ry\nx, Lyon 2\nx, Sainte-Foy-lès-Lyon',
  'xDublin 4; ÉDublin 4; 9Dublin 4; Dublin\t12W; Dublin 6Wx; Dublin 123; Dublin  4; DublinDublin 4; Dublin 4é',
  '1012 AB Amsterdam; 00-950 Warszawa; 1100-148 Lisboa; L-1011 Luxembourg; D6W Y123',
  // Counties and parishes, glued to letters (none), a mark after the word.
  'Travis County\nORLEANS PARISH\nCounty of Kings, COUNTY OF ERIE; Tammany Parish; xCounty Cork; Countyé; Kerry County’s',
  // ZIP labels: every spelling, "Code", ':' and '#', blanks, glued, after a letter (none) and a non-ASCII letter.
  'ZIP 10001; Zip Code: 10001-1234; zip:10001; ZIP#  10001; Zipcode 10001; ZIP code\t# 10001; xZIP 10001; éZIP 10001; ZIP 100012',
  // P.O. boxes in every spelling and case; towns closing a line after a comma; states after a comma.
  'P.O. Box 123, PO Box 4, p.o.box 55, P. O. Box 7, P O Box 8, PO\nBox 9, xPO Box 1, PO Box 1234567, P.O.  Box\t12',
  '14 Beach Road, Chennai\nClinic note, Dublin.\n12 High St, Zürich \n,Paris\n, Élan\nDayton, OH 45402, Austin, Texas, MD',
];

/** A seeded generator of strings made of the pieces the scans are anchored on, glued in every order. */
function randomTexts(count: number): string[] {
  const pieces = [
    ...'0 1 12 123 1234 12345 123456 1234567 01304-001 M14 5RS K1A 0B1 D04 E7P3 L- 3a 14 B'.split(' '),
    ...'Rua Calle Av. ul. al. Via Place City Town: AT OF IN in to of moved lives Flat Unit C/ Am An der Im County PARISH of'.split(' '),
    ...'Dublin Berlin Paris TX Texas New York ON VIC Main Street St. Road Ave NE Lindenweg Hauptstraße Bahnhofstr. Storgatan'.split(' '),
    ...'rue boulevard bis ter é É Ж 𝐀 x _ P.O. PO Box box ZIP zip Code code # 10001'.split(' '),
    ' ',
    ' ',
    '  ',
    '\t',
    '\n',
    ', ',
    ',',
    '.',
    '-',
    ':',
    '/',
  ];
  return randomMixes(12345, pieces, count, 60, 60);
}

function all(it: Iterable<RegExpExecArray>): unknown[] {
  return [...it].map((m) => [m.index, m[0], m.indices ? [...m.indices] : null, m.indices?.groups ? { ...m.indices.groups } : null]);
}

const everyText = [...texts, texts.join(''), ...samples, samples.join('\n'), ...randomTexts(400)];

describe('place scans find what a whole-text scan finds', () => {
  it('gives the same matches, indices and groups on every labelled document, sample and random string', () => {
    expect(PLACE_SCANS.length).toBeGreaterThanOrEqual(10);
    // With the two place scans anchoredScan.test.ts checks too (code-town, towns after a preposition).
    for (const scan of [...PLACE_SCANS, ...ANCHORED_SCANS]) {
      for (const text of everyText) {
        releasePlaceWalks();
        expect(all(matchesAnchored(scan, text)), `${scan.re.source.slice(0, 60)} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(all(matches(scan.re, text)));
      }
    }
  });

  it('finds the sample forms (so the comparison above is not of two empty lists) at few positions', () => {
    const sample = samples.join('\n');
    const corpus = texts.join('\n\n');
    for (const scan of PLACE_SCANS) {
      expect(all(matchesAnchored(scan, sample)).length, scan.re.source.slice(0, 60)).toBeGreaterThan(0);
      expect(scan.starts(corpus).length, scan.re.source.slice(0, 60)).toBeLessThan(corpus.length / 20);
    }
  });

  it('finds the lines of the suffix and postcode anchors from the digit runs', () => {
    expect(PLACE_LINE_SCANS.length).toBeGreaterThanOrEqual(3);
    for (const { scan, positions } of PLACE_LINE_SCANS) {
      for (const text of everyText) {
        releasePlaceWalks();
        const lines = linesAt(text, positions(text));
        expect(lines, `${scan.anchor.source.slice(0, 60)} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(anchorLines(text, scan.anchor));
        expect(all(matchesInLines(scan.re, text, lines))).toEqual(all(matches(scan.re, text)));
      }
      expect(linesAt(samples.join('\n'), positions(samples.join('\n'))).length, scan.anchor.source.slice(0, 60)).toBeGreaterThan(0);
    }
  });

  it('lists every ASCII digit run (alnumRuns.ts) with the classes of the characters around it', () => {
    // The classes as the walk read them before it took alnumRuns.ts's runs and an ASCII table.
    const classAt = (text: string, i: number): number => {
      if (i < 0 || i >= text.length) return EDGE;
      const ch = text[i] ?? '';
      if (ch === ' ') return BLANK | SPACE;
      if (ch === '\t') return BLANK;
      if (ch === '-') return DASH | WORDISH;
      if (ch === ',') return COMMA;
      if (ch === '\n') return NEWLINE;
      if (ch === ':') return COLON;
      if (/[A-Z]/.test(ch)) return CAPITAL | ASCII_LETTER | LETTER | WORDISH;
      if (/[a-z]/.test(ch)) return ASCII_LETTER | LETTER | WORDISH;
      if (/[\w.]/.test(ch)) return WORDISH;
      return /\p{L}/u.test(ch) ? LETTER : 0;
    };
    for (const text of [...everyText, 'é1\u00a02ж3\t4_5.6:7,8\n9', '𝐀1', '1']) {
      releasePlaceWalks();
      const runs = digitRuns(text);
      const want = [...text.matchAll(/\d+/g)].map((m) => [m.index, m.index + m[0].length, classAt(text, m.index - 1), classAt(text, m.index + m[0].length)]);
      const got = [...runs.start].map((s, k) => [s, runs.end[k], runs.before[k], runs.after[k]]);
      expect(got, JSON.stringify(text.slice(0, 80))).toEqual(want);
      expect([...runs.afterBlank]).toEqual(want.flatMap((w, k) => ((w[2] ?? 0) & BLANK ? [k] : [])));
      expect([...runs.afterCapital]).toEqual(want.flatMap((w, k) => (!((w[2] ?? 0) & BLANK) && (w[2] ?? 0) & CAPITAL ? [k] : [])));
    }
  });

  it("gives CODE's matches from the digit runs without the regex", () => {
    const edges = ['x 1234𝐀 1234 5 12345- 1234é 1234\u00a0 \t123456 x 1234567 \t1234\t5 1234 a 1234\ud800 1234', ' 9999'];
    let found = 0;
    for (const text of [...everyText, ...edges]) {
      releasePlaceWalks();
      const want = [...matches(CODE.re, text)].flatMap((m) => [m.index, m.index + m[0].length]);
      expect(codeMatches(text), JSON.stringify(text.slice(0, 80))).toEqual(want);
      found += want.length;
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('reads each group the detectors use where the d flag puts it', () => {
    expect(GROUP_RULES.length).toBeGreaterThanOrEqual(10);
    for (const { re, groups } of GROUP_RULES) {
      const withIndices = new RegExp(re.source, re.flags + 'd');
      let found = 0;
      for (const text of everyText) {
        for (const m of matches(withIndices, text)) {
          const got = groups(m);
          const want = Object.fromEntries(Object.keys(got).map((k) => [k, m.indices?.groups?.[k]]));
          expect(got, `${re.source.slice(0, 60)} on ${JSON.stringify(m[0])}`).toEqual(want);
          found += Object.values(want).filter(Boolean).length;
        }
      }
      expect(found, re.source.slice(0, 60)).toBeGreaterThan(0);
    }
  });

  it('finds no non-Latin address on a line without its script (the script test before each pattern)', () => {
    const forms = [
      'ул. Марата, д. 18, кв. 7; вул. Хрещатик, 22, кв. 8; г. Москва; м. Київ',
      'Οδός Ερμού 25, Λεωφόρος Συγγρού 112',
      '上海市徐汇区漕溪北路88号 東京都世田谷区三軒茶屋2-14-7',
      '서울특별시 강남구 테헤란로 152',
      'شارع العليا، حي الورود',
      '99/12 ถนนสุขุมวิท',
      'मकान नं. 45, सेक्टर 15; 45, गांधी नगर',
    ];
    const lines = [...everyText, ...forms, forms.join(' ')].flatMap((t) => t.split('\n'));
    const found = new Set<RegExp>();
    for (const line of lines) {
      const scripts = scriptsOf(line);
      for (const { script, re } of NON_LATIN_ADDRESS) {
        const n = [...matches(re, line)].length;
        if ((scripts & script) === 0) expect(n, `${re.source.slice(0, 40)} on ${JSON.stringify(line.slice(0, 80))}`).toBe(0);
        if (n > 0) found.add(re);
      }
    }
    // Every pattern matched somewhere (so the check above is not of lines it could never match anyway).
    expect(found.size).toBe(NON_LATIN_ADDRESS.length);
  });

  it('walks every digit run once per text and drops it when the place detectors are done', () => {
    const runs = digitRuns('a1 22x333 é4');
    expect([...runs.start]).toEqual([1, 3, 6, 11]);
    expect([...runs.end]).toEqual([2, 5, 9, 12]);
    expect(digitRuns('a1 22x333 é4')).toBe(runs);
    const res = loadPiiResources();
    detectPlaces('10827 Berlin, Rua Augusta 1508', res);
    detectWorldPlaces('10827 Berlin, Rua Augusta 1508', res);
    expect(placeWalksHeld()).toBe(true);
    // detectPii drops them when the text is done
    detectPii('10827 Berlin, Rua Augusta 1508', { resources: res, compiled: false });
    expect(placeWalksHeld()).toBe(false);
  });
});

describe('tests moved from the detectors into their regexes change no span', () => {
  it("code-town's line-start test as a look-behind keeps exactly the matches the test kept", () => {
    const lookBehind = String.raw`(?<=^|\n|,[ \t]?|:[ \t]?|[ \t]{2})`;
    const scan = ANCHORED_SCANS.find((s) => s.re.source.startsWith(lookBehind));
    if (!scan) throw new Error('code-town scan not found');
    const before = new RegExp(scan.re.source.slice(lookBehind.length), scan.re.flags);
    let kept = 0;
    for (const text of everyText) {
      const old = [...matches(before, text)].filter(
        (m) => m.index === 0 || /(?:,[ \t]?|^|\n|:[ \t]?|[ \t]{2})$/.test(text.slice(Math.max(0, m.index - 3), m.index)),
      );
      kept += old.length;
      expect(all(matches(scan.re, text)), JSON.stringify(text.slice(0, 80))).toEqual(all(old));
    }
    expect(kept).toBeGreaterThan(20);
  });

  it('a code wants a blank before it only where the words before it are looked for, which end in one', () => {
    const scan = PLACE_SCANS.find((s) => s.re.source.startsWith('(?<=[ \\t])'));
    if (!scan) throw new Error('code scan not found');
    const before = new RegExp(scan.re.source.slice('(?<=[ \\t])'.length), scan.re.flags);
    const withWords = (m: RegExpExecArray, text: string): boolean => wordsBeforeCode(text, Math.max(0, m.index - 50), m.index) !== null;
    let kept = 0;
    for (const text of everyText) {
      const old = [...matches(before, text)].filter((m) => withWords(m, text));
      kept += old.length;
      expect(all([...matches(scan.re, text)].filter((m) => withWords(m, text)))).toEqual(all(old));
    }
    expect(kept).toBeGreaterThan(20);
  });
});
