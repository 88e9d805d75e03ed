// Addresses written the way they are outside the US: a postal code next to its town ("70173 Stuttgart", "Leicester
// LE2 3AH", "Fitzroy VIC 3065", "Noida 201309", "Dublin 4 D04 E7P3"), the comma-separated parts of the same address
// line before it ("Flat 2, 61 Mansfield Road, ..."), street forms of French, Belgian, German, Dutch, Nordic and
// Slavic addresses, and addresses in Cyrillic, Greek, Chinese, Japanese, Korean, Arabic, Hebrew, Thai and Devanagari.
// A town next to a postal code needs no gazetteer: the code says what the word is.
import { anchoredScan, matchesAnchored, matchesOf } from './anchoredScan.js';
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
  afterBlanks,
  commaThenCapital,
  digitRuns,
  groupAfterBlanks,
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
import { ARABIC, CYRILLIC, DEVANAGARI, GREEK, HAN, HANGUL, THAI, onNonLatinLines, scriptsOf } from './nonLatinLines.js';
import type { PiiResources } from './resources.js';
import { foldKey } from './resources.js';
import { US_STATE_NAMES, leadRe, lineStartNear, makeSpan, lineScan, matches } from './span.js';
import type { PiiSpan } from './types.js';

/** A capitalized word in a cased script, hyphens and apostrophes inside ("Saint-Denis", "Frankfurt am Main" is 3). */
const CAPW = String.raw`[\p{Lu}][\p{Ll}\p{M}'’.\-]*[\p{L}\p{M}]`;
const TOWN = String.raw`${CAPW}(?:[ \t](?:am|an|der|de|la|le|sur|en|upon|on|-)?[ \t]?${CAPW}){0,2}`;

/** Postal code shapes that come BEFORE the town: DE/FR/ES/IT (5), AT/BE/CH/DK/NO (4), NL (4+2), PL, PT, LU, SE/GR/CZ (3+2). */
const CODE_FIRST = String.raw`(?:\d{4}[ ]?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3}|L-\d{4}|\d{3}[ ]\d{2}|\d{4,5})`;
/**
 * Code then town, run only where a code can open (anchoredScan.ts): at digit runs after a comma, a colon, a blank, a
 * line break or the text's start (every shape but Luxembourg's opens so) whose digits end as a shape's first digits
 * do, and at each "L-".
 *
 * A code opens an address only after a comma or at a line/label start (the look-behind); a 4-5 digit number in a
 * sentence ("paid 2500 Euro") is not one. (This was a test of each match: as a look-behind the scan tries the
 * positions inside a refused match too, and none of those can hold a match: "45" of "123 45" has one blank before
 * it, the town words no digits, an "L" of them a letter or one blank before it.)
 */
