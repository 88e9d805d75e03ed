// Dates written day-first in words in the set's other languages ("3. März 2024", "14 mars 2024", "5 de mayo de
// 2023", "8 maggio 1955", "12 juni 1983", "15 марта 2024"), month and year alone, "17-Jan-2024", and the CJK
// year-month-day forms ("1975年4月12日", "2024년 3월 5일"). English month names are dates.ts's.
import { leadOf, leadRe, makeSpan, matches } from './span.js';
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
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const YEAR = String.raw`(?:1[89]\d{2}|20\d{2})`;

const RES: RegExp[] = [
  // 3. März 2024 / 14 mars 2024 / 1er avril / 8 maggio 1955 / 15 марта 2024 г.
  new RegExp(String.raw`(?<![\p{L}\d.,/])(?:${DAY}\.?|1er)[ \t]+${M}\.?(?:,?[ \t]+${YEAR})?(?![\p{L}])`, 'giu'),
  // 5 de mayo de 2023 / 11 de março de 2024 / 2 de enero
  new RegExp(String.raw`(?<![\p{L}\d.,/])${DAY}[ \t]+de[ \t]+${M}(?:[ \t]+(?:de[ \t]+|del[ \t]+)?${YEAR})?(?![\p{L}])`, 'giu'),
  // März 2024 / mars de 2024 (a month with its year)
  leadRe(leadOf(MONTHS.split('|')), String.raw`(?<![\p{L}])${M}[ \t]+(?:de[ \t]+)?${YEAR}(?!\d)`, 'giu'),
  // 17-Jan-2024 / 03-Mar-24
  /(?<![\w-])(?:0?[1-9]|[12]\d|3[01])-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)-(?:\d{4}|\d{2})(?![\w-])/gi,
  // 1975年4月12日 / 2024年3月 / 2024년 3월 5일
  /(?<!\d)(?:1[89]|20)\d{2}[年년][ \t]?(?:0?[1-9]|1[0-2])[月월](?:[ \t]?(?:0?[1-9]|[12]\d|3[01])[日일])?/gu,
];

export function detectWorldDates(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const re of RES) {
    for (const m of matches(re, input)) {
      // Month names that are also words ("mai", "mars", "maj") need a day or a year next to them: the patterns
      // above always have one, so "Mars" alone never matches.
      out.push(makeSpan(input, m.index, m.index + m[0].replace(/[.,\s]+$/, '').length, 'DATE', 0.9, 'pattern'));
    }
  }
  return out;
}
