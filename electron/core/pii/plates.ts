// Number plates and vehicle ids written outside the US. Shapes distinct enough to stand alone (UK "YD19 KFN",
// French "GH-418-KT", German "K-MS 4821", Indian "MH 02 DN 4471") are found anywhere; shapes any code could have
// (Spanish "4721 KLM", Australian "BZ 58 QR") only after a plate word. A European VIN has no check digit (only North
// American ones do), so a 17-character VIN after its label is taken as written.
import { anchoredScan, keywordStarts, keywords, matchesAnchored } from './anchoredScan.js';
import { capsRunsWhere, idScan, idScanFrom, isDigitAt } from './alnumRuns.js';
import { keywordLeads, narrowKeywordStarts } from './keywordLeads.js';
import { leadRe, makeSpan, groupRange } from './span.js';
import type { PiiSpan } from './types.js';

const B = String.raw`(?<![\p{L}\d-])`;
const E = String.raw`(?![\p{L}\d-])`;
const STANDALONE = new RegExp(
  [
    // UK current format: two letters, two digits (age identifier), three letters.
    String.raw`[A-HJ-PR-Y][A-HJ-PR-Y]\d{2}[ ][A-HJ-PR-Z]{3}`,
    // France SIV: AA-123-AA.
    String.raw`[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}`,
    // Germany: district (1-3 letters), dash, 1-2 letters, space, 1-4 digits, optional E/H.
    String.raw`[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]\d{1,4}[EH]?`,
    // India: state, district number, series, number.
    String.raw`(?:AN|AP|AR|AS|BR|CH|CG|DD|DL|GA|GJ|HR|HP|JK|JH|KA|KL|LA|LD|MP|MH|MN|ML|MZ|NL|OD|PY|PB|RJ|SK|TN|TS|TR|UP|UK|WB)[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}`,
  ]
    .map((s) => B + s + E)
    .join('|'),
  'gu',
);
const PLATE_WORD = String.raw`(?:registration|reg\.?|rego|number plate|plate|Kennzeichen|amtliches Kennzeichen|immatriculation|matrícula|matricula|targa|kenteken|registreringsnummer|rekisteritunnus|tablica|vehicle|véhicule)`;
/** The plate words' leading letters: a plate value may follow a word directly ("regAB12"), so a run need only begin with them. */
const plateWords = keywords(PLATE_WORD.slice(3, -1).split('|'), false);
const plateLeads = keywordLeads(
  PLATE_WORD.slice(3, -1)
    .split('|')
    .map((w) => w.replace('\\.?', '')),
  true,
);
const AFTER_WORD = anchoredScan(
  new RegExp(
    String.raw`(?<![\p{L}])${PLATE_WORD}(?:[ \t]+(?:no\.?|number|nr\.?|n°))?[ \t]*[:#]?[ \t]*(?<v>\d{4}[ -]?[B-DF-HJ-NP-TV-Z]{3}|[A-Z]{1,3}[ -]?\d{1,4}[ -]?[A-Z]{1,3}|[A-Z]{2,3}[ -]?\d{2,4}|\d{1,3}-[A-Z]{1,2}-\d{1,6})${E}`,
    'giud',
  ),
  (input) => narrowKeywordStarts(input, keywordStarts(input, plateWords, false), plateLeads),
);
const VIN_WORDS = ['VIN', 'FIN', 'Fahrgestellnummer', 'Fahrzeug-Ident', 'Fahrzeugidentifikationsnummer', 'numéro VIN', 'n° de série', 'bastidor', 'número de bastidor', 'telaio'];
/**
 * The labels' leading letters ("Fahrzeug" of "Fahrzeug-Ident", "num" of "numéro"; a label's run followed by a
 * non-ASCII unit is always tried): the value may follow "VIN" directly ("VIN1HGCM..."), so a run need only begin with
 * them. A whole-text scan with a look-ahead lead took ~4.5 ms per M chars.
 */
