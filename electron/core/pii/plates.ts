// Number plates and vehicle ids written outside the US. Shapes distinct enough to stand alone (UK "YD19 KFN",
// French "GH-418-KT", German "K-MS 4821", Indian "MH 02 DN 4471") are found anywhere; shapes any code could have
// (Spanish "4721 KLM", Australian "BZ 58 QR") only after a plate word. A European VIN has no check digit (only North
// American ones do), so a 17-character VIN after its label is taken as written.
import { anchoredScan, keywordStarts, keywords, matchesAnchored } from './anchoredScan.js';
import { leadRe, makeSpan, matches, groupRange } from './span.js';
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
const AFTER_WORD = anchoredScan(
  new RegExp(
    String.raw`(?<![\p{L}])${PLATE_WORD}(?:[ \t]+(?:no\.?|number|nr\.?|n°))?[ \t]*[:#]?[ \t]*(?<v>\d{4}[ -]?[B-DF-HJ-NP-TV-Z]{3}|[A-Z]{1,3}[ -]?\d{1,4}[ -]?[A-Z]{1,3}|[A-Z]{2,3}[ -]?\d{2,4}|\d{1,3}-[A-Z]{1,2}-\d{1,6})${E}`,
    'giud',
  ),
  (input) => keywordStarts(input, plateWords, false),
);
// The label's first letters tested ahead of the look-behind (span.ts leadRe): 14 -> 8 ms on 1.8 MB. The same lead
// made the plate-word and English-month regexes slower (their i flag or short words pass most positions).
const VIN_LABEL = leadRe(
  'VFnbt',
  String.raw`(?<![\p{L}])(?:VIN|FIN|Fahrgestellnummer|Fahrzeug-Ident\.?-Nr\.?|Fahrzeugidentifikationsnummer|numéro VIN|n° de série|bastidor|número de bastidor|telaio)[ \t]*[:#]?[ \t]*(?<v>[A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])`,
  'dgu',
);

export function detectPlates(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matches(STANDALONE, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'VEHICLE', 0.8, 'pattern'));
  for (const m of matchesAnchored(AFTER_WORD, input)) {
    const v = groupRange(m, 'v');
    // A plate has letters and digits; with the i flag the shapes above also let lower-case words through.
    if (v && /\d/.test(input.slice(v[0], v[1])) && /^[A-Z0-9 -]+$/.test(input.slice(v[0], v[1]))) {
      out.push(makeSpan(input, v[0], v[1], 'VEHICLE', 0.86, 'context'));
    }
  }
  for (const m of matches(VIN_LABEL, input)) {
    const v = groupRange(m, 'v');
    if (v && /\d/.test(input.slice(v[0], v[1])) && /[A-Z]/.test(input.slice(v[0], v[1]))) out.push(makeSpan(input, v[0], v[1], 'VEHICLE', 0.9, 'context'));
  }
  return out;
}
