// Dates (every element but a bare year) and ages over 89. Numeric dates need a year or a date word before them,
// so "BP 120/80", "pain 6/10" and "3/4 tablet" stay untouched.
import { SECTION_BEFORE } from './patterns.js';
import { anchoredScan, blanksBack, keywordStarts, keywords, lettersBack, matchesAnchored, matchesOf } from './anchoredScan.js';
import type { AnchoredScan } from './anchoredScan.js';
import { dateScan } from './dateScans.js';
import { isLetterUnit, makeSpan } from './span.js';
import type { PiiSpan } from './types.js';

export const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const MONTH_UP = String.raw`(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)`;
const M = `(?:${MONTH}|${MONTH_UP})`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d{2}|20\d{2})`;

/**
 * The month words of M, every spelling (matched case-insensitively here: a superset of M's two cases). A
 * month-led pattern has a non-letter after the word, so the text's whole letter run must be one of them.
 */
const monthWords = keywords(
  ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
    .flatMap((w) => [w, w.slice(0, 3)])
    .concat('Sept', 'Sepember' /* MONTH_UP's SEPT?(?:EMBER)? spells it so */),
  true,
);
/** The month starts of the text detectDates is working on (three scans ask for them), dropped when it is done. */
let monthsOf: { input: string; starts: number[] } | undefined;
/**
 * Where a month word of M can start: the month words opening after a non-letter (the shared walk, anchoredScan.ts)
 * that open with a capital, as every spelling in M does ("may" and "mar" are common).
 */
function monthStarts(input: string): number[] {
  if (monthsOf?.input === input) return monthsOf.starts;
  const starts = keywordStarts(input, monthWords, false).filter((k) => input.charCodeAt(k) >= 65 && input.charCodeAt(k) <= 90);
  monthsOf = { input, starts };
  return starts;
}

/** A digit at i. */
const digitAt = (input: string, i: number): boolean => i >= 0 && isDigit(input.charCodeAt(i));
/** Start of `word` written just before `end` with blanks before it, or -1. */
function wordAndBlanksBefore(input: string, end: number, word: string): number {
  if (end < word.length || !input.startsWith(word, end - word.length)) return -1;
  const b = blanksBack(input, end - word.length);
  return b < end - word.length ? b : -1;
}
/**
 * Where "<day>[st|nd|rd|th] [day] [of] <month>" can start: at each month word with blanks before it, back past an
 * "of" and a "day" (each optional), an ordinal, to the one or two digits of the day.
 */
function dayMonthStarts(input: string): number[] {
  const out: number[] = [];
  for (const k of monthStarts(input)) {
    const j = blanksBack(input, k);
    if (j === k) continue;
    const ends = [j];
    const afterOf = wordAndBlanksBefore(input, j, 'of');
    if (afterOf >= 0) ends.push(afterOf);
    for (const e of [...ends]) {
      const afterDay = wordAndBlanksBefore(input, e, 'day');
      if (afterDay >= 0) ends.push(afterDay);
    }
    for (const e of ends) {
      for (const d of /^(?:st|nd|rd|th)$/.test(input.slice(e - 2, e)) ? [e, e - 2] : [e]) {
        if (digitAt(input, d - 1)) out.push(d - 1);
        if (digitAt(input, d - 2)) out.push(d - 2);
      }
    }
  }
  return out;
}

const RES: { re: RegExp | AnchoredScan; confidence: number }[] = [
  // March 3, 2024 / Mar. 3 / Sept 14th 2023: tried only at month words; the whole-text scan of these two
  // month-led patterns was most of the detector's time (irregexp tries the ~30 spellings at every position).
  {
    re: dateScan(
      new RegExp(String.raw`(?<![\p{L}])${M}\.?[ \t]+${DAY}${ORD}(?:,?[ \t]+${YEAR})?(?![\d:])(?![ \t]*(?:mg|mcg|ml|mL|units?|%|tabs?|times)\b)`, 'gu'),
      monthStarts,
    ),
    confidence: 0.92,
  },
  // 14 March 2024 / 3rd of March
  // (tried only before month words: the whole-text scan tried it after every digit)
  {
    re: dateScan(new RegExp(String.raw`(?<![\d.,/])${DAY}${ORD}[ \t]+(?:day[ \t]+)?(?:of[ \t]+)?${M}\.?(?:,?[ \t]+${YEAR})?(?![\p{L}])`, 'gu'), dayMonthStarts),
    confidence: 0.92,
  },
  // June 2021 / March of 2020
  { re: dateScan(new RegExp(String.raw`(?<![\p{L}])${M}\.?,?[ \t]+(?:of[ \t]+)?${YEAR}(?!\d)`, 'gu'), monthStarts), confidence: 0.9 },
  // 03/14/2024, 3-14-24, 14.03.2024 (month or day first)
  { re: new RegExp(String.raw`(?<![\d/.\-])(?:${DAY}|1[0-2])([/.\-])${DAY}\1(?:${YEAR}|\d{2})(?![\d/\-]|\.\d)`, 'g'), confidence: 0.9 },
  // 2024-03-14, 2024/03/14 (an ISO time part after a T is left alone: the date alone identifies)
  { re: new RegExp(String.raw`(?<![\d/\-])${YEAR}([/\-.])(?:0?[1-9]|1[0-2])\1${DAY}(?![\d/\-])`, 'g'), confidence: 0.92 },
];

// m/d without a year only after a word that makes it a date ("seen on 3/14", "DOB 3/14").
const SHORT_WORDS =
  'on|dated?|DOB:?|born|since|from|until|through|to|by|of|seen|admitted|discharged|visit|surgery|delivered|effective|next|appointment|assessment|recheck|review|due|f\\/u|follow-up|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?';
/** The longest of those words ("appointment"). */
const SHORT_WORD_MAX = 11;
/** A unit a SHORT word can hold: a letter, or the ':' of "DOB:", the '/' of "f/u", the '-' of "follow-up". */
const inShortWord = (input: string, i: number): boolean => {
  const c = input.charCodeAt(i);
  return c === 58 || c === 47 || c === 45 || isLetterUnit(input, i);
};

/**
 * Where a SHORT date can start: at each '/' with one or two digits and a blank before them, back past the blanks,
 * every position of the word there that opens after a non-letter (the regex's look-behind), at most
 * SHORT_WORD_MAX back. Slashes are rare; the whole-text scan tried the ~30 words at every position.
 */
function shortDateStarts(input: string): number[] {
  const out: number[] = [];
  for (let s = input.indexOf('/'); s >= 0; s = input.indexOf('/', s + 1)) {
    let r = s;
    while (r > 0 && s - r < 2 && isDigit(input.charCodeAt(r - 1))) r--;
    const j = blanksBack(input, r);
    if (r === s || j === r) continue;
    for (let q = j - 1; q >= 0 && j - q <= SHORT_WORD_MAX && inShortWord(input, q); q--) {
      if (q === 0 || !isLetterUnit(input, q - 1)) out.push(q);
    }
  }
  return out;
}
/** An ASCII digit. */
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

const SHORT = anchoredScan(new RegExp(String.raw`(?<![\p{L}])(?:${SHORT_WORDS})[ \t]+(?<d>(?:0?[1-9]|1[0-2])/${DAY})(?![\d/])`, 'giud'), shortDateStarts);

/** A month named alone after "since", "in", "until" ... is a date element too ("falls since June"). */
/**
 * Where a month alone after its word can start: at each capitalized month word with blanks before it (monthStarts),
 * the letter run before those blanks (past the '-' of "mid-"). Month words are rare; "in", "by", "this" are not.
 */
function aloneWordStarts(input: string): number[] {
  const out: number[] = [];
  for (const k of monthStarts(input)) {
    let j = blanksBack(input, k);
    if (j === k) continue;
    if (input.charCodeAt(j - 1) === 45) j--;
    const w = lettersBack(input, j);
    if (w < j) out.push(w);
  }
  return out;
}
const MONTH_ALONE = anchoredScan(
  new RegExp(
    String.raw`(?<![\p{L}])(?:since|in|until|till|from|by|early|late|mid-?|last|this|next)[ \t]+(?<m>January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}\d]|[ \t]+\d)`,
    'gud',
  ),
  aloneWordStarts,
);

export function detectDates(input: string): PiiSpan[] {
  try {
    return datesIn(input);
  } finally {
    monthsOf = undefined;
  }
}

function datesIn(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const { re, confidence } of RES) {
    for (const m of matchesOf(re, input)) {
      if (SECTION_BEFORE.test(input.slice(Math.max(0, m.index - 20), m.index))) continue;
      // Every pattern ends with a digit, an ordinal, a month word or its dot: nothing to trim.
      out.push(makeSpan(input, m.index, m.index + m[0].length, 'DATE', confidence, 'pattern'));
    }
  }
  for (const m of matchesAnchored(MONTH_ALONE, input)) {
    const g = m.indices?.groups?.['m'];
    if (g) out.push(makeSpan(input, g[0], g[1], 'DATE', 0.6, 'context'));
  }
  for (const m of matchesAnchored(SHORT, input)) {
    const g = m.indices?.groups?.['d'];
    if (g) out.push(makeSpan(input, g[0], g[1], 'DATE', 0.8, 'context'));
  }
  return out;
}

const AGE_AFTER =
  /(?<![\d.])(?<n>9\d|1[0-2]\d)(?=[ \t-]*(?:years?|yrs?|y\/o|yo|y\.o\.|-year|year-old|male|female|man|woman|años|anos|ans|Jahre|jaar|anni|år|vuotta|lat|лет|года)(?![\p{L}]))/dgiu;
/** "Dorothy Ainsworth, 94, Medicare ...": an age between commas right after a capitalized name. */
const AGE_AFTER_NAME = dateScan(/(?<=[\p{Lu}][\p{Ll}'’-]+,[ \t])(?<n>9\d|1[01]\d)(?=,[ \t]|[ \t]*\()/dgu, ageAfterCommaStarts);
const ageWords = keywords(['age', 'aged', 'at'], true);
const AGE_BEFORE = dateScan(/(?<![\p{L}])(?:aged?|age:|age of|at age)[ \t]*(?<n>9\d|1[0-2]\d)(?!\d)/dgiu, (input) => keywordStarts(input, ageWords, false));

/**
 * Where an age right after "<Name>, " can start: after each comma and one blank, a '9' or a '1'. The whole-text scan
 * ran its look-behind (a capitalized word and a comma) at every position.
 */
function ageAfterCommaStarts(input: string): number[] {
  const out: number[] = [];
  for (let i = input.indexOf(','); i >= 0; i = input.indexOf(',', i + 1)) {
    const b = input.charCodeAt(i + 1);
    const d = input.charCodeAt(i + 2);
    if ((b === 32 || b === 9) && (d === 57 || d === 49)) out.push(i + 2);
  }
  return out;
}

/** Ages over 89 only: Safe Harbor folds them into "90 or older"; younger ages stay. */
export function detectAges(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const re of [AGE_AFTER, AGE_BEFORE, AGE_AFTER_NAME]) {
    for (const m of matchesOf(re, input)) {
      const g = m.indices?.groups?.['n'];
      if (!g) continue;
      // "90 mg", "95%" never reach here; "in 1990s" is excluded by the lookbehind on digits.
      out.push(makeSpan(input, g[0], g[1], 'AGE', 0.85, 'pattern'));
    }
  }
  return out;
}