const vinWords = keywords(VIN_WORDS.filter((w) => !/^[a-z]*[^\x00-\x7f]/i.test(w)), false);
const vinLeads = keywordLeads(VIN_WORDS, false);
// Still made with a look-ahead lead on its first letters (span.ts leadRe, checked against the plain regex by
// scanShortcuts.test.ts); the lead costs nothing at the few positions it is tried now.
const VIN_LABEL = idScanFrom(
  leadRe(
    'VFnbt',
    String.raw`(?<![\p{L}])(?:VIN|FIN|Fahrgestellnummer|Fahrzeug-Ident\.?-Nr\.?|Fahrzeugidentifikationsnummer|numéro VIN|n° de série|bastidor|número de bastidor|telaio)[ \t]*[:#]?[ \t]*(?<v>[A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])`,
    'dgu',
  ),
  (input) => narrowKeywordStarts(input, keywordStarts(input, vinWords, false), vinLeads),
);
const isCap = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i);
  return c >= 65 && c <= 90;
};
const IN_STATES = new Set(
  'AN|AP|AR|AS|BR|CH|CG|DD|DL|GA|GJ|HR|HP|JK|JH|KA|KL|LA|LD|MP|MH|MN|ML|MZ|NL|OD|PY|PB|RJ|SK|TN|TS|TR|UP|UK|WB'.split('|').map((p) => p.charCodeAt(0) * 128 + p.charCodeAt(1)),
);
const isUmlaut = (c: number): boolean => c === 0xc4 || c === 0xd6 || c === 0xdc;
/**
 * A standalone plate opens a capitals run (alnumRuns.ts) with a capital: UK "YD19" then a blank, French "GH-" then a
 * digit, German "K-" then a capital or "MÜ" (up to 3 capitals then '-' or an umlaut), an Indian state code then a
 * digit or a link; or a German plate opens with Ä, Ö or Ü.
 */
const STANDALONE_SCAN = idScan(STANDALONE, (input, runs) => {
  const out = capsRunsWhere(runs, input, (t, s, e) => {
    if (!isCap(t, s)) return false;
    const n = e - s;
    const after = t.charCodeAt(e);
    if (n === 4 && after === 32 && isDigitAt(t, s + 2) && isDigitAt(t, s + 3)) return true;
    if (n === 2 && after === 45 && isDigitAt(t, e + 1)) return true;
    if (n <= 3 && ((after === 45 && isCap(t, e + 1)) || isUmlaut(after))) return true;
    return n >= 2 && IN_STATES.has(t.charCodeAt(s) * 128 + t.charCodeAt(s + 1)) && (n === 2 || isDigitAt(t, s + 2));
  });
  for (const umlaut of ['\u00c4', '\u00d6', '\u00dc']) for (let i = input.indexOf(umlaut); i >= 0; i = input.indexOf(umlaut, i + 1)) out.push(i);
  return out;
});

export function detectPlates(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchesAnchored(STANDALONE_SCAN, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'VEHICLE', 0.8, 'pattern'));
  for (const m of matchesAnchored(AFTER_WORD, input)) {
    const v = groupRange(m, 'v');
    // A plate has letters and digits; with the i flag the shapes above also let lower-case words through.
    if (v && /\d/.test(input.slice(v[0], v[1])) && /^[A-Z0-9 -]+$/.test(input.slice(v[0], v[1]))) {
      out.push(makeSpan(input, v[0], v[1], 'VEHICLE', 0.86, 'context'));
    }
  }
  for (const m of matchesAnchored(VIN_LABEL, input)) {
    const v = groupRange(m, 'v');
    if (v && /\d/.test(input.slice(v[0], v[1])) && /[A-Z]/.test(input.slice(v[0], v[1]))) out.push(makeSpan(input, v[0], v[1], 'VEHICLE', 0.9, 'context'));
  }
  return out;
}
