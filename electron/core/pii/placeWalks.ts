// Walks of a text that the address and town patterns (places.ts, worldPlaces.ts) share, so that their regexes run
// only where a match can start instead of being tried at every position of the text (anchoredScan.ts):
// - every run of ASCII digits, whatever comes before it (a postcode can follow a letter: "M14 5RS", "x01304-001",
//   and a house number a non-ASCII letter), alnumRuns.ts's runs with the classes of the characters around each;
// - the starts of the capitalized keywords that open street, town-field and heading patterns ("Rue", "Calle",
//   "City:", "AT MANCHESTER", "in"), one keywordStarts pass for all of them instead of one per pattern;
// - the commas followed by blanks and a capital (", Dayton", ", OH"), one indexOf walk.
// With them: the anchored scans' candidate starts (digitStarts, placeKeywordStartsOf, commaThenCapital), and the
// lines of the line scans found from positions (suffixThenNumber, linesAt) instead of an anchor regex.
// Each walk is kept for the last text asked about (single entry, like anchoredScan.ts's) and dropped by
// releasePlaceWalks, which detectPii calls when the text is done (with releaseTextWalks).
import type { AnchoredScan } from './anchoredScan.js';
import { alnumRuns } from './alnumRuns.js';
import { anchoredScan, keywordStarts, keywords } from './anchoredScan.js';
import type { LineScan } from './span.js';
import { isLetterUnit, matchesInLines } from './span.js';
import { IntList } from './intList.js';

/** Every place scan made, for placeWalks.test.ts, which checks each against its global regex on place samples. */
export const PLACE_SCANS: AnchoredScan[] = [];

/**
 * anchoredScan.ts's anchoredScan for the place patterns: the same scan (run with matchesAnchored), listed in
 * PLACE_SCANS so that the place test, whose samples hold every street, code and keyword form, checks it.
 */
export function placeScan(re: RegExp, starts: (input: string) => number[]): AnchoredScan {
  return anchoredScan(re, starts, PLACE_SCANS);
}

/** Classes of the character before or after a digit run (bits), tested by digitStarts without a call per run. */
export const BLANK = 1; // ' ' or '\t'
export const SPACE = 2; // ' '
export const DASH = 4; // '-'
export const COMMA = 8;
export const CAPITAL = 16; // A-Z
export const ASCII_LETTER = 32; // A-Z a-z
export const LETTER = 64; // \p{L} in one unit (ASCII or not)
export const WORDISH = 128; // what (?<![\w.-]) refuses: A-Z a-z 0-9 _ . -
/** The text's edge, on either side. */
export const EDGE = 256;
export const NEWLINE = 512; // '\n'
export const COLON = 1024;

/** The class bits of each ASCII code unit (classOf reads it; a table instead of a chain of tests per run). */
const ASCII_CLASS = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  let k = 0;
  if (c === 32) k = BLANK | SPACE;
  else if (c === 9) k = BLANK;
  else if (c === 45) k = DASH | WORDISH;
  else if (c === 44) k = COMMA;
  else if (c === 10) k = NEWLINE;
  else if (c === 58) k = COLON;
  else if (c >= 65 && c <= 90) k = CAPITAL | ASCII_LETTER | LETTER | WORDISH;
  else if (c >= 97 && c <= 122) k = ASCII_LETTER | LETTER | WORDISH;
  else if (c === 95 || c === 46 || (c >= 48 && c <= 57)) k = WORDISH;
  ASCII_CLASS[c] = k;
}

function classOf(input: string, i: number): number {
  if (i < 0 || i >= input.length) return EDGE;
  const c = input.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c] ?? 0;
  return isLetterUnit(input, i) ? LETTER : 0;
}

/** Every maximal run of ASCII digits, [start[k], end[k]), with the classes of the characters around it. */
export interface DigitRuns {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly before: Int32Array;
  readonly after: Int32Array;
  readonly count: number;
  /** Indices of the runs after a blank, and after an ASCII capital: most shapes want one of the two. */
  readonly afterBlank: Int32Array;
  readonly afterCapital: Int32Array;
}

