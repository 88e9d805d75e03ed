// Geographic units smaller than a state: street addresses, cities (before a state, or a known city after a
// preposition), counties, ZIP and postal codes. States themselves are allowed by Safe Harbor and left alone.
import { AMBIGUOUS_STATE_ABBR, US_STATE_ABBR, US_STATE_NAMES, escapeRe, leadRe, makeSpan, lineScan } from './span.js';
import { anchoredScan, matchesAnchored, matchesOf } from './anchoredScan.js';
import {
  ASCII_LETTER,
  BLANK,
  CAPITAL,
  DASH,
  LETTER,
  SPACE,
  WORDISH,
  afterBlanks,
  byLastChar,
  capitalOrOther,
  commaThenCapital,
  digitRuns,
  groupAtEnd,
  groupAtStart,
  groupRule,
  digitStarts,
  isAsciiCapital,
  isBlank,
  keywordThenBlank,
  matchesOnPlaceLines,
  placeKeywordStartsOf,
  placeLineScan,
  placeScan,
  suffixList,
  suffixThenNumber,
} from './placeWalks.js';
import type { PiiResources } from './resources.js';
import { foldKey } from './resources.js';
import type { PiiSpan } from './types.js';
import { cityBefore, wordsBeforeCode } from './wordsBeforeCode.js';
import { mayCloseTown, mayOpenTown } from './cityWords.js';

const CAPW = String.raw`[\p{Lu}][\p{L}\p{M}'’.\-]*`;
const STREET_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Plaza|Row|Close|Crescent|Alley|Pike|Turnpike|Loop|Run|Path|Walk|Ridge|Heights|Concourse|Expressway|Expy|Freeway|Fwy|Hollow|Crossing|Xing|Point|Pt|Mews|Gardens|Green|Grove|Hill|View|Vista|Commons|Landing|Bend|Cove|Glen|Meadow|Meadows|Park|Estates|Gate|Quay|Wharf|Broadway';
const UNIT = String.raw`(?:,?[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Room|Rm|Bldg|#)\.?[ \t]*#?[ \t]*[A-Za-z0-9-]{1,6})`;
const ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th'];
/**
 * Whether what follows a house number ending at `e` can go on as STREET does: an optional letter and "-12", blanks,
 * then a capital (a word, a compass point or the street type) or an ordinal ("5th": 1-3 digits and its suffix).
 */
function streetWordAfter(input: string, e: number): boolean {
  let i = e;
  const c = input.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) i++;
  if (input.charCodeAt(i) === 45) {
    i++;
    while (input.charCodeAt(i) >= 48 && input.charCodeAt(i) <= 57) i++;
  }
  const w = afterBlanks(input, i);
  if (w < 0) return false;
  if (capitalOrOther(input, w)) return true;
  // An ordinal: 1-3 digits and its suffix.
  let d = w;
  while (d - w < 4 && input.charCodeAt(d) >= 48 && input.charCodeAt(d) <= 57) d++;
  return d > w && d - w <= 3 && ORDINAL_SUFFIXES.includes(input.slice(d, d + 2));
}
/** Streets named type-first (Spanish, French, Portuguese, Italian): "1402 Calle Ocho", "3318 Vista del Sol". */
const STREET_PREFIX = placeScan(
  new RegExp(
    String.raw`(?<![\w.-])\d{1,6}[ \t]+(?:Calle|Avenida|Av\.|Camino|Paseo|Vía|Via|Rue|Rua|Vista|Corso|Plaza|Carrera|Carrer)(?:[ \t]+(?:de|del|de la|los|las|la|el|da|do|dos|das|di)?[ \t]*[\p{Lu}\d][\p{L}\p{M}'’.-]*){1,3}${UNIT}?`,
    'gu',
  ),
  // (?<![\w.-]) refuses what WORDISH holds (a non-ASCII letter is no \w).
  (input) => digitStarts(input, { min: 1, max: 6, notBefore: WORDISH, after: BLANK, then: prefixTypeAfter }),
);
/** The first letters of STREET_PREFIX's street types (by code: this runs at most digit runs after a blank). */
const PREFIX_TYPE_FIRST = new Uint8Array(128);
for (const ch of 'CAPVR') PREFIX_TYPE_FIRST[ch.charCodeAt(0)] = 1;
function prefixTypeAfter(input: string, e: number): boolean {
  const w = afterBlanks(input, e);
  return w >= 0 && PREFIX_TYPE_FIRST[input.charCodeAt(w)] === 1;
}
const STREET = placeScan(
  new RegExp(
    String.raw`(?<![\w.-])\d{1,6}[A-Za-z]?(?:-\d{1,4})?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:${CAPW}|\d{1,3}(?:st|nd|rd|th))[ \t]+){0,4}(?:${STREET_TYPES})\b\.?(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\b\.?)?${UNIT}?`,
    'gu',
  ),
  (input) => digitStarts(input, { min: 1, max: 6, notBefore: WORDISH, after: ASCII_LETTER | BLANK | DASH, then: streetWordAfter }),
);
/** Street name first, then the number (German-style): "Hauptstraße 14", "Lindenweg 3a". */
const STREET_AFTER = leadRe(
  '\\p{Lu}',
  String.raw`(?<![\p{L}])[\p{Lu}][\p{L}\p{M}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|vej|gade|gatan|vägen|veien)[ \t]+\d{1,4}[a-z]?(?![\d\p{L}])`,
  'gu',
);
const STREET_AFTER_SUFFIXES = suffixList('straße strasse str. weg gasse platz allee ring damm ufer laan straat gracht vej gade gatan vägen veien'.split(' '));
/**
 * What every STREET_AFTER match holds on its line (see matchesOnLines): the suffix and the house number. The lines
 * are found from the digit runs looking back (placeWalks.ts suffixThenNumber), which the test checks gives the lines
 * this anchor gives.
 */
