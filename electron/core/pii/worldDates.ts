// Dates written day-first in words in the set's other languages ("3. März 2024", "14 mars 2024", "5 de mayo de
// 2023", "8 maggio 1955", "12 juni 1983", "15 марта 2024"), month and year alone, "17-Jan-2024", and the CJK
// year-month-day forms ("1975年4月12日", "2024년 3월 5일"). English month names are dates.ts's.
import { anchoredScan, blanksBack, keywordStarts, keywords, matchesOf } from './anchoredScan.js';
import { dateScan } from './dateScans.js';
import { isLetterUnit, makeSpan } from './span.js';
import type { PiiSpan } from './types.js';

const MONTHS = [
  // German
  'Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember',
  // French
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre',
  // Spanish, Portuguese
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  'janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro',
  // Italian
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre',
  // Dutch, Swedish, Danish, Norwegian
  'januari|februari|maart|mei|augustus|oktober|augusti|maj|juni|juli',
  // Polish and Russian/Ukrainian genitive
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia',
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря',
  'січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня',
].join('|');
const M = `(?:${MONTHS})`;
/** The English month abbreviations of "17-Jan-2024" (the month words hold them too: one walk for every scan). */
const DASHED_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const YEAR = String.raw`(?:1[89]\d{2}|20\d{2})`;

/**
 * The month words (a non-letter follows each in every pattern, so the text's whole letter run is one). Those that go
 * on past their ASCII letters ("März", "марта") are found by keywordStarts's rule for non-ASCII units.
 */
const worldMonthWords = keywords([...MONTHS.split('|'), ...DASHED_MONTHS], true);

/** The month word starts of the text detectWorldDates is working on (three scans ask for them), dropped when done. */
let monthsOf: { input: string; starts: number[] } | undefined;
function monthStarts(input: string): number[] {
  if (monthsOf?.input !== input) monthsOf = { input, starts: keywordStarts(input, worldMonthWords, false) };
  return monthsOf.starts;
}

const isDigitAt = (input: string, i: number): boolean => i >= 0 && input.charCodeAt(i) >= 48 && input.charCodeAt(i) <= 57;
/** Where a day of one or two digits ending at `end` can start (DAY has at most two digits). */
function dayStarts(input: string, end: number, out: number[]): void {
  if (isDigitAt(input, end - 1)) out.push(end - 1);
  if (isDigitAt(input, end - 2)) out.push(end - 2);
}
/** `word` (lower-case ASCII) written just before `end`, in any case. */
const wordBefore = (input: string, end: number, word: string): boolean => end >= word.length && input.slice(end - word.length, end).toLowerCase() === word;

/**
 * Where "<day>[.] <month>" and "1er <month>" can start: at each month word with blanks before it, the one or two
 * digits before those blanks (past a dot), or the "1er" there. Month words are rare; the whole-text scan tried the
 * ~100 month names after each digit, and digits are common.
 */
function dayMonthStarts(input: string): number[] {
  const out: number[] = [];
  for (const k of monthStarts(input)) {
    const j = blanksBack(input, k);
    if (j === k) continue;
    dayStarts(input, input.charCodeAt(j - 1) === 46 ? j - 1 : j, out);
    if (wordBefore(input, j, '1er')) out.push(j - 3);
  }
  return out;
}

/** Where "<day> de <month>" can start: at each month word after "de" between blanks, the day's digits before. */
function monthYearStarts(input: string): number[] {
  const out: number[] = [];
  for (const k of monthStarts(input)) {
    let e = k;
    while (e < input.length && isLetterUnit(input, e)) e++;
    let y = blanksForward(input, e);
    if (y === e) continue;
    if (input.slice(y, y + 2).toLowerCase() === 'de') {
      const b = blanksForward(input, y + 2);
      if (b > y + 2) y = b;
    }
    const c = input.charCodeAt(y);
    if (c === 49 || c === 50) out.push(k);
  }
  return out;
}
/** End of the blank (space, tab) run that starts at `start`. */
function blanksForward(input: string, start: number): number {
  let i = start;
  while (i < input.length && (input.charCodeAt(i) === 32 || input.charCodeAt(i) === 9)) i++;
  return i;
}

function dayDeMonthStarts(input: string): number[] {
  const out: number[] = [];
  for (const k of monthStarts(input)) {
    const j = blanksBack(input, k);
    if (j === k || !wordBefore(input, j, 'de')) continue;
    const j2 = blanksBack(input, j - 2);
    if (j2 < j - 2) dayStarts(input, j2, out);
  }
  return out;
}

/** Where "17-Jan-2024" can start: before each English month word with a '-' before it, the day's digits. */
function dashedStarts(input: string): number[] {
  const out: number[] = [];
  for (const k of monthStarts(input)) if (input.charCodeAt(k - 1) === 45) dayStarts(input, k - 1, out);
  return out;
}

/** Where "1975年4月" / "2024년 3월" can start: the four digits before each 年 or 년 (rare outside CJK text). */
function cjkStarts(input: string): number[] {
  const out: number[] = [];
  for (const mark of ['年', '년']) for (let i = input.indexOf(mark); i >= 0; i = input.indexOf(mark, i + 1)) if (i >= 4) out.push(i - 4);
  return out;
}

const RES: (RegExp | ReturnType<typeof anchoredScan>)[] = [
  // 3. März 2024 / 14 mars 2024 / 1er avril / 8 maggio 1955 / 15 марта 2024 г.: tried only before month words
  dateScan(new RegExp(String.raw`(?<![\p{L}\d.,/])(?:${DAY}\.?|1er)[ \t]+${M}\.?(?:,?[ \t]+${YEAR})?(?![\p{L}])`, 'giu'), dayMonthStarts),
  // 5 de mayo de 2023 / 11 de março de 2024 / 2 de enero
  dateScan(new RegExp(String.raw`(?<![\p{L}\d.,/])${DAY}[ \t]+de[ \t]+${M}(?:[ \t]+(?:de[ \t]+|del[ \t]+)?${YEAR})?(?![\p{L}])`, 'giu'), dayDeMonthStarts),
  // März 2024 / mars de 2024 (a month with its year): tried only at month words with blanks, an optional "de" and a
  // '1' or '2' after them (the month-word walk above; it was the years found by a whole-text scan, pointing back).
  anchoredScan(new RegExp(String.raw`(?<![\p{L}])${M}[ \t]+(?:de[ \t]+)?${YEAR}(?!\d)`, 'giu'), monthYearStarts),
  // 17-Jan-2024 / 03-Mar-24
  dateScan(/(?<![\w-])(?:0?[1-9]|[12]\d|3[01])-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)-(?:\d{4}|\d{2})(?![\w-])/gi, dashedStarts),
  // 1975年4月12日 / 2024年3月 / 2024년 3월 5일
  dateScan(/(?<!\d)(?:1[89]|20)\d{2}[年년][ \t]?(?:0?[1-9]|1[0-2])[月월](?:[ \t]?(?:0?[1-9]|[12]\d|3[01])[日일])?/gu, cjkStarts),
];

export function detectWorldDates(input: string): PiiSpan[] {
  try {
    return worldDatesIn(input);
  } finally {
    monthsOf = undefined;
  }
}

function worldDatesIn(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const re of RES) {
    for (const m of matchesOf(re, input)) {
      // Month names that are also words ("mai", "mars", "maj") need a day or a year next to them: the patterns
      // above always have one, so "Mars" alone never matches.
      out.push(makeSpan(input, m.index, m.index + m[0].replace(/[.,\s]+$/, '').length, 'DATE', 0.9, 'pattern'));
    }
  }
  return out;
}