const CODE_TOWN = anchoredScan(
  new RegExp(String.raw`(?<=^|\n|,[ \t]?|:[ \t]?|[ \t]{2})(?<![\p{L}\d-])(?<z>${CODE_FIRST})[ \t]+(?<c>${TOWN}(?:[ \t][A-Z](?![\p{L}]))?)(?![\p{L}\d])`, 'gu'),
  (input) => {
    // Each shape's digits end in what follows them in it: "00-950", "114 55", "1012 AB", "1012AB", "1100-148",
    // then blanks.
    // One pass over the runs (it was four digitStarts, one per length, and a filter).
    const runs = digitRuns(input);
    const out: number[] = [];
    for (let k = 0; k < runs.count; k++) {
      if (((runs.before[k] ?? 0) & CODE_TOWN_BEFORE) === 0) continue;
      const s = runs.start[k] ?? 0;
      const n = (runs.end[k] ?? 0) - s;
      if (n < 2 || n > 5 || ((runs.after[k] ?? 0) & (CODE_TOWN_AFTER[n] ?? 0)) === 0) continue;
      if (lineOrFieldStart(input, s)) out.push(s);
    }
    for (let at = input.indexOf('L-'); at >= 0; at = input.indexOf('L-', at + 2)) out.push(at);
    return out;
  },
);
/** What may come before a code-town digit run, and after it by its length (index: the run's length). */
const CODE_TOWN_BEFORE = BLANK | COMMA | COLON | NEWLINE | EDGE;
const CODE_TOWN_AFTER = [0, 0, DASH, SPACE, BLANK | DASH | CAPITAL, BLANK];
/** What CODE_TOWN's look-behind wants before `i`: the text's start, a line break, a comma or colon and a blank or none, or two blanks. */
function lineOrFieldStart(input: string, i: number): boolean {
  const c = input.charCodeAt(i - 1);
  if (i === 0 || c === 10 || c === 44 || c === 58) return true;
  if (c !== 32 && c !== 9) return false;
  const b = input.charCodeAt(i - 2);
  return b === 32 || b === 9 || b === 44 || b === 58;
}
/** Irish Eircode: routing key + unique identifier. */
const EIRCODE = String.raw`(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ][0-9AC-FHKNPRTV-Y]{4}`;
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2}`;
const CA_POSTAL = String.raw`[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]?\d[ABCEGHJ-NPRSTV-Z]\d`;
const REGION = String.raw`(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NU)`;
/** Town then code: "Leicester LE2 3AH", "Dublin 4 D04 E7P3", "Fitzroy VIC 3065", "Montréal QC H2X 3J6", "Noida 201309". */
const TOWN_CODE = leadRe(
  '\\p{Lu}',
  String.raw`(?<![\p{L}\d])(?<c>${TOWN}(?:[ \t]\d{1,2}W?)?)(?:,?[ \t]+(?:Co\.[ \t]+${CAPW}|${REGION}))?,?[ \t]+(?<z>${EIRCODE}|${UK_POSTCODE}|${CA_POSTAL}|\d{6}|(?<=${REGION}[ \t]+)\d{4})(?![\p{L}\d])`,
  'gu',
);
/**
 * What every TOWN_CODE match holds on its line (see matchesOnLines): a blank, then one of its postal codes (4 digits
 * only after a region). Every code has its first digits within 3 characters of that blank: the anchor is tried only
 * there, from the digit runs (anchorsBeforeDigits).
 */
const TOWN_CODE_ANCHOR = new RegExp(String.raw`[ \t](?:${EIRCODE}|${UK_POSTCODE}|${CA_POSTAL}|\d{6}|(?<=${REGION}[ \t]+)\d{4})(?![\p{L}\d])`, 'gu');
const TOWN_CODE_LINES = placeLineScan(lineScan(TOWN_CODE, TOWN_CODE_ANCHOR), (input) => anchorsBeforeDigits(input, new RegExp(TOWN_CODE_ANCHOR.source, 'uy')));

/**
 * Where `sticky` (the postcode anchor: a blank, then 4 or 6 digits, or one or two capitals and one or two digits
 * before the rest of a postcode) matches: tried at the blank before each digit run of those shapes.
 */
function anchorsBeforeDigits(input: string, sticky: RegExp): number[] {
  const out: number[] = [];
  const at = (p: number): void => {
    if (!isBlank(input, p)) return;
    sticky.lastIndex = p;
    if (sticky.test(input)) out.push(p);
  };
  for (const d of digitStarts(input, { min: 4, max: 4, before: BLANK })) at(d - 1);
  for (const d of digitStarts(input, { min: 6, max: 6, before: BLANK })) at(d - 1);
  for (const d of digitStarts(input, { min: 1, max: 2, before: CAPITAL })) {
    at(d - 2);
    if (isAsciiCapital(input, d - 2)) at(d - 3);
  }
  return out;
}
/** Run where a digit run follows a capital ("D04", "D6W"). */
const EIRCODE_ALONE = placeScan(new RegExp(String.raw`(?<![\p{L}\d])${EIRCODE}(?![\p{L}\d])`, 'g'), (input) =>
  digitStarts(input, { min: 1, max: 2, before: CAPITAL }).map((s) => s - 1),
);
/** "Dublin 4", "Dublin 6W": a postal district is part of the town. Run at each "Dublin" (its look-behind at every position was ~0.5 ms per M chars). */
const DUBLIN = placeScan(/(?<![\p{L}])Dublin[ \t]\d{1,2}W?(?![\p{L}\d])/gu, (input) => {
  const out: number[] = [];
  for (let at = input.indexOf('Dublin'); at >= 0; at = input.indexOf('Dublin', at + 6)) out.push(at);
  return out;
});

/** Words in an address part that say it is one (streets, localities), in the languages of the set. */
const ADDRESS_WORD =
  /(?:^|[\s\d])(?:Road|Rd|Street|St|Lane|Avenue|Ave|Drive|Court|Close|Crescent|Place|Square|Terrace|Way|Grove|Gardens|Hill|Hills|View|Row|Mews|Park|Dock|Quay|Rectory|Cottage|House|Farm|Lodge|Manor|Church|Flat|Apartment|Apartments|Apt|Unit|Plot|Villa|Sector|Block|Nagar|Salai|Marg|Colony|Layout|Road|West|East|North|South|Rue|Avenue|Allée|Impasse|Chemin|Quai|Calle|C\/|Avenida|Plaza|Via|Viale|Piazza|Rua|Straße|Strasse|Weg|Gasse|Platz|ul\.|Street)(?:$|[\s,.])/u;
const NOT_PLACE = new Set(['india', 'uk', 'united kingdom', 'ireland', 'canada', 'australia', 'germany', 'france', 'spain', 'italy', 'españa', 'deutschland']);

/** Whether what follows a number ending at `e` can go on as FR_STREET does: "bis"/"ter", a comma, blanks, a street type. */
function frStreetAfter(input: string, e: number): boolean {
  return (
    frStreetTypeAt(input, e) ||
    (isBisTer(input, e) && frStreetTypeAt(input, e + 3)) ||
    (isBlank(input, e) && isBisTer(input, e + 1) && frStreetTypeAt(input, e + 4))
  );
}
// Char codes first: these run at most digit runs of a text (oneOf and two startsWith per run were ~0.4 ms per M chars).
const isBisTer = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i);
  return (c === 98 && input.startsWith('bis', i)) || (c === 116 && input.startsWith('ter', i));
};
/** The first letters of FR_STREET's street types. */
const FR_TYPE_FIRST = new Uint8Array(128);
for (const ch of 'rbaicpqs') FR_TYPE_FIRST[ch.charCodeAt(0)] = 1;
/** An optional comma, blanks, then the first letter of a street type. */
const frStreetTypeAt = (input: string, i: number): boolean => {
  const j = afterBlanks(input, input.charCodeAt(i) === 44 ? i + 1 : i);
  return j >= 0 && FR_TYPE_FIRST[input.charCodeAt(j)] === 1;
};
/** French and Belgian number-first streets ("45 boulevard Voltaire", "12 rue de la Gare", "3 impasse des Tilleuls"). */
const FR_STREET = placeScan(
  new RegExp(
    String.raw`(?<![\p{L}\d])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|boulevard|bd|avenue|av\.|allée|impasse|place|chemin|quai|cours|route|square|passage|chaussée)[ \t]+(?:(?:de[ \t]+la|de[ \t]+l'|des|du|de|d'|la|le|les)[ \t]*)?${CAPW}(?:[ \t]${CAPW}){0,2}`,
    'gu',
  ),
  // Digit runs of 1-4 after no letter, then a blank, ',' or "bis"/"ter".
  (input) => digitStarts(input, { min: 1, max: 4, notBefore: LETTER, after: BLANK | COMMA | ASCII_LETTER, then: frStreetAfter }),
);
/** Type first, number after ("Avenue Louise 231", "Rue de la Loi 84", "C/ Gran Vía 45, 5º A", "ul. Długa 17 m. 4"). */
const TYPE_FIRST = placeScan(
  leadRe(
    'ABCPRualVIKU',
    String.raw`(?<![\p{L}])(?:Avenue|Boulevard|Chaussée|Place|Rue|C\/|Calle|Avda\.|Avenida|Paseo|Carrer|ul\.|al\.|Via|Viale|Piazza|Rua|Am|An[ \t]der|Im|Knez|Bulevar|Ulica)[ \t]+(?:(?:de[ \t]+la|de|del|des|du|da|do|dos|das|della|di|la|le)[ \t]+)?${CAPW}(?:[ \t]${CAPW}){0,2},?[ \t]+\d{1,5}[A-Za-z]?(?:\/\d{1,4})?(?:,?[ \t]+(?:\d{1,2}º[ \t]?[A-Za-z]{1,5}\.?|m\.[ \t]?\d{1,4}|app\.[ \t]?\d{1,4}))?`,
    'gu',
  ),
  (input) => placeKeywordStartsOf(input, 'ABCPRualVIKU').filter((s) => keywordThenBlank(input, s)),
);
/** Name-first streets with a suffix (German, Dutch, Nordic, Finnish): "Schillerstraße 41", "Hämeenkatu 14 B 22". */
const SUFFIX_STREET = leadRe(
  '\\p{Lu}',
  String.raw`(?<![\p{L}])(?:${CAPW}[ \t])?[\p{Lu}][\p{L}\p{M}-]*(?:straße|strasse|Straße|Strasse|gasse|Gasse|weg|platz|Platz|allee|ring|damm|ufer|laan|straat|gracht|kade|singel|dijk|plein|vej|gade|gatan|vägen|veien|gata|katu|tie|kuja|polku|väylä)[ \t]+\d{1,4}[a-z]?(?:[ \t][A-Z](?:[ \t]\d{1,3})?)?(?![\d\p{L}])`,
  'gu',
);
const SUFFIXES = suffixList(
  'straße strasse Straße Strasse gasse Gasse weg platz Platz allee ring damm ufer laan straat gracht kade singel dijk plein vej gade gatan vägen veien gata katu tie kuja polku väylä'.split(
    ' ',
  ),
);
/** The lines of the suffix and house number, found from the digit runs looking back (suffixThenNumber). */
const SUFFIX_STREET_LINES = placeLineScan(lineScan(SUFFIX_STREET, new RegExp(`(?:${SUFFIXES.join('|')})[ \\t]+\\d`, 'gu')), (input) =>
  suffixThenNumber(input, SUFFIXES),
);
/** A street of one named person or place with its number, after an address label ("Knez Mihailova 12"). */
const FLAT_FIRST = placeScan(
  new RegExp(
    String.raw`(?<![\p{L}])(?:Flat|Apartment|Apt\.?|Unit|Plot|Villa|House|Suite)[ \t]+[A-Z0-9-]{1,5},[ \t]+(?:\d{1,5}[A-Za-z]?[ \t]+)?${CAPW}(?:[ \t]${CAPW}){0,4}`,
    'gu',
  ),
  (input) => placeKeywordStartsOf(input, 'FAUPVHS').filter((s) => keywordThenBlank(input, s)),
);

/**
 * Addresses in scripts without Latin letters: the street/locality words of each script anchor them. Each pattern
 * holds a word of its script (its `script` bit, nonLatinLines.ts scriptsOf), so it runs only on lines that hold one
 * (placeWalks.test.ts checks no pattern matches on a line without its script).
 */
export const NON_LATIN_ADDRESS: { script: number; re: RegExp }[] = [
  // Russian, Ukrainian, Serbian: "ул. Марата, д. 18, кв. 7", "вул. Хрещатик, 22, кв. 8", "г. Москва", "м. Київ".
  {
    script: CYRILLIC,
    re: /(?<![\p{L}])(?:ул\.|вул\.|улица|пр\.|просп\.|пер\.|бул\.|ш\.)[ \t]?[\p{Lu}][\p{L}-]+(?:[ \t][\p{Lu}][\p{L}-]+)?(?:,[ \t]?(?:д\.[ \t]?)?\d{1,4}[а-я]?)?(?:,[ \t]?(?:кв|корп|стр)\.[ \t]?\d{1,4})?/gu,
  },
  { script: CYRILLIC, re: /(?<![\p{L}])(?:г\.|м\.|с\.|пос\.)[ \t]?[\p{Lu}][\p{L}-]+(?:[ \t]?-[ \t]?[\p{Lu}][\p{L}-]+)?/gu },
  // Greek: "Οδός Ερμού 25", "Λεωφόρος Συγγρού 112".
  { script: GREEK, re: /(?<![\p{L}])(?:Οδός|οδός|Λεωφόρος|Λεωφ\.|Πλατεία)[ \t][\p{Lu}][\p{L}]+(?:[ \t][\p{Lu}][\p{L}]+)?[ \t]\d{1,4}/gu },
  // Chinese and Japanese: province/city/ward/street/number chains ("上海市徐汇区漕溪北路88号", "東京都世田谷区三軒茶屋2-14-7").
  {
    script: HAN,
    re: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,6}(?:省|市|都|道|府|県|区|區|县|縣)[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{0,12}(?:路|街|道|号|號|丁目|番地|町|村|区|區)?[\d０-９\-－号號丁目番地]*/gu,
  },
  // Korean: "서울특별시 강남구 테헤란로 152".
  {
    script: HANGUL,
    re: /[\p{Script=Hangul}]{1,6}(?:특별시|광역시|시|도)(?:[ \t][\p{Script=Hangul}]{1,6}(?:구|군|시|동|읍|면))*(?:[ \t][\p{Script=Hangul}\d]{1,8}(?:로|길))?(?:[ \t]\d{1,4}(?:-\d{1,4})?)?/gu,
  },
  // Arabic: street and district words ("شارع العليا، حي الورود").
  {
    script: ARABIC,
    re: /(?:شارع|حي|طريق|ميدان)[ \t][\p{Script=Arabic}]+(?:[ \t][\p{Script=Arabic}]+)?(?:[،,][ \t]?(?:شارع|حي|طريق)[ \t][\p{Script=Arabic}]+(?:[ \t][\p{Script=Arabic}]+)?)*/gu,
  },
  // Thai: "99/12 ถนนสุขุมวิท".
  { script: THAI, re: /(?:\d{1,4}(?:\/\d{1,4})?[ \t])?(?:ถนน|ซอย)[\p{Script=Thai}]+/gu },
  // Devanagari: "मकान नं. 45, सेक्टर 15", "45, गांधी नगर".
  { script: DEVANAGARI, re: /(?:मकान[ \t]नं\.?[ \t]?\d{1,5},[ \t]?)?(?:सेक्टर[ \t]\d{1,3}|[\p{Script=Devanagari}]+[ \t](?:नगर|मार्ग|रोड|कॉलोनी))/gu },
  { script: DEVANAGARI, re: /\d{1,5},[ \t](?:[\p{Script=Devanagari}]+[ \t])?(?:नगर|मार्ग|रोड|कॉलोनी)/gu },
];
/** A known town in a non-Latin script right after a label or a comma ("Адрес: г. Москва", "Αθήνα"): from the code. */
const NON_LATIN_TOWN_AFTER_CODE = /(?<z>\d{3}[ ]\d{2}|\d{5,6})[ \t]+(?<c>[\p{Lu}][\p{Ll}\p{M}]+)(?![\p{L}])/gu;

function addressPart(part: string, res: PiiResources): boolean {
  const t = part.trim();
  if (!t || t.length > 60 || /[:;]/.test(t)) return false;
  if (NOT_PLACE.has(foldKey(t))) return false;
  return /\d/.test(t) || ADDRESS_WORD.test(` ${t} `) || res.cities.has(foldKey(t));
}

/**
 * The comma-separated parts of an address line before a town: walk back from the town while parts look like a
 * place; keep the run only up to its farthest part that is plainly an address (a number, a street word, a known
 * town), so "Inhaber: Markus Becker, Bahnhofstraße 3, 04109 Leipzig" keeps the street and leaves the name.
 */
function partsBefore(input: string, townStart: number, res: PiiResources, out: PiiSpan[]): void {
  // An address line is short; a bounded look back keeps a text without line breaks linear.
  const lineStart = lineStartNear(input, townStart, 300);
  let seg = input.slice(lineStart, townStart);
  const colon = Math.max(seg.lastIndexOf(': '), seg.lastIndexOf(':\t'), seg.lastIndexOf(' : '));
  let base = lineStart;
  if (colon >= 0) {
    base += colon + 2;
    seg = seg.slice(colon + 2);
  }
  if (!/,[ \t]*$/.test(seg)) return;
  const parts: { s: number; e: number }[] = [];
  let end = seg.replace(/[ \t]*,[ \t]*$/, '').length;
  while (end > 0 && parts.length < 4) {
    const comma = seg.lastIndexOf(',', end - 1);
    let s = comma + 1;
    while (s < end && /[ \t]/.test(seg[s] ?? '')) s++;
    // Lower-case words open a sentence part ("I, Mitchell Hayes, of 14 Beach Road"): not an address part.
    const text = seg.slice(s, end);
    if (/^(?:of|at|in|à|en|a|de|te|в)[ \t]/.test(text)) {
      const cut = text.indexOf(' ') + 1;
      parts.push({ s: base + s + cut, e: base + end });
      break;
    }
    if (/^[\p{Ll}]/u.test(text) && !/^(?:ul\.|al\.|c\/|rue|via|avenue)/i.test(text)) break;
    parts.push({ s: base + s, e: base + end });
    if (comma < 0) break;
    end = comma;
  }
  while (parts.length > 0) {
    const far = parts[parts.length - 1];
    if (far && addressPart(input.slice(far.s, far.e), res)) break;
    parts.pop();
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (!p) continue;
    const text = input.slice(p.s, p.e);
    const next = parts[i - 1];
    // A unit or house number alone ("Flat 2", "Plot 12", "B-42", "45") joins the part after it.
    if (next && /^(?:(?:Flat|Apartment|Apt\.?|Unit|Plot|Villa|House|Suite|Block)[ \t]+)?[A-Z]?-?\d{1,5}[A-Za-z]?$/.test(text)) {
      next.s = p.s;
      continue;
    }
    if (NOT_PLACE.has(foldKey(text))) continue;
    out.push(makeSpan(input, p.s, p.e, 'LOCATION', 0.62, 'context'));
  }
}

function pushTown(input: string, s: number, e: number, res: PiiResources, out: PiiSpan[], confidence: number): void {
  const town = input.slice(s, e);
  if (NOT_PLACE.has(foldKey(town)) || res.orgWords.has(town)) return;
  out.push(makeSpan(input, s, e, 'LOCATION', confidence, 'context'));
  partsBefore(input, s, res, out);
}

const STATE_NAME = new RegExp(`^(?:${US_STATE_NAMES})$`, 'i');
/** A known town closing an address line after a comma ("..., Al Barsha 2, Dubai", "Clinic note, Chennai"). */
/** Run at the commas before a capital that are the last comma of their line (the town has none). */
const TOWN_AT_END = placeScan(new RegExp(String.raw`,[ \t]+(?<c>${TOWN})[ \t]*\.?[ \t]*(?=\r?\n|$)`, 'gu'), (input) =>
  commaThenCapital(input).filter((i) => townThenLineEnd(input, i)),
);
/** ASCII code units a town at a line's end (TOWN, blanks and a '.') may hold: letters, ' . - and blanks. */
const TOWN_TAIL_ASCII = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.- \t") TOWN_TAIL_ASCII[ch.charCodeAt(0)] = 1;
/**
 * Whether the comma at `i` is the last of its line (a line break or the text's end before any other comma) and what
 * follows it on the line can be TOWN_AT_END's: no ASCII character outside TOWN_TAIL_ASCII (a '\r' only before the
 * '\n'), at most 6 blank-separated pieces (3 words, 2 joining words, a '.'). Read from the comma to the first comma,
 * line break or refused character: each stretch between commas is read once at most (linear in the text).
 */
function townThenLineEnd(input: string, i: number): boolean {
  const len = input.length;
  let pieces = 0;
  let inPiece = false;
  for (let k = i + 1; k < len; k++) {
    const c = input.charCodeAt(k);
    if (c === 10) return true;
    if (c === 13) return input.charCodeAt(k + 1) === 10;
    if (c < 128 && TOWN_TAIL_ASCII[c] !== 1) return false;
    if (c === 32 || c === 9) inPiece = false;
    else if (!inPiece) {
      inPiece = true;
      if (++pieces > 6) return false;
    }
  }
  return true;
}
/** A known town in capitals closing a court's heading: "COUNTY COURT AT MANCHESTER", "AUDIENCIA PROVINCIAL DE VALENCIA". */
const HEADING_TOWN = placeScan(
  /(?<![\p{L}])(?:AT|OF|DE|DI|DU|IN)[ \t]+(?<c>[\p{Lu}][\p{Lu}'’-]+(?:[ \t][\p{Lu}][\p{Lu}'’-]+)?)[ \t]*(?=\r?\n|$|[ \t]+-)/gu,
  (input) => placeKeywordStartsOf(input, 'AODI').filter((s) => isAsciiCapital(input, s + 1) && keywordThenBlank(input, s)),
);

// Where the groups the detector reads sit in each match (placeWalks.ts groupRule: no d flag).
const codeTownGroups = groupRule(CODE_TOWN.re, (m) => ({ z: groupAtStart(m, 'z'), c: groupAtEnd(m, 'c') }));
const townCodeGroups = groupRule(TOWN_CODE, (m) => ({ c: groupAtStart(m, 'c'), z: groupAtEnd(m, 'z') }));
const nonLatinTownGroups = groupRule(NON_LATIN_TOWN_AFTER_CODE, (m) => ({ z: groupAtStart(m, 'z'), c: groupAtEnd(m, 'c') }));
const townAtEndGroups = groupRule(TOWN_AT_END.re, (m) => ({ c: groupAfterBlanks(m, 'c', 1) }));
const headingGroups = groupRule(HEADING_TOWN.re, (m) => ({ c: groupAfterBlanks(m, 'c', 2) }));

export function detectWorldPlaces(input: string, res: PiiResources): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const re of [TOWN_AT_END, HEADING_TOWN]) {
    for (const m of matchesOf(re, input)) {
      const c = (re === TOWN_AT_END ? townAtEndGroups : headingGroups)(m)['c'];
      if (!c || !res.cities.has(foldKey(input.slice(c[0], c[1])))) continue;
      // "STATE OF NEW YORK": a state, which Safe Harbor leaves.
      if (re === HEADING_TOWN && (/STATE[ \t]+OF[ \t]+$/i.test(input.slice(Math.max(0, c[0] - 12), c[0])) || STATE_NAME.test(input.slice(c[0], c[1]))))
        continue;
      out.push(makeSpan(input, c[0], c[1], 'LOCATION', 0.7, 'dictionary'));
      if (re === TOWN_AT_END) partsBefore(input, c[0], res, out);
    }
  }
  for (const m of matchesAnchored(CODE_TOWN, input)) {
    const { z, c } = codeTownGroups(m);
    if (!z || !c) continue;
    const code = input.slice(z[0], z[1]);
    // Years and amounts before a capital are the common trap (the look-behind took the other numbers in sentences).
    if (/^(?:19|20)\d{2}$/.test(code)) continue;
    // "3407 Kirby Drive": a house number and its street, not a code and its town.
    if (ADDRESS_WORD.test(` ${input.slice(c[0], Math.min(input.length, c[1] + 12))} `)) continue;
    out.push(makeSpan(input, z[0], z[1], 'ZIP', 0.75, 'context'));
    pushTown(input, c[0], c[1], res, out, 0.72);
  }
  for (const m of matchesOnPlaceLines(TOWN_CODE_LINES, input)) {
    const { z, c } = townCodeGroups(m);
    if (!z || !c) continue;
    const before = input.slice(Math.max(0, c[0] - 3), c[0]);
    if (!/(?:,[ \t]?|^|\n|:[ \t]?|[ \t]{2})$/.test(before) && c[0] !== 0) continue;
    out.push(makeSpan(input, z[0], z[1], 'ZIP', 0.78, 'context'));
    pushTown(input, c[0], c[1], res, out, 0.72);
  }
  for (const m of matchesAnchored(EIRCODE_ALONE, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'ZIP', 0.7, 'pattern'));
  for (const m of matchesAnchored(DUBLIN, input)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'LOCATION', 0.8, 'pattern'));
  for (const re of [FR_STREET, TYPE_FIRST, SUFFIX_STREET]) {
    for (const m of re === SUFFIX_STREET ? matchesOnPlaceLines(SUFFIX_STREET_LINES, input) : matchesOf(re, input))
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'LOCATION', 0.89, 'pattern'));
  }
  // "Flat 9, Riverside Court": only when the words after the comma are a street or estate, not a town ("Apt 12,
  // Houston"); below the US street pattern, which already takes "3407 Kirby Drive, Apt 12".
  for (const m of matchesAnchored(FLAT_FIRST, input)) {
    if (ADDRESS_WORD.test(` ${m[0].slice(m[0].indexOf(',') + 1)} `)) out.push(makeSpan(input, m.index, m.index + m[0].length, 'LOCATION', 0.86, 'pattern'));
  }
  // Only lines with a non-Latin character can hold these: the patterns never run over the rest of the text (the
  // line list is shared with worldNames.ts per text: nonLatinLines.ts).
  out.push(...onNonLatinLines(input, nonLatinAddresses));
  return out;
}

function nonLatinAddresses(line: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  const scripts = scriptsOf(line);
  for (const { script, re } of NON_LATIN_ADDRESS) {
    if ((scripts & script) === 0) continue;
    for (const m of matches(re, line)) {
      const text = m[0].replace(/[\s,،]+$/, '');
      if (text.length >= 2) out.push(makeSpan(line, m.index, m.index + text.length, 'LOCATION', 0.8, 'pattern'));
    }
  }
  for (const m of matches(NON_LATIN_TOWN_AFTER_CODE, line)) {
    const { c, z } = nonLatinTownGroups(m);
    if (c && z && /[^\p{Script=Latin}]/u.test(line.slice(c[0], c[1]))) {
      out.push(makeSpan(line, z[0], z[1], 'ZIP', 0.75, 'context'));
      out.push(makeSpan(line, c[0], c[1], 'LOCATION', 0.72, 'context'));
    }
  }
  return out;
}