let digitsOf: { input: string; runs: DigitRuns } | undefined;

export function digitRuns(input: string): DigitRuns {
  if (digitsOf?.input === input) return digitsOf.runs;
  // The digit runs themselves are alnumRuns.ts's (every maximal run of ASCII digits): the identifier detectors walk
  // them before the place detectors run in detectPii, so only the classes around each run are read here.
  const { digitStart: start, digitEnd: end } = alnumRuns(input);
  const count = start.length;
  const before = new Int32Array(count);
  const after = new Int32Array(count);
  const afterBlank = new IntList();
  const afterCapital = new IntList();
  for (let k = 0; k < count; k++) {
    const b = classOf(input, (start[k] ?? 0) - 1);
    before[k] = b;
    after[k] = classOf(input, end[k] ?? 0);
    if (b & BLANK) afterBlank.push(k);
    else if (b & CAPITAL) afterCapital.push(k);
  }
  const runs = { start, end, before, after, count, afterBlank: afterBlank.array(), afterCapital: afterCapital.array() };
  digitsOf = { input, runs };
  return runs;
}

/** Which digit runs digitStarts keeps: classes as bit masks of the constants above (0: no condition). */
export interface DigitRunShape {
  readonly min: number;
  readonly max: number;
  /** The character before may have none of these classes. */
  readonly notBefore?: number;
  /** The character before must have one of these. */
  readonly before?: number;
  /** The character after must have one of these. */
  readonly after?: number;
  /** Asked last, of the runs the rest keeps: what must follow the run's end. */
  readonly then?: (input: string, end: number) => boolean;
}

/** Starts of the digit runs of `shape`, in text order. */
export function digitStarts(input: string, shape: DigitRunShape): number[] {
  const runs = digitRuns(input);
  const { min, max } = shape;
  const notBefore = shape.notBefore ?? 0;
  const before = shape.before ?? 0;
  const after = shape.after ?? 0;
  const then = shape.then;
  const out: number[] = [];
  // A shape that wants a blank (or a capital) before reads only the runs listed with one.
  const among = before === BLANK ? runs.afterBlank : before === CAPITAL ? runs.afterCapital : undefined;
  const n = among ? among.length : runs.count;
  for (let a = 0; a < n; a++) {
    const k = among ? (among[a] ?? 0) : a;
    const s = runs.start[k] ?? 0;
    const e = runs.end[k] ?? 0;
    if (e - s < min || e - s > max) continue;
    const b = runs.before[k] ?? 0;
    if ((b & notBefore) !== 0 || (before !== 0 && (b & before) === 0)) continue;
    if (after !== 0 && ((runs.after[k] ?? 0) & after) === 0) continue;
    if (then && !then(input, e)) continue;
    out.push(s);
  }
  return out;
}

/** The index after the blanks at `i` (one at least), or -1. */
export function afterBlanks(input: string, i: number): number {
  if (!isBlank(input, i)) return -1;
  let j = i + 1;
  while (isBlank(input, j)) j++;
  return j;
}

/** Whether input[i] can open a capitalized word: an ASCII capital, or any non-ASCII unit (the regex's \p{Lu} decides). */
export function capitalOrOther(input: string, i: number): boolean {
  if (i < 0) return false;
  const c = input.charCodeAt(i);
  return (c >= 65 && c <= 90) || c >= 128;
}

/** Whether input[i] is one of the characters in `chars`. */
export function oneOf(input: string, i: number, chars: string): boolean {
  return i >= 0 && i < input.length && chars.includes(input[i] ?? '');
}

/** Whether input[i] is an ASCII capital (false outside the text). */
export function isAsciiCapital(input: string, i: number): boolean {
  const c = input.charCodeAt(i);
  return c >= 65 && c <= 90;
}

