// The date, age and record-label scans (dateScans.ts) must find exactly what their whole-text regex finds: each is
// checked on every labelled document but the blind split, the documents glued into one text, edge strings for the
// forms the fixtures may lack, and seeded random mixes of those forms' pieces.
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import { describe, expect, it } from 'vitest';
import { ANCHORED_SCANS, matchesAnchored } from './anchoredScan.js';
import { DATE_SCANS } from './dateScans.js';
import { detectAges, detectDates } from './dates.js';
import { detectLabelled } from './labelled.js';
import { loadPiiResources } from './resources.js';
import { matches } from './span.js';
import { detectWorldDates } from './worldDates.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const months = 'January February March April May June July August September October November December'.split(' ');
const monthForms = months
  .flatMap((m) => [m, m.slice(0, 3), m.toUpperCase(), m.slice(0, 3).toUpperCase(), m.toLowerCase()])
  .concat('Sept', 'SEPT', 'SEPEMBER', 'Sepember');
const worldMonths = (
  'Januar Jänner Februar März Maerz April Mai Juni Juli August September Oktober November Dezember janvier février fevrier mars ' +
  'avril mai juin juillet août aout septembre octobre novembre décembre decembre enero febrero marzo abril mayo junio julio agosto ' +
  'septiembre setiembre octubre noviembre diciembre janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro ' +
  'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre januari februari maart mei augustus augusti maj stycznia ' +
  'lutego marca kwietnia maja czerwca lipca sierpnia września wrzesnia października pazdziernika listopada grudnia января февраля ' +
  'марта апреля мая июня июля августа сентября октября ноября декабря січня лютого березня квітня травня червня липня серпня ' +
  'вересня жовтня листопада грудня'
).split(' ');
const edges = [
  // English month-led dates: every spelling, with a day, a year or both, after a digit, glued to a letter (no match),
  // a dose after the day (no match), a ſ or Kelvin sign (no match: these patterns are case-sensitive).
  monthForms.map((m, i) => `${m}${i % 2 ? '.' : ''} ${(i % 28) + 1}${i % 3 ? ', 20' + String(i % 90).padStart(2, '0') : ''}`).join('; '),
  monthForms.map((m, i) => `${m}${i % 2 ? ',' : ''}\t${i % 3 ? 'of ' : ''}19${String(i % 100).padStart(2, '0')}`).join('\n'),
  'xMarch 3, 9March 3, March 3 mg, Mar 3:30, June 2021x, June 20211, ſept 3, Ma\u212ach 3, Sept. 14th 2023, ÄMarch 3, March\u00e9 3',
  // Day-first English: every month spelling after a day, an ordinal, "day" and "of"; after a digit group, a dot, a
  // comma or a slash (no match); "DAY"/"OF" upper-cased (no match: the pattern is case-sensitive).
  monthForms
    .map(
      (m, i) => `${(i % 31) + 1}${['', 'st', 'nd', 'rd', 'th'][i % 5]}${i % 3 ? ' ' : '\t'}${['', 'day ', 'of ', 'day of '][i % 4]}${m}${i % 2 ? ' 2024' : ''}`,
    )
    .join(', '),
  '14 March 2024, 3rd of March, 3rd day of March, 21st  day\tof  Sept. 2020, 3rdday of March, 3 ofMarch, x3 March, 1.3 March, 123 March',
  '3 of of March, 3 day day of March, 3 DAY OF March, 3rd of MARCH, 1/3 March, 1,3 March, 03 March, 3 Marchx, 3rd of May5',
  // A month alone after its word (dates.ts MONTH_ALONE, found from the month words): every word and month, "mid-",
  // after a digit, glued to a letter, a day after the month (no match), lower-case and short months (no match).
  'since June, in March, mid- April, mid-April, mid  June, until\tMay, 9in June, xin June, Since June, this June 5, last May2',
  'by  December, next Septembers, till July, from August; early January, late February, in october, in Oct, mid -June',
  'March',
  'May 5',
  '𝐀May 5',
  'May\u00a05, 2020',
  // Day-first month words in every language: with a dot, "1er", "de", upper case, a year, after a letter, a digit
  // group, a comma or a slash (no match), three digits, the day at the text's start.
  worldMonths
    .map((m, i) => `${(i % 31) + 1}${i % 4 ? '' : '.'} ${i % 3 ? m : m.toUpperCase()}${i % 2 ? ' 19' + String(i % 100).padStart(2, '0') : ''}`)
    .join('; '),
  worldMonths.map((m, i) => `${(i % 28) + 1}\tde  ${m}${i % 2 ? ' de 20' + String(i % 30).padStart(2, '0') : i % 3 ? ' del 1999' : ''}`).join(', '),
  '1er avril, 1ER mai 2020, x1er mai, 11er mai, a3 mars 2024, 123 mars, 1,3 mars, 1/3 mars, 3.. mars, 03 MÄRZ, 3 Maerz, 31 марта 2024 г.',
  '3 de de mayo, 3 DE MAYO DE 2023, x3 de mayo, 3de mayo, 3 de\tmarço de 2024, 1.5 de mayo, 5 de mayo del 2021, 5 ΜΑΪ 2020',
  // Month and year in every language: "de", blanks, upper case, glued to a letter or a year (no match), a digit before.
  worldMonths
    .map(
      (m, i) =>
        `${i % 5 ? '' : 'x'}${i % 3 ? m : m.toUpperCase()}${['  ', '\t', ' de ', ' DE\t', ' de'][i % 5]}${i % 2 ? 19 : 20}${String(i % 100).padStart(2, '0')}`,
    )
    .join(', '),
  'Mai 2024, 9Mai 2024, mai 20245, mai 1799, März  de  1999, mars de de 2024, marzo de2024, марта 1950, ſeptember 2020, 𝐀Mai 2024',
  // "17-Jan-2024" in every month and case, glued to a word or a dash (no match); CJK year-month-day.
  months.map((m, i) => `${(i % 31) + 1}-${i % 2 ? m.slice(0, 3).toUpperCase() : m.slice(0, 3)}-${i % 3 ? '2024' : '24'}`).join(' ') +
    ' 17-Sept-2024 x17-Jan-2024 -17-Jan-24 17-Jan-2024-',
  '1975年4月12日 2024年3月 2024년 3월 5일 12024年3月 1899年12月 20245年1月 年 1年 2024年13月 2024 年3月',
  // Ages: after "<Name>, ", before "(" or ", ", each bound; after their words, glued to a letter (no match).
  'Dorothy Ainsworth, 94, Medicare; Ann Lee, 101 (mother); O’Neil, 99, x; Lee, 95,x; lee, 95, ; Lee,  95, ; Lee,\t120, ; Lee, 9, ',
  'aged 94, age: 101, age of 95, at age 99, AGED 120, xage 95, age95, Age\t 97, age 9, age 130, at  age 93, stage 95',
  // "Bar of <State> No.": one to four capitalized words, "the", every number word; glued to a letter (no match).
  'State Bar of Texas No. 24077812; Bar of the District of Columbia # 12345; xBar of Texas No. 12345; Bar of New York Number: 99999',
  'Bar of Texas No 1; Bar  of\tthe Ohio Supreme Court State No. 4471-A; Bar of texas No. 12345; ÄBar of Iowa # 12345',
  texts.join(''),
];