const STREET_AFTER_LINES = placeLineScan(
  lineScan(STREET_AFTER, new RegExp(String.raw`(?:${STREET_AFTER_SUFFIXES.map(escapeRe).join('|')})[ \t]+\d`, 'gu')),
  (input) => suffixThenNumber(input, STREET_AFTER_SUFFIXES),
);
/** Type-first streets with the number after the name: "Rua Augusta 1508", "Calle Mayor, 12", "ul. Długa 5". */
const STREET_TYPE_FIRST_NUMBER_AFTER = placeScan(
  new RegExp(
    String.raw`(?<![\p{L}])(?:Rua|Avenida|Av\.|Calle|Carrera|Via|Viale|Corso|Rue|Strada|Ulica|ul\.|Piazza|Praça|Largo)[ \t]+(?:(?:de|da|do|dos|das|del|della|di|la|le|des)[ \t]+)?[\p{Lu}][\p{L}\p{M}'’.-]*(?:[ \t][\p{Lu}][\p{L}\p{M}'’.-]*){0,2},?[ \t]+\d{1,5}[A-Za-z]?(?![\d\p{L}])`,
    'gu',
  ),
  (input) => placeKeywordStartsOf(input, 'RACVSUuPL').filter((s) => keywordThenBlank(input, s)),
);
/** Brazilian CEP ("01304-001"): a shape no other identifier here has. */
const CEP = placeScan(/(?<![\d-])\d{5}-\d{3}(?![\d-])/g, (input) => digitStarts(input, { min: 5, max: 5, notBefore: DASH, after: DASH }));
/** Run where a "P" (any case) can open "P.O. Box" 5-9 characters before the blanks that end in "Box" then digits. */
const PO_BOX = placeScan(/\bP\.?\s?O\.?\s?Box[ \t]+\d{1,6}\b/gi, (input) => {
  const out: number[] = [];
  // The runs after a blank read directly: digitStarts would list every one of them (most) before this test.
  const { afterBlank, start, end } = digitRuns(input);
  for (let a = 0; a < afterBlank.length; a++) {
    const k = afterBlank[a] ?? 0;
    const d = start[k] ?? 0;
    if ((end[k] ?? 0) - d > 6) continue;
    let b = d - 1;
    while (b > 0 && isBlank(input, b - 1)) b--;
    if (b < 3 || (input.charCodeAt(b - 1) | 32) !== 120 || (input.charCodeAt(b - 2) | 32) !== 111 || (input.charCodeAt(b - 3) | 32) !== 98) continue;
    for (let p = b - 9; p <= b - 5; p++) if (p >= 0 && (input.charCodeAt(p) | 32) === 112) out.push(p);
  }
  return out;
});
// Forward matches with a group instead of look-behinds: a look-behind alternation at every position was slow.
const STATE_NAME = new RegExp(`^(?:${US_STATE_NAMES})$`);
const STATES = [...US_STATE_ABBR.split('|'), ...US_STATE_NAMES.split('|')];
/**
 * Run at the 5-digit runs after 1-3 blanks: each state name that ends where the blanks (and an optional '.' and ','
 * before them) begin gives a start.
 */