export function isBlank(input: string, i: number): boolean {
  const c = input.charCodeAt(i);
  return c === 32 || c === 9;
}

/**
 * Every keyword that opens one of the place patterns run from placeKeywordStarts (their leading ASCII letters):
 * STREET_TYPE_FIRST_NUMBER_AFTER, CITY_FIELD, COUNTY's anchor and AFTER_PREP in places.ts, TYPE_FIRST,
 * HEADING_TOWN and FLAT_FIRST in worldPlaces.ts. Each of those patterns opens with one of these words after no letter (a digit before is
 * allowed), and each of its words ends its letter run (a blank, '.', '/', ':' or a non-ASCII letter follows), so
 * keywordStarts' whole-run mode finds every start. A word missing here loses matches: anchoredScan.test.ts and
 * placeWalks.test.ts compare each scan with its whole-text regex on samples of every word.
 */
const PLACE_WORDS = [
  // STREET_TYPE_FIRST_NUMBER_AFTER and TYPE_FIRST.
  ...'Rua Avenida Av Calle Carrera Via Viale Corso Rue Strada Ulica ul al Piazza Praça Largo'.split(' '),
  ...'Avenue Boulevard Chaussée Place C Avda Paseo Carrer Am An Im Knez Bulevar'.split(' '),
  // COUNTY's anchor and CITY_FIELD.
  ...'Parish City Town Village Municipality County Neighbourhood Neighborhood Residence Birthplace Hometown Born'.split(' '),
  // HEADING_TOWN, AFTER_PREP, FLAT_FIRST.
  ...'AT OF DE DI DU IN'.split(' '),
  ...'in from near to at outside around of moved lives resides'.split(' '),
  ...'Flat Apartment Apt Unit Plot Villa House Suite'.split(' '),
];
const placeWords = keywords(PLACE_WORDS, true);
let keywordsOf: { input: string; byFirst: Map<number, number[]> } | undefined;
let commasOf: { input: string; starts: number[] } | undefined;

/**
 * Every comma followed by blanks and then an ASCII capital or a non-ASCII unit: where a pattern opening with
 * `,[ \t]+` and a capitalized word (a state, a town) can start. indexOf finds the commas faster than a regex scan
 * tries each position.
 */
export function commaThenCapital(input: string): number[] {
  if (commasOf?.input !== input) {
    const starts: number[] = [];
    for (let i = input.indexOf(','); i >= 0; i = input.indexOf(',', i + 1)) if (capitalOrOther(input, afterBlanks(input, i + 1))) starts.push(i);
    commasOf = { input, starts };
  }
  return commasOf.starts;
}

/**
 * Starts of any of the place keywords (case-insensitive, after no letter) and of every non-ASCII unit after no
 * letter, by their first character (ASCII letters only: no place pattern opens otherwise), each list in text order:
 * a superset of where each keyword-led place pattern can start. Each pattern reads the lists of its first
 * characters (placeKeywordStartsOf).
 */
function placeKeywordStarts(input: string): Map<number, number[]> {
  if (keywordsOf?.input !== input) {
    const byFirst = new Map<number, number[]>();
    for (const s of keywordStarts(input, placeWords, false)) {
      const c = input.charCodeAt(s);
      if (c >= 128) continue;
      let list = byFirst.get(c);
      if (!list) byFirst.set(c, (list = []));
      list.push(s);
    }
    keywordsOf = { input, byFirst };
  }
  return keywordsOf.byFirst;
}

/** placeKeywordStarts where the first character is one of `firsts` (a pattern's first characters, as written). */
export function placeKeywordStartsOf(input: string, firsts: string): number[] {
  const byFirst = placeKeywordStarts(input);
  const out: number[] = [];
  for (const c of new Set(firsts)) for (const s of byFirst.get(c.charCodeAt(0)) ?? []) out.push(s);
  return out;
}

