// The capitalized words right before a postal code ("Manchester M14 5RS", "Berlin 10827"): what the regex
// WORDS_BEFORE_CODE finds in the 50 characters before the code, found by walking back from the code instead. The
// regex, unanchored at its start, was tried from each of the window's positions for each of the text's thousands of
// 4-6 digit numbers (the costliest part of detectPlaces in a CPU profile); the walk reads each character once.
// Letters outside ASCII are read through a per-unit table filled from the regex's own classes (\p{Lu}, \p{L},
// \p{M}); only a surrogate (a letter outside the BMP) among the words leaves the window to the regex.

const CAPW = String.raw`[\p{Lu}][\p{L}\p{M}'’.\-]*`;
/** One to three capitalized words, then blanks, at the window's end. */
export const WORDS_BEFORE_CODE = new RegExp(String.raw`${CAPW}(?:[ \t]${CAPW}){0,2}[ \t]+$`, 'u');

const isBlankCode = (c: number): boolean => c === 32 || c === 9;
/** Per BMP code unit, what the classes say of it: a word character, a capital, a letter or mark; 0 not read yet. */
const UNIT = new Uint8Array(65536);
const WORD = 1; // [\p{L}\p{M}'’.\-]
const CAPITAL = 2; // \p{Lu}
const LETTER_OR_MARK = 4; // [\p{L}\p{M}]
const KNOWN = 8;
const WORD_RE = /^[\p{L}\p{M}'’.-]$/u;
const CAPITAL_RE = /^\p{Lu}$/u;
const LETTER_OR_MARK_RE = /^[\p{L}\p{M}]$/u;
function unitBits(c: number): number {
  let b = UNIT[c] ?? 0;
  if (b === 0) {
    const ch = String.fromCharCode(c);
    b = KNOWN | (WORD_RE.test(ch) ? WORD : 0) | (CAPITAL_RE.test(ch) ? CAPITAL : 0) | (LETTER_OR_MARK_RE.test(ch) ? LETTER_OR_MARK : 0);
    UNIT[c] = b;
  }
  return b;
}
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
const isCapitalCode = (c: number): boolean => (unitBits(c) & CAPITAL) !== 0;
const isLetterCode = (c: number): boolean => (unitBits(c) & LETTER_OR_MARK) !== 0;
/** A character of a word: a letter, a mark, an apostrophe (either), a dot or a hyphen. */
const isWordCode = (c: number): boolean => (unitBits(c) & WORD) !== 0;

/** What the regex gives: [start of the words, end of the last word] in input, or null. */
function byRegex(input: string, from: number, to: number): [number, number] | null {
  const m = WORDS_BEFORE_CODE.exec(input.slice(from, to));
  return m ? [from + m.index, from + m.index + m[0].trimEnd().length] : null;
}

/**
 * [start, end) of WORDS_BEFORE_CODE's match in input.slice(from, to) (the leftmost one: its start, and the end of its
 * last word), or null. The words: the last one is any capital of the run of word characters before the final blanks
 * onward; an earlier one (at most two) is a whole run that opens with a capital, one blank before the next; the
 * match starts at the first capital of the farthest run that can open one.
 */
export function wordsBeforeCode(input: string, from: number, to: number): [number, number] | null {
  if (to <= from || !isBlankCode(input.charCodeAt(to - 1))) return null;
  let end = to - 1;
  while (end > from && isBlankCode(input.charCodeAt(end - 1))) end--;
  const start = firstWordStart(input, from, end, false);
  if (start === FALL_BACK) return byRegex(input, from, to);
  return start < 0 ? null : [start, end];
}

/** A known town's words before a state ("Dayton, OH"): CITY_BEFORE's match in input.slice(from, to). */
export const CITY_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{M}])${CAPW}(?:[ \t]${CAPW}){0,2}$`, 'u');

/** The start of CITY_BEFORE's match in input.slice(from, to) (its end is `to`), or -1. */
export function cityBefore(input: string, from: number, to: number): number {
  const start = firstWordStart(input, from, to, true);
  if (start !== FALL_BACK) return start;
  const m = CITY_BEFORE.exec(input.slice(from, to));
  return m ? from + m.index : -1;
}

const FALL_BACK = -2;

/**
 * Where one to three capitalized words ending at `end` start (the leftmost start), -1 when none, FALL_BACK when a
 * surrogate (a letter outside the BMP) among them leaves it to the regex. notAfterLetter: the first word may not open right after a
 * letter (CITY_BEFORE's look-behind; at the window's start it sees nothing).
 */
function firstWordStart(input: string, from: number, end: number, notAfterLetter: boolean): number {
  let runEnd = end;
  let best = -1;
  for (let words = 0; words < 3; words++) {
    let k = runEnd;
    while (k > from) {
      const c = input.charCodeAt(k - 1);
      if (isSurrogate(c)) return FALL_BACK;
      if (!isWordCode(c)) break;
      k--;
    }
    if (k === runEnd) break;
    // The leftmost capital that can open the match; a later word must be a whole run opening with a capital, and
    // only then can this run hold an earlier one.
    let first = -1;
    for (let i = k; i < runEnd; i++) {
      if (isCapitalCode(input.charCodeAt(i)) && (!notAfterLetter || i === k || !isLetterCode(input.charCodeAt(i - 1)))) {
        first = i;
        break;
      }
    }
    if (first < 0) break;
    best = first;
    // The next (earlier) word: this run must open with its capital, after exactly one blank.
    if (first !== k || k - 1 <= from || !isBlankCode(input.charCodeAt(k - 1))) break;
    runEnd = k - 1;
  }
  return best;
}

/** The regexes alone, for the test that compares the walks with them. */
export const cityBeforeByRegex = (input: string, from: number, to: number): number => {
  const m = CITY_BEFORE.exec(input.slice(from, to));
  return m ? from + m.index : -1;
};
export const wordsBeforeCodeByRegex = (input: string, from: number, to: number): [number, number] | null =>
  to <= from || !isBlankCode(input.charCodeAt(to - 1)) ? null : byRegex(input, from, to);