const ZIP_AFTER_STATE = placeScan(
  new RegExp(String.raw`\b(?:${US_STATE_ABBR}|${US_STATE_NAMES})\.?,?[ \t]{1,3}(?<z>\d{5}(?:-\d{4})?)(?![\d-])`, 'g'),
  (input) => {
    const out: number[] = [];
    for (const d of digitStarts(input, { min: 5, max: 5, before: BLANK })) {
      let b = d - 1;
      while (b > 0 && d - b < 3 && isBlank(input, b - 1)) b--;
      if (isBlank(input, b - 1)) continue; // more than 3 blanks
      let e = b;
      if (input[e - 1] === ',') e--;
      for (const end of input[e - 1] === '.' ? [b, e, e - 1] : [b, e]) {
        for (const st of byLastChar(STATES).get(input.charCodeAt(end - 1)) ?? []) if (input.endsWith(st, end)) out.push(end - st.length);
      }
    }
    return out;
  },
);
/** Run where "ZIP", "ZIP Code", "Zip:" ends before the blanks and ':' or '#' that lead to a 5-digit run. */
const ZIP_LABEL = placeScan(/\b(?:ZIP|Zip|zip)(?:[ \t]*[Cc]ode)?[ \t]*[:#]?[ \t]*(?<z>\d{5}(?:-\d{4})?)(?!\d)/g, (input) => {
  const out: number[] = [];
  // The 5-digit runs read directly, the label tested by its codes (a slice per run was most of this walk).
  const { start, end, count } = digitRuns(input);
  for (let k = 0; k < count; k++) {
    const d = start[k] ?? 0;
    if ((end[k] ?? 0) - d !== 5) continue;
    let i = blanksBefore(input, d);
    if (input.charCodeAt(i - 1) === 58 || input.charCodeAt(i - 1) === 35) i = blanksBefore(input, i - 1);
    if (zipLabelEndsAt(input, i)) out.push(i - 3);
    if (input.endsWith('Code', i) || input.endsWith('code', i)) {
      const e = blanksBefore(input, i - 4);
      if (zipLabelEndsAt(input, e)) out.push(e - 3);
    }
  }
  return out;
});
/** Whether "ZIP", "Zip" or "zip" ends at `e`. */
function zipLabelEndsAt(input: string, e: number): boolean {
  if (e < 3 || (input.charCodeAt(e - 1) | 32) !== 112) return false;
  const label = input.slice(e - 3, e);
  return label === 'ZIP' || label === 'Zip' || label === 'zip';
}
/** Start of the blanks that end at `end`. */
function blanksBefore(input: string, end: number): number {
  let i = end;
  while (i > 0 && isBlank(input, i - 1)) i--;
  return i;
}
/** Run where a one-digit run follows a capital and precedes one ("K1A 0B1"). */
const CA_POSTAL = placeScan(/(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])/g, (input) =>
  digitStarts(input, { min: 1, max: 1, before: CAPITAL, after: CAPITAL }).map((s) => s - 1),
);
/** Run where its first digit run follows one or two capitals. */
const UK_POSTAL = placeScan(/(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/g, (input) => {
  const out: number[] = [];
  for (const d of digitStarts(input, { min: 1, max: 2, before: CAPITAL })) {
    out.push(d - 1);
    if (isAsciiCapital(input, d - 2)) out.push(d - 2);
  }
  return out;
});
// State first, then the city words before it (a capitalized-run regex tried at every capital was slow).
/** The first two letters of every state code and name: most capitals after a comma open none. */
const STATE_OPENINGS = new Set(STATES.map((st) => st.slice(0, 2)));
const STATE_AFTER_COMMA = placeScan(
  new RegExp(String.raw`,[ \t]+(?<state>${US_STATE_ABBR}|${US_STATE_NAMES})(?![\p{L}])(?<zip>\.?,?[ \t]+\d{5})?`, 'gu'),
  (input) =>
    commaThenCapital(input).filter((i) => {
      const w = afterBlanks(input, i + 1);
      return STATE_OPENINGS.has(input.slice(w, w + 2));
    }),
);
const COUNTY = leadRe(
  '\\p{Lu}',
  String.raw`(?<![\p{L}])(?:(?<a>${CAPW}(?:[ \t]${CAPW})?)[ \t]+(?:County|COUNTY|Parish|PARISH)|(?:County|COUNTY)[ \t]+(?:of|OF)[ \t]+(?<b>${CAPW}(?:[ \t]${CAPW})?))(?![\p{L}])`,
  'gu',
);
/**
 * Every COUNTY match holds the word between non-letters (after blanks or its look-behind, before its look-ahead or
 * blanks): where this anchor matches, found from the place keywords. A match opens at that word ("County of Kings")
 * or at a capital of the one or two blank-separated pieces before the blanks before it ("Travis County"): COUNTY runs
 * only there (it was run over each anchor line, trying every capital: ~0.4 ms per M chars).
 */
const COUNTY_ANCHOR = /(?<![\p{L}])(?:County|COUNTY|Parish|PARISH)(?![\p{L}])/gu;
const COUNTY_SCAN = placeScan(COUNTY, (input) => {
  const sticky = new RegExp(COUNTY_ANCHOR.source, 'uy');
  const out: number[] = [];
  for (const p of placeKeywordStartsOf(input, 'CP')) {
    sticky.lastIndex = p;
    if (!sticky.test(input)) continue;
    out.push(p);
    let k = p;
    for (let piece = 0; piece < 2; piece++) {
      const blanksEnd = k;
      while (k > 0 && isBlank(input, k - 1)) k--;
      if (k === blanksEnd) break;
      const pieceEnd = k;
      while (k > 0 && !isBlank(input, k - 1) && input.charCodeAt(k - 1) !== 10) k--;
      for (let i = k; i < pieceEnd; i++) if (capitalOrOther(input, i)) out.push(i);
    }
  }
  return out;
});
const countyGroups = groupRule(COUNTY, (m) => ({ a: groupAtStart(m, 'a'), b: groupAtEnd(m, 'b') }));
/** A postal code next to a known city, either order: "10827 Berlin", "Nairobi 00100". */
const CODE_CITY = placeScan(new RegExp(String.raw`(?<![\d\p{L}-])(?<z>\d{3}[ ]\d{2}|\d{4,6})[ \t]+(?<c>${CAPW}(?:[ \t]${CAPW}){0,2})`, 'gu'), (input) => [
  // "123 45": a space, exactly two digits, then the town (most 3-digit runs before a space are no such code).
  ...digitStarts(input, { min: 3, max: 3, notBefore: LETTER | DASH, after: SPACE, then: twoDigitsThenTown }),
  ...digitStarts(input, { min: 4, max: 6, notBefore: LETTER | DASH, after: BLANK, then: (t, e) => capitalOrOther(t, afterBlanks(t, e)) }),
]);
/** After the space at `e`: two digits, no third, then blanks and what can open a capitalized word. */
function twoDigitsThenTown(input: string, e: number): boolean {
  const d1 = input.charCodeAt(e + 1);
  const d2 = input.charCodeAt(e + 2);
  return d1 >= 48 && d1 <= 57 && d2 >= 48 && d2 <= 57 && capitalOrOther(input, afterBlanks(input, e + 3));
}
// Not followed by a digit group: "Mobile 07700 900744" is a phone number after a phone word, not Mobile, AL.
// Only after a blank (?<=[ \t]): the words before it, which it is looked for with, end in blanks (wordsBeforeCode).
export const CODE = placeScan(/(?<=[ \t])(?<![\d\p{L}-])\d{4,6}(?![\d\p{L}-]|[ ]\d)/gu, (input) => digitStarts(input, { min: 4, max: 6, before: BLANK }));
/**
 * CODE's matches without running it, as [start, end) pairs: the 4-6 digit runs after a blank (so its look-behinds
 * hold) with no letter, '-' or " 1" after them. placeWalks.test.ts checks them against the regex's matches.
 */
export function codeMatches(input: string): number[] {
  const runs = digitRuns(input);
  const { afterBlank, start, end, after } = runs;
  const out: number[] = [];
  for (let a = 0; a < afterBlank.length; a++) {
    const k = afterBlank[a] ?? 0;
    const s = start[k] ?? 0;
    const e = end[k] ?? 0;
    if (e - s < 4 || e - s > 6 || ((after[k] ?? 0) & (LETTER | DASH)) !== 0) continue;
    const c = input.charCodeAt(e);
    if (c === 32 && isDigitCode(input.charCodeAt(e + 1))) continue;
    // A letter outside the BMP (a surrogate pair): the class walk reads one unit, the regex the code point.
    if (c >= 0xd800 && c <= 0xdbff && LETTER_AT_START.test(input.slice(e, e + 2))) continue;
    out.push(s, e);
  }
  return out;
}
const LETTER_AT_START = /^\p{L}/u;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const CITY_FIELD = placeScan(
  new RegExp(
    String.raw`(?<![\p{L}])(?:(?:City|Town|Village|Municipality|City\/Town|County|Neighbou?rhood|Residence)[ \t]*:|(?:Place of birth|Birthplace|City of birth|Hometown)[ \t]*:?|Born in)[ \t]*(?<c>${CAPW}(?:[ \t]${CAPW}){0,2})`,
    'gu',
  ),
  (input) => placeKeywordStartsOf(input, 'CTVMNRPBH'),
);
// Where the groups the detector reads sit in each match (placeWalks.ts groupRule: no d flag).
const zipGroups = groupRule(ZIP_AFTER_STATE.re, (m) => ({ z: groupAtEnd(m, 'z') }));
const zipLabelGroups = groupRule(ZIP_LABEL.re, (m) => ({ z: groupAtEnd(m, 'z') }));
const cityFieldGroups = groupRule(CITY_FIELD.re, (m) => ({ c: groupAtEnd(m, 'c') }));
const codeCityGroups = groupRule(CODE_CITY.re, (m) => ({ z: groupAtStart(m, 'z'), c: groupAtEnd(m, 'c') }));
const CITY_AFTER_STREET = new RegExp(String.raw`^,?[ \t]+(?<c>${CAPW}(?:[ \t]${CAPW}){0,2})`, 'u');
const isAsciiLetterAt = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i) | 32;
  return c >= 97 && c <= 122;
};
/** Tried only at those words (a blank follows each): the place keywords' shared walk (placeWalks.ts). */
const AFTER_PREP = anchoredScan(
  new RegExp(String.raw`(?<![\p{L}])(?:in|from|near|to|at|outside|around|of|moved to|lives in|resides in)[ \t]+(?<c>${CAPW}(?:[ \t]${CAPW}){0,3})`, 'gu'),
  (input) =>
    // Each word but the two-word ones needs blanks and a capital after it (the town).
    placeKeywordStartsOf(input, 'ifnatomlr').filter((s) => {
      let e = s;
      while (isAsciiLetterAt(input, e)) e++;
      const word = input.slice(s, e);
      return word === 'moved' || word === 'lives' || word === 'resides' || capitalOrOther(input, afterBlanks(input, e));
    }),
);
const afterPrepGroups = groupRule(AFTER_PREP.re, (m) => ({ c: groupAtEnd(m, 'c') }));

