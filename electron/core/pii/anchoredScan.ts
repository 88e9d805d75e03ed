// Regexes run only at the positions a rare part of their matches points back to. A global regex is tried at every
// position of the text; for a pattern like "<month name> <year>" nearly all of them fail after a look-behind and a
// test of the ~100 month names. Years are rare: found first (a digit-led regex V8 skips through quickly), each
// gives the one or two positions where a month could start, and the regex runs (sticky: its look-behinds still see
// the whole text) only there.
import { isLetterUnit, matches } from './span.js';
import { IntList } from './intList.js';

export interface AnchoredScan {
  /** The global regex: what matchesAnchored must find (the test compares them). */
  readonly re: RegExp;
  readonly sticky: RegExp;
  /**
   * Every position where a match of `re` can start, in any order, duplicates allowed: it must hold the start of
   * every match (more is only slower).
   */
  readonly starts: (input: string) => number[];
}

/** Every AnchoredScan made without a list of its own, for the test that checks each finds what its global regex finds. */
export const ANCHORED_SCANS: AnchoredScan[] = [];

/**
 * `re` (global) tried only at the positions `starts` gives, registered in `list` for the test that checks it against
 * the whole-text regex (the identifier, place and date scans keep lists of their own, each with its own samples).
 */
export function anchoredScan(re: RegExp, starts: (input: string) => number[], list: AnchoredScan[] = ANCHORED_SCANS): AnchoredScan {
  if (!re.global) throw new Error('anchoredScan needs a global regex');
  const scan = { re, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y'), starts };
  list.push(scan);
  return scan;
}

/**
 * The matches matches(scan.re, input) finds: the sticky regex at each candidate start in order, skipping those
 * inside the previous match (a global scan goes on at a match's end). Same matches because no other position can
 * start one and the engine finds the same match at a position however it got there.
 *
 * An array, and the candidates sorted as an Int32Array: a generator step per match and a comparator sort over a JS
 * array of numbers were a tenth of the label detector's time, and most of what the detectors allocated per character
 * (an iterator result per match, a sort's work copy per scan) came from here.
 */
export function matchesAnchored(scan: AnchoredScan, input: string): RegExpExecArray[] {
  const starts = Int32Array.from(scan.starts(input)).sort();
  const { sticky } = scan;
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (let i = 0; i < starts.length; i++) {
    const p = starts[i] as number;
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(input);
    if (m === null) continue;
    out.push(m);
    next = p + Math.max(1, m[0].length);
  }
  return out;
}

/** matchesAnchored for an AnchoredScan, the plain global scan for a regex (for loops over both kinds). */
export function matchesOf(re: RegExp | AnchoredScan, input: string): Iterable<RegExpExecArray> {
  return re instanceof RegExp ? matches(re, input) : matchesAnchored(re, input);
}

/** Start of the blank (space, tab) run that ends at `end`. */
export function blanksBack(input: string, end: number): number {
  let i = end;
  while (i > 0 && (input.charCodeAt(i - 1) === 32 || input.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/** Start of the run of one-unit letters that ends at `end` (end itself when none). */
export function lettersBack(input: string, end: number): number {
  let i = end;
  while (i > 0 && isLetterUnit(input, i - 1)) i--;
  return i;
}

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
/** What comes before a run: 0 anything else (or the text's start), 1 a letter, 2 a digit. */
const OTHER = 0;
const LETTER_BEFORE = 1;
const DIGIT_BEFORE = 2;

/** Runs of ASCII letters of the last text asked about, and its non-ASCII units: the keyword-led patterns share them. */
let runsOfLetters:
  | {
      input: string;
      start: Int32Array;
      end: Int32Array;
      before: Int32Array;
      count: number;
      nonAscii: Int32Array;
      nonAsciiBefore: Int32Array;
      /** Per run, the whole-keyword sets it is a keyword of (WHOLE_TABLE), when asked, at that table's version. */
      wholeBits?: { bits: Int32Array; version: number };
    }
  | undefined;

function letterRuns(input: string): NonNullable<typeof runsOfLetters> {
  if (runsOfLetters?.input === input) return runsOfLetters;
  const start = new IntList();
  const end = new IntList();
  const before = new IntList();
  const nonAscii = new IntList();
  const nonAsciiBefore = new IntList();
  const kindBefore = (i: number): number => {
    const p = input.charCodeAt(i - 1);
    if (p < 128) return isAsciiLetter(p) ? LETTER_BEFORE : isDigitCode(p) ? DIGIT_BEFORE : OTHER;
    return isLetterUnit(input, i - 1) ? LETTER_BEFORE : OTHER;
  };
  const len = input.length;
  let i = 0;
  while (i < len) {
    const c = input.charCodeAt(i);
    if (c >= 128) {
      const k = kindBefore(i);
      if (k !== LETTER_BEFORE) {
        nonAscii.push(i);
        nonAsciiBefore.push(k);
      }
      i++;
    } else if (isAsciiLetter(c)) {
      let j = i + 1;
      while (j < len && isAsciiLetter(input.charCodeAt(j))) j++;
      start.push(i);
      end.push(j);
      before.push(kindBefore(i));
      i = j;
    } else i++;
  }
  runsOfLetters = {
    input,
    start: start.array(),
    end: end.array(),
    before: before.array(),
    count: start.length,
    nonAscii: nonAscii.array(),
    nonAsciiBefore: nonAsciiBefore.array(),
  };
  return runsOfLetters;
}

/** A hash of input[i..j)'s ASCII letters lower-cased (a collision only adds a candidate). */
function hashLetters(input: string, i: number, j: number): number {
  let h = 0;
  for (let k = i; k < j; k++) h = (Math.imul(h, 31) + (input.charCodeAt(k) | 32)) >>> 0;
  return h;
}

/** The key of a run's (or a keyword's leading) letters in WHOLE_TABLE: their hash mixed with their length. */
const wholeKey = (hash: number, length: number): number => (Math.imul(hash, 0x9e3779b1) ^ length) >>> 0;

/**
 * Every whole-run keyword set made so far, a bit each: leading letters' key -> the sets that hold them. One lookup
 * per letter run then answers for every set at once (each set walking every run and hashing those whose first
 * letter fits was ~7 ms per M characters a set, four sets a text).
 */
const WHOLE_TABLE = new Map<number, number>();
let wholeSetsMade = 0;
/** Counts changes to WHOLE_TABLE: a text's run bits made before the last change are made again. */
let wholeTableVersion = 0;
/** The first letters (bit letter & 31) and the longest leading letters in WHOLE_TABLE: other runs are not looked up. */
let wholeFirsts = 0;
let wholeLongest = 0;

/** The leading ASCII letters of a regex's keywords, for keywordStarts. */
export interface Keywords {
  /** Hashes of the leading letters, by their length. */
  readonly byLength: ReadonlyMap<number, ReadonlySet<number>>;
  /** Bit (letter & 31) set for each first letter, case folded: most runs fail this one test. */
  readonly firsts: number;
  readonly longest: number;
  /**
   * true: after its leading letters a keyword has a non-letter, or the regex wants none (a label then (?![\p{L}]),
   * "since" then blanks), so the text's whole letter run must be those letters. false: the run need only begin
   * with them ("reg" then a plate value "AB12").
   */
  readonly whole: boolean;
  /** This set's bit in WHOLE_TABLE (whole sets only; 0 past the 31st set, which then hashes runs itself). */
  readonly bit: number;
}

export function keywords(words: Iterable<string>, whole: boolean): Keywords {
  const byLength = new Map<number, Set<number>>();
  let firsts = 0;
  let longest = 0;
  const bit = whole && wholeSetsMade < 31 ? 1 << wholeSetsMade++ : 0;
  for (const w of words) {
    const lead = /^[a-z]*/i.exec(w)?.[0] ?? '';
    if (!lead) continue;
    let set = byLength.get(lead.length);
    if (!set) byLength.set(lead.length, (set = new Set()));
    const hash = hashLetters(lead, 0, lead.length);
    set.add(hash);
    firsts |= 1 << (lead.charCodeAt(0) & 31);
    longest = Math.max(longest, lead.length);
    if (bit) {
      const key = wholeKey(hash, lead.length);
      WHOLE_TABLE.set(key, (WHOLE_TABLE.get(key) ?? 0) | bit);
      wholeTableVersion++;
      wholeFirsts |= 1 << (lead.charCodeAt(0) & 31);
      wholeLongest = Math.max(wholeLongest, lead.length);
    }
  }
  return { byLength, whole, firsts, longest, bit };
}

/**
 * The whole-keyword sets each letter run of the text is a keyword of (-1: a run followed by a non-ASCII unit, which
 * every set must try; 0 for a run after a letter, which none may). Made once per text, again only if a keyword set
 * was added since.
 */
function wholeBitsOf(input: string, r: NonNullable<typeof runsOfLetters>): Int32Array {
  if (r.wholeBits?.version === wholeTableVersion) return r.wholeBits.bits;
  const bits = new Int32Array(r.count);
  for (let k = 0; k < r.count; k++) {
    if (r.before[k] === LETTER_BEFORE) continue;
    const s = r.start[k] as number;
    const e = r.end[k] as number;
    if (input.charCodeAt(e) >= 128) bits[k] = -1;
    else if (e - s <= wholeLongest && (wholeFirsts >>> (input.charCodeAt(s) & 31)) & 1)
      bits[k] = WHOLE_TABLE.get(wholeKey(hashLetters(input, s, e), e - s)) ?? 0;
  }
  r.wholeBits = { bits, version: wholeTableVersion };
  return bits;
}

/**
 * Where a keyword-led regex can start: runs of ASCII letters that open after neither a letter nor (refuseDigit) a
 * digit and are (or, for whole = false, begin with) a keyword's leading letters, compared case-insensitively; and,
 * always, a run followed by a non-ASCII unit (the keyword may go on with "é", and under the i and u flags 'ſ' and the
 * Kelvin sign match 's' and 'k') and every non-ASCII unit opening after no letter. One walk over the text, shared.
 * Not in text order (matchesAnchored sorts them).
 */
export function keywordStarts(input: string, kw: Keywords, refuseDigit: boolean): number[] {
  const r = letterRuns(input);
  const out: number[] = [];
  const refused = (b: number): boolean => b === LETTER_BEFORE || (refuseDigit && b === DIGIT_BEFORE);
  for (let a = 0; a < r.nonAscii.length; a++) if (!refused(r.nonAsciiBefore[a] as number)) out.push(r.nonAscii[a] as number);
  if (kw.bit) {
    const bits = wholeBitsOf(input, r);
    for (let k = 0; k < r.count; k++) if ((bits[k] as number) & kw.bit && !refused(r.before[k] as number)) out.push(r.start[k] as number);
    return out;
  }
  for (let k = 0; k < r.count; k++) {
    if (refused(r.before[k] ?? 0)) continue;
    const s = r.start[k] ?? 0;
    const e = r.end[k] ?? 0;
    if (input.charCodeAt(e) >= 128) {
      out.push(s);
      continue;
    }
    if (((kw.firsts >>> (input.charCodeAt(s) & 31)) & 1) === 0) continue;
    if (kw.whole) {
      if (kw.byLength.get(e - s)?.has(hashLetters(input, s, e))) out.push(s);
      continue;
    }
    // Every leading part of the run up to the longest keyword, one hash step a letter.
    let h = 0;
    for (let t = s; t < e && t - s < kw.longest; t++) {
      h = (Math.imul(h, 31) + (input.charCodeAt(t) | 32)) >>> 0;
      if (kw.byLength.get(t - s + 1)?.has(h)) {
        out.push(s);
        break;
      }
    }
  }
  return out;
}

/**
 * Drops the letter runs kept for the last text (and the text with them): detectPii calls it when done, so
 * a long text's walks (tens of MB for a 50 MB piece) live only while that text is being detected.
 */
export function releaseTextWalks(): void {
  runsOfLetters = undefined;
}

/** Whether walks of some text are kept (for the test of releaseTextWalks). */
export function textWalksHeld(): boolean {
  return runsOfLetters !== undefined;
}