/** Seeded random strings of the edge forms' pieces: what a hand-written list may miss. */
function randomEdges(n: number): string[] {
  const pieces = [
    'March',
    'Mar',
    'SEPT',
    'Sept',
    'may',
    'May',
    'mars',
    'März',
    'марта',
    'de',
    '1er',
    'age',
    'aged',
    'Lee',
    'Jan',
    'day ',
    'rd',
    'st',
    'Bar',
    'of',
    'Texas',
    'No.',
    '#',
    '年',
    '3月',
    ' ',
    '\t',
    '.',
    ',',
    '3',
    '14',
    '9',
    '101',
    '2024',
    '1999',
    'of ',
    'x',
    'é',
    'mg',
    ':',
    '/',
    '-',
    '(',
    '\n',
  ];
  return randomMixes(12345, pieces, n, 3, 14);
}

function all(it: Iterable<RegExpExecArray>): unknown[] {
  return [...it].map((m) => [m.index, m[0], m.indices ? [...m.indices] : null, m.indices?.groups ? { ...m.indices.groups } : null]);
}

/**
 * This file's scans, and dates.ts's month-alone and worldDates.ts's month-and-year scans (in anchoredScan.ts's list,
 * whose test has edge strings for them; their starts are these files' month-word walks).
 */
const scans = () => [
  ...DATE_SCANS,
  ...ANCHORED_SCANS.filter((scan) => scan.re.source.includes('until|till') || scan.re.source.startsWith('(?<![\\p{L}])(?:Januar|')),
];

describe('date, age and label scans find what a whole-text scan finds', () => {
  it('registers the scans the detectors use', () => {
    const res = loadPiiResources();
    for (const f of [detectDates, detectWorldDates, detectAges, (s: string) => detectLabelled(s, res)]) f('x');
    expect(DATE_SCANS.length).toBeGreaterThanOrEqual(10);
    expect(scans().length).toBe(DATE_SCANS.length + 2);
  });

  it('gives the same matches, indices and groups on every labelled document, edge string and random string', () => {
    for (const scan of scans())
      for (const text of [...texts, ...edges, ...randomEdges(3000)])
        expect(all(matchesAnchored(scan, text)), `${scan.re.source.slice(0, 60)} on ${JSON.stringify(text.slice(0, 80))}`).toEqual(all(matches(scan.re, text)));
  });

  it('finds the edge forms it is meant to (so the comparison above is not of two empty lists)', () => {
    const sample = edges.slice(0, -1).join('\n');
    for (const scan of scans()) expect(all(matchesAnchored(scan, sample)).length, scan.re.source.slice(0, 60)).toBeGreaterThan(2);
  });

  it('tries the regex at few positions', () => {
    const corpus = texts.join('\n\n');
    for (const scan of scans()) expect(scan.starts(corpus).length, scan.re.source.slice(0, 60)).toBeLessThan(corpus.length / 20);
  });
});