/**
 * Whether the keyword whose letters open at `s` is followed, as the street and flat keywords are, by blanks (after a
 * '.' or '/': "Av.", "C/"), or goes on with a non-ASCII letter ("Chaussée", "Praça": left to the regex).
 */
export function keywordThenBlank(input: string, s: number): boolean {
  let e = s;
  for (let c = input.charCodeAt(e) | 32; c >= 97 && c <= 122; c = input.charCodeAt(e) | 32) e++;
  const c = input.charCodeAt(e);
  if (c >= 128) return true;
  return isBlank(input, c === 46 || c === 47 ? e + 1 : e);
}

/** Drops the walks kept for the last text (and the text with them). */
export function releasePlaceWalks(): void {
  digitsOf = undefined;
  keywordsOf = undefined;
  commasOf = undefined;
  suffixesOf = undefined;
}

/** Whether walks of some text are kept (for the test of releasePlaceWalks). */
export function placeWalksHeld(): boolean {
  return digitsOf !== undefined || keywordsOf !== undefined || commasOf !== undefined || suffixesOf !== undefined;
}

/**
 * [start, end) of the runs of whole lines that hold one of `positions` (any order), adjacent lines merged: what
 * span.ts's anchorLines gives for an anchor regex whose matches start (or, for a look-back, sit) at those positions.
 */
export function linesAt(input: string, positions: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of positions.sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && p <= last[1]) continue;
    const start = input.lastIndexOf('\n', p - 1) + 1;
    const nl = input.indexOf('\n', p);
    const end = nl < 0 ? input.length : nl;
    if (last && start <= last[1] + 1) last[1] = end;
    else out.push([start, end]);
  }
  return out;
}

/**
 * Positions of the digit runs that follow blanks ending in one of `suffixes` ("Hauptstraße 14"): where an anchor
 * `(?:suffixes)[ \t]+\d` matches, found from the digits looking back instead of trying the suffixes everywhere.
 */
export function suffixThenNumber(input: string, suffixes: readonly string[]): number[] {
  suffixList(suffixes);
  if (suffixesOf?.input !== input || !suffixesOf.byList.has(suffixes)) suffixesOf = { input, byList: suffixPositions(input) };
  return suffixesOf.byList.get(suffixes) ?? [];
}

/** Every suffix list asked about: one walk of a text gives the positions of all of them (places and worldPlaces). */
const SUFFIX_LISTS: (readonly string[])[] = [];
/** Registers `words` for suffixThenNumber's shared walk (called where a list is made, so the first walk has all). */
export function suffixList(words: readonly string[]): readonly string[] {
  if (!SUFFIX_LISTS.includes(words)) SUFFIX_LISTS.push(words);
  return words;
}
let suffixesOf: { input: string; byList: Map<readonly string[], number[]> } | undefined;

function suffixPositions(input: string): Map<readonly string[], number[]> {
  const lists = SUFFIX_LISTS.map((words) => ({ words, byLast: byLastChar(words), lasts: lastCharsOf(words), out: [] as number[] }));
  const any = new Uint8Array(256);
  for (const l of lists) for (let c = 0; c < 256; c++) any[c] = (any[c] ?? 0) | (l.lasts[c] ?? 0);
  const { afterBlank, start } = digitRuns(input);
  // A direct walk of the runs after a blank; the character before the blanks is tested in a table first (most
  // words before a number end in no suffix's last character, or the number follows no word).
  for (let a = 0; a < afterBlank.length; a++) {
    let b = (start[afterBlank[a] ?? 0] ?? 0) - 1;
    while (b > 0 && isBlank(input, b - 1)) b--;
    const c = input.charCodeAt(b - 1);
    if (!(c < 256 && any[c] === 1)) continue;
    for (const l of lists) {
      if (l.lasts[c] !== 1) continue;
      for (const s of l.byLast.get(c) ?? []) {
        if (input.endsWith(s, b)) {
          l.out.push(b - s.length);
          break;
        }
      }
    }
  }
  return new Map(lists.map((l) => [l.words, l.out]));
}

