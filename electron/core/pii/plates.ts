// Number plates and vehicle ids written outside the US. Shapes distinct enough to stand alone (UK "YD19 KFN",
// French "GH-418-KT", German "K-MS 4821", Indian "MH 02 DN 4471") are found anywhere; shapes any code could have
// (Spanish "4721 KLM", Australian "BZ 58 QR") only after a plate word. A European VIN has no check digit (only North
// American ones do), so a 17-character VIN after its label is taken as written.
import { anchoredScan, matchesAnchored } from './anchoredScan.js';
import { capsRunsWhere, idScan, idScanFrom, isDigitAt } from './alnumRuns.js';
import { PLATE_WORD, plateWordStarts } from './plateWords.js';
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
/** Run only where a plate word is (plateWords.ts: one scan for the words of this regex and legal.ts's). */
const AFTER_WORD = anchoredScan(
  new RegExp(
    String.raw`(?<![\p{L}])${PLATE_WORD}(?:[ \t]+(?:no\.?|number|nr\.?|n°))?[ \t]*[:#]?[ \t]*(?<v>\d{4}[ -]?[B-DF-HJ-NP-TV-Z]{3}|[A-Z]{1,3}[ -]?\d{1,4}[ -]?[A-Z]{1,3}|[A-Z]{2,3}[ -]?\d{2,4}|\d{1,3}-[A-Z]{1,2}-\d{1,6})${E}`,
    'giud',
  ),
  plateWordStarts,
);
/**
 * Where a VIN label can open: each label holds one of these (found by indexOf: a capital or a rare letter first is
 * quick to find), at the given offset from the label's start ("numéro VIN" by its "VIN", "n° de série" by its '°',
 * "número de bastidor" by its 'ú'). A whole-text scan with a look-ahead lead on the first letters took ~2.5 ms per M
 * chars; these ~1.5.
 */
const VIN_ANCHORS: readonly (readonly [string, number])[] = [
  ['VIN', 0],
  ['VIN', -7],
  ['FIN', 0],
  ['Fahr', 0],
  ['\u00b0', -1],
  ['\u00fa', -1],
  ['bastidor', 0],
  ['telaio', 0],
];
function vinLabelStarts(input: string): number[] {
  const out: number[] = [];
  for (const [needle, offset] of VIN_ANCHORS)
    for (let i = input.indexOf(needle); i >= 0; i = input.indexOf(needle, i + 1)) if (i + offset >= 0) out.push(i + offset);
  return out;
}
const VIN_LABEL = idScanFrom(
  leadRe(
    'VFnbt',
    String.raw`(?<![\p{L}])(?:VIN|FIN|Fahrgestellnummer|Fahrzeug-Ident\.?-Nr\.?|Fahrzeugidentifikationsnummer|numéro VIN|n° de série|bastidor|número de bastidor|telaio)[ \t]*[:#]?[ \t]*(?<v>[A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])`,
    'dgu',
  ),
  vinLabelStarts,
);
const isCap = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i);
  return c >= 65 && c <= 90;
};
const IN_STATES = new Set(
  'AN|AP|AR|AS|BR|CH|CG|DD|DL|GA|GJ|HR|HP|JK|JH|KA|KL|LA|LD|MP|MH|MN|ML|MZ|NL|OD|PY|PB|RJ|SK|TN|TS|TR|UP|UK|WB'
    .split('|')
    .map((p) => p.charCodeAt(0) * 128 + p.charCodeAt(1)),
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