/**
 * s.split(/[ \t]/) without the regex: a regex split runs a sticky copy of the regex at every character (a profile
 * counted ~58k such tries per M chars of text here).
 */
function splitBlanks(s: string): string[] {
  return s.includes('\t') ? s.split(/[ \t]/) : s.split(' ');
}

/** s.replace(/[.,]$/, ''). */
function dropFinalStop(s: string): string {
  return s.endsWith('.') || s.endsWith(',') ? s.slice(0, -1) : s;
}

export function detectPlaces(input: string, res: PiiResources): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchesAnchored(STREET, input)) {
    let end = m.index + m[0].length;
    if (input[end - 1] === '.' && !/\b(?:St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Pkwy|Hwy|Cir|Sq|Trl)\.$/.test(m[0])) end--;
    out.push(makeSpan(input, m.index, end, 'LOCATION', 0.88, 'pattern'));
  }
  // Type-first streets outrank the number-first pattern, which would stop at "3318 Vista" of "3318 Vista del Sol".
  for (const m of matchesAnchored(STREET_PREFIX, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'LOCATION', 0.89, 'pattern'));
  for (const m of matchesAnchored(STREET_TYPE_FIRST_NUMBER_AFTER, input))
    out.push(makeSpan(input, m.index, m.index + m[0].length, 'LOCATION', 0.88, 'pattern'));
  for (const m of matchesAnchored(CEP, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'ZIP', 0.6, 'pattern'));
  for (const m of matchesOnPlaceLines(STREET_AFTER_LINES, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'LOCATION', 0.8, 'pattern'));
  // A known city right after a street on the same line ("Rua Augusta 1508, São Paulo - SP").
  for (const street of out.filter((s) => s.type === 'LOCATION')) {
    const cm = CITY_AFTER_STREET.exec(input.slice(street.end, street.end + 60));
    const words = cm?.groups?.['c'] !== undefined ? splitBlanks(cm.groups['c']) : [];
    if (words.length === 0 || !mayOpenTown(res.cities, words[0] ?? '')) continue;
    for (let n = words.length; n >= 1; n--) {
      const name = words.slice(0, n).join(' ');
      if (!res.cities.has(foldKey(name))) continue;
      const s = street.end + (cm?.[0].length ?? 0) - (cm?.groups?.['c']?.length ?? 0);
      out.push(makeSpan(input, s, s + name.length, 'LOCATION', 0.75, 'dictionary'));
      break;
    }
  }
  for (const m of matchesAnchored(PO_BOX, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'LOCATION', 0.85, 'pattern'));
  for (const re of [ZIP_AFTER_STATE, ZIP_LABEL]) {
    for (const m of matchesOf(re, input)) {
      const z = (re === ZIP_AFTER_STATE ? zipGroups : zipLabelGroups)(m)['z'];
      if (z) out.push(makeSpan(input, z[0], z[1], 'ZIP', 0.9, 'context'));
    }
  }
  for (const re of [CA_POSTAL, UK_POSTAL]) {
    for (const m of matchesOf(re, input)) {
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'ZIP', 0.7, 'pattern'));
      // A known city right before the postcode ("Manchester M14 5RS").
      const cm = wordsBeforeCode(input, Math.max(0, m.index - 50), m.index);
      if (cm && res.cities.has(foldKey(input.slice(cm[0], cm[1])))) out.push(makeSpan(input, cm[0], cm[1], 'LOCATION', 0.7, 'dictionary'));
    }
  }
  // Form fields: "City: Paterson", "Town: Bellevue" (the label says what the words are).
  for (const m of matchesAnchored(CITY_FIELD, input)) {
    const g = cityFieldGroups(m)['c'];
    if (g && !res.commonCapitalized.has(foldKey(input.slice(g[0], g[1])))) out.push(makeSpan(input, g[0], g[1], 'LOCATION', 0.85, 'context'));
  }
  for (const m of matchesAnchored(STATE_AFTER_COMMA, input)) {
    const state = m.groups?.['state'] ?? '';
    const from = Math.max(0, m.index - 60);
    // The city words right before the comma (wordsBeforeCode.ts: a walk back, the regex CITY_BEFORE's match).
    let s = cityBefore(input, from, m.index);
    if (s < 0) continue;
    const e = m.index;
    // Keep only the trailing words that are not common words ("Lives Dayton" -> "Dayton").
    const words = splitBlanks(input.slice(s, e));
    while (words.length > 1 && res.commonCapitalized.has(foldKey(words[0] ?? ''))) {
      s += (words.shift() ?? '').length + 1;
    }
    const city = input.slice(s, e);
    if (res.credentials.has(foldKey(city).replace(/\./g, ''))) continue; // "Esq., Florida Bar
    const known = res.cities.has(foldKey(city));
    if (AMBIGUOUS_STATE_ABBR.has(state) && !m.groups?.['zip'] && !known) continue;
    if (res.commonCapitalized.has(foldKey(city)) || res.orgWords.has(foldKey(words[words.length - 1] ?? ''))) continue;
    out.push(makeSpan(input, s, e, 'LOCATION', known ? 0.85 : 0.7, 'context'));
  }
  for (const m of matchesAnchored(COUNTY_SCAN, input)) {
    const { a, b } = countyGroups(m);
    if (a) {
      // "OF TRAVIS COUNTY", "FOR KING COUNTY": drop leading common words.
      let s = a[0];
      const words = splitBlanks(input.slice(a[0], a[1]));
      while (words.length > 1 && res.commonCapitalized.has(foldKey(words[0] ?? ''))) s += (words.shift() ?? '').length + 1;
      out.push(makeSpan(input, s, m.index + m[0].length, 'LOCATION', 0.8, 'pattern'));
    } else if (b) out.push(makeSpan(input, b[0], b[1], 'LOCATION', 0.8, 'pattern'));
  }
  // City then code: find the codes first, then the words before each one.
  const cityCode = function* (): Generator<{ c: [number, number]; z: [number, number] }> {
    const codes = codeMatches(input);
    for (let k = 0; k < codes.length; k += 2) {
      const s = codes[k] ?? 0;
      const cm = wordsBeforeCode(input, Math.max(0, s - 50), s);
      if (cm) yield { c: cm, z: [s, codes[k + 1] ?? 0] };
    }
  };
  const codeCity = function* (): Generator<{ c: [number, number]; z: [number, number] }> {
    for (const m of matchesAnchored(CODE_CITY, input)) {
      const { c, z } = codeCityGroups(m);
      if (c && z) yield { c, z };
    }
  };
  for (const [re, gen] of [
    [CODE_CITY, codeCity],
    [CODE, cityCode],
  ] as const) {
    for (const { c, z } of gen()) {
      const words = splitBlanks(input.slice(c[0], c[1]));
      // No town opens (after the code) or closes (before it) with the word every part shares: none to look up.
      if (re === CODE_CITY ? !mayOpenTown(res.cities, words[0] ?? '') : !mayCloseTown(res.cities, words[words.length - 1] ?? '')) continue;
      // The longest known city that touches the code: a prefix after the code, a suffix before it.
      for (let n = words.length; n >= 1; n--) {
        const part = re === CODE_CITY ? words.slice(0, n) : words.slice(words.length - n);
        const name = dropFinalStop(part.join(' '));
        if (!res.cities.has(foldKey(name))) continue;
        // "Brooklyn, New York 11238": a state and its ZIP, not a city and a postal code.
        if (re === CODE && STATE_NAME.test(name)) break;
        const start = re === CODE_CITY ? c[0] : c[1] - part.join(' ').length;
        out.push(makeSpan(input, start, start + name.length, 'LOCATION', 0.7, 'dictionary'));
        out.push(makeSpan(input, z[0], z[1], 'ZIP', 0.7, 'context'));
        break;
      }
    }
  }
  for (const m of matchesAnchored(AFTER_PREP, input)) {
    const g = afterPrepGroups(m)['c'];
    if (!g) continue;
    const words = splitBlanks(input.slice(g[0], g[1]));
    if (!mayOpenTown(res.cities, words[0] ?? '')) continue;
    // Longest known city at the start of the capitalized run; not when an organization word follows.
    for (let n = words.length; n >= 1; n--) {
      const name = dropFinalStop(words.slice(0, n).join(' '));
      if (!res.cities.has(foldKey(name))) continue;
      if (/State of[ \t]*$|State OF[ \t]*$/i.test(input.slice(Math.max(0, g[0] - 12), g[0]))) break;
      const next = words[n];
      if (next && res.orgWords.has(foldKey(dropFinalStop(next)))) break;
      out.push(makeSpan(input, g[0], g[0] + name.length, 'LOCATION', 0.65, 'dictionary'));
      break;
    }
  }
  return out;
}