const lastCharsTables = new WeakMap<readonly string[], Uint8Array>();
/** Which codes below 256 end one of `words` (1), for a test before byLastChar's lookup. */
function lastCharsOf(words: readonly string[]): Uint8Array {
  let t = lastCharsTables.get(words);
  if (!t) {
    t = new Uint8Array(256);
    for (const w of words) {
      const c = w.charCodeAt(w.length - 1);
      if (c >= 256) throw new Error(`suffixThenNumber: "${w}" ends beyond the table`);
      t[c] = 1;
    }
    lastCharsTables.set(words, t);
  }
  return t;
}

/** A LineScan whose anchor lines come from `positions` (where its anchor matches, found without the anchor regex). */
export interface PlaceLineScan {
  readonly scan: LineScan;
  readonly positions: (input: string) => number[];
}

/** Every PlaceLineScan made: the test checks that each one's positions give the lines its anchor gives. */
export const PLACE_LINE_SCANS: PlaceLineScan[] = [];

export function placeLineScan(scan: LineScan, positions: (input: string) => number[]): PlaceLineScan {
  const s = { scan, positions };
  PLACE_LINE_SCANS.push(s);
  return s;
}

/** matchesOnLines(scan.scan, input), the anchor lines found from the positions. */
export function matchesOnPlaceLines({ scan, positions }: PlaceLineScan, input: string): Iterable<RegExpExecArray> {
  const at = positions(input);
  return at.length === 0 ? [] : matchesInLines(scan.re, input, linesAt(input, at));
}

const byLastOf = new WeakMap<readonly string[], Map<number, string[]>>();

/** `words` by the code of their last character, for walks that look back from where a word must end. */
export function byLastChar(words: readonly string[]): Map<number, string[]> {
  let map = byLastOf.get(words);
  if (!map) {
    map = new Map();
    for (const w of words) {
      const c = w.charCodeAt(w.length - 1);
      map.set(c, [...(map.get(c) ?? []), w]);
    }
    byLastOf.set(words, map);
  }
  return map;
}

/**
 * Where a match's named groups are, read from the match itself instead of asking for them with the d flag: a
 * successful exec with d builds an indices array per group and cost about twice one without (CODE_CITY on the
 * labelled texts: 0.62 vs 0.27 ms per M chars). Each rule says where its groups sit (opening or closing the match,
 * or after a first character and blanks); placeWalks.test.ts checks each against the d flag's indices.
 */
export type GroupSpans = (m: RegExpExecArray) => Record<string, [number, number] | undefined>;
/** Every rule made with its regex, for the test. */
export const GROUP_RULES: { re: RegExp; groups: GroupSpans }[] = [];
export function groupRule(re: RegExp, groups: GroupSpans): GroupSpans {
  if (re.hasIndices) throw new Error('groupRule is for a regex without the d flag');
  GROUP_RULES.push({ re, groups });
  return groups;
}
/** Group `name` where it opens the match (only zero-width tests before it). */
export function groupAtStart(m: RegExpExecArray, name: string): [number, number] | undefined {
  const g = m.groups?.[name];
  return g === undefined ? undefined : [m.index, m.index + g.length];
}
/** Group `name` where it closes the match (only zero-width tests after it). */
export function groupAtEnd(m: RegExpExecArray, name: string): [number, number] | undefined {
  const g = m.groups?.[name];
  const end = m.index + m[0].length;
  return g === undefined ? undefined : [end - g.length, end];
}
/** Group `name` right after the match's first `skip` characters and the blanks after them (it opens with no blank). */
export function groupAfterBlanks(m: RegExpExecArray, name: string, skip: number): [number, number] | undefined {
  const g = m.groups?.[name];
  if (g === undefined) return undefined;
  let k = skip;
  while (m[0].charCodeAt(k) === 32 || m[0].charCodeAt(k) === 9) k++;
  return [m.index + k, m.index + k + g.length];
}
