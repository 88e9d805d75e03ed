// Court and matter numbers that carry no fixed shape: "No. 23-3-04412-1 SEA" under a caption, "Case No. 2023 L
// 008812", an identifier right after the court's name. Only looked for in text that reads like a court paper.
import { anchoredScan, blanksBack, matchesAnchored } from './anchoredScan.js';
import { charTable, digitRunsWhere, idScan, idScanFrom, inTable } from './alnumRuns.js';
import { LEGAL_PLATE_WORD, plateWordStarts } from './plateWords.js';
import { makeSpan, groupRange } from './span.js';
import type { PiiSpan } from './types.js';

const COURT_TEXT =
  /\b(?:Plaintiffs?|Petitioners?|Defendants?|Respondents?|Debtors?|Appellants?|Appellees?|COURT|Court|JUZGADO|Juzgado|AUDIENCIA|Audiencia|TRIBUNAL|Tribunal|Tribunale|Gericht|Demandante|Demandada|Apelante)\b/;
/** "Rollo 442/2023", "W.P.(C) 4471/2023", "RG n° 23/04518", "Procedimiento ordinario 1187/2023": number/year. */
const NUMBER_YEAR = /(?<![\d/.-])(?:\d{1,6}\/(?:19|20)\d{2}|\d{2}\/\d{5})(?![\d/])/g;
const CASE_VALUE = String.raw`(?:(?:19|20)\d{2}[ -][A-Z]{1,3}[ -]\d{3,7}|(?=[A-Z0-9/:-]*\d{3})[A-Z0-9][A-Z0-9/:-]*[A-Z0-9](?:[ ][A-Z]{2,4}\b(?![ ]+[a-z]))?)`;
const NO_PREFIXES = ['Case', 'Cause', 'Docket', 'Index', 'File', 'Petition', 'Probate', 'Matter', 'Civil Action', 'Appeal'];

const AFTER_NO = charTable('s. \t:0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
/**
 * Where NO_LABEL can start: at each "No" or "NO", every position of the blank run before it (the prefix is optional
 * and blanks may open a match) and, before those blanks, where each prefix would begin. "No" is rare next to the
 * positions a whole-text scan tried (the lead let every blank through).
 */
function noLabelStarts(input: string): number[] {
  const out: number[] = [];
  for (const word of ['No', 'NO']) {
    for (let n = input.indexOf(word); n >= 0; n = input.indexOf(word, n + 2)) {
      // What the regex takes after "No"/"NO": 's', '.', a blank, ':' or the value's first character; "Not",
      // "November", "Norway" end here.
      if (!inTable(AFTER_NO, input, n + 2)) continue;
      const j = blanksBack(input, n);
      for (let p = j; p <= n; p++) out.push(p);
      for (const prefix of NO_PREFIXES) if (j >= prefix.length) out.push(j - prefix.length);
    }
  }
  return out;
}

/** "No." or "No" with a value, only under a caption; also "Case No. 2023 L 008812" with spaces. */
const NO_LABEL = anchoredScan(
  new RegExp(String.raw`(?<![\p{L}])(?:${NO_PREFIXES.join('|')})?[ \t]*(?:No|NO|Nos)\.?[ \t]*:?[ \t]*(?<v>${CASE_VALUE})`, 'gud'),
  noLabelStarts,
);
/** For alnumRuns.test.ts's random strings (the scan is in anchoredScan.ts's list, not ID_SCANS). */
export const NO_LABEL_SCAN = NO_LABEL;
/**
 * An identifier within a line after "Court" ("... Circuit Court 22CR40817; A180442"). Tried only at each "Court"
 * (indexOf; a whole-text scan with the look-behind first took ~1-2 ms per M chars).
 */
const AFTER_COURT = idScanFrom(
  new RegExp(
    String.raw`(?<![\p{L}])Court[^\n\r]{0,30}?[ \t](?<v>(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9-]{4,}[A-Z0-9])(?:[;,][ \t]*(?<w>(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9-]{4,}[A-Z0-9]))?`,
    'gud',
  ),
  (input) => {
    const out: number[] = [];
    for (let i = input.indexOf('Court'); i >= 0; i = input.indexOf('Court', i + 1)) out.push(i);
    return out;
  },
);
/** Run only where one of its words is (plateWords.ts: one scan for the words of both plate regexes). */
const PLATE = idScanFrom(
  new RegExp(
    String.raw`(?<![\p{L}])${LEGAL_PLATE_WORD}(?:[ \t]+(?:number|no\.?|#))?[ \t]*[:#]?[ \t]*(?<v>(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,5})(?![A-Za-z0-9])`,
    'dgiu',
  ),
  plateWordStarts,
);
const NOT_BEFORE_NUMBER_YEAR = charTable('/.-');
/** "442/2023", "23/04518": a digit run of at most 6 before a '/' (5 digits at least in its chain), after none of [/.-]. */
const NUMBER_YEAR_SCAN = idScan(NUMBER_YEAR, (input, runs) =>
  digitRunsWhere(runs, input, 5, (t, s, e) => (e - s <= 6 && t.charCodeAt(e) === 47 && !inTable(NOT_BEFORE_NUMBER_YEAR, t, s - 1) ? s : false)),
);

export function detectLegalNumbers(input: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchesAnchored(PLATE, input)) {
    const v = groupRange(m, 'v');
    if (v && /[A-Z]/i.test(input.slice(v[0], v[1])) && /^[A-Z0-9 -]+$/.test(input.slice(v[0], v[1]))) {
      out.push(makeSpan(input, v[0], v[1], 'VEHICLE', 0.85, 'context'));
    }
  }
  if (!COURT_TEXT.test(input)) return out;
  for (const m of matchesAnchored(NO_LABEL, input)) {
    const v = groupRange(m, 'v');
    if (!v) continue;
    const value = input.slice(v[0], v[1]);
    if (/^(?:19|20)\d{2}$/.test(value) || /^\d{1,3}$/.test(value)) continue;
    out.push(makeSpan(input, v[0], v[1], 'CASE_NUMBER', 0.8, 'context'));
  }
  for (const m of matchesAnchored(NUMBER_YEAR_SCAN, input)) {
    // A date's tail ("12/2023" of "3/12/2023") or a dose ("1/2023 mg") is not a case number.
    if (/\d[/.-]$/.test(input.slice(Math.max(0, m.index - 2), m.index))) continue;
    out.push(makeSpan(input, m.index, m.index + m[0].length, 'CASE_NUMBER', 0.7, 'context'));
  }
  for (const m of matchesAnchored(AFTER_COURT, input)) {
    for (const g of ['v', 'w']) {
      const v = groupRange(m, g);
      if (v) out.push(makeSpan(input, v[0], v[1], 'CASE_NUMBER', 0.6, 'context'));
    }
  }
  return out;
}
