// The capitalized words right before a postal code ("Manchester M14 5RS", "Berlin 10827"): what the regex
// WORDS_BEFORE_CODE finds in the 50 characters before the code, found by walking back from the code instead. The
// regex, unanchored at its start, was tried from each of the window's positions for each of the text's thousands of
// 4-6 digit numbers (the costliest part of detectPlaces in a CPU profile); the walk reads each character once.
// Windows with a non-ASCII character among the words fall back to the regex (its \p{Lu} and \p{L} classes).

const CAPW = String.raw`[\p{Lu}][\p{L}\p{M}'’.\-]*`;
/** One to three capitalized words, then blanks, at the window's end. */
export const WORDS_BEFORE_CODE = new RegExp(String.raw`${CAPW}(?:[ \t]${CAPW}){0,2}[ \t]+$`, 'u');

const isBlankCode = (c: number): boolean => c === 32 || c === 9;
const isCapitalCode = (c: number): boolean => c >= 65 && c <= 90;
/** A character of a word in ASCII: a letter, an apostrophe, a dot or a hyphen. */
const isWordCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 46 || c === 45;

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
  // Runs of word characters, last first: [runStart[i], runEnd[i]).
  let runEnd = end;
  let best = -1;
  for (let words = 0; words < 3; words++) {
    let k = runEnd;
    while (k > from) {
      const c = input.charCodeAt(k - 1);
      if (c >= 128) return byRegex(input, from, to);
      if (!isWordCode(c)) break;
      k--;
    }
    if (k === runEnd) break;
    // A later word must be a whole run opening with a capital: only then can this run hold an earlier one.
    let first = -1;
    for (let i = k; i < runEnd; i++) {
      if (isCapitalCode(input.charCodeAt(i))) {
        first = i;
        break;
      }
    }
    if (first < 0) break;
    best = first;
    // The next (earlier) word: this run must open with its capital, after exactly one blank.
    if (first !== k || k - 1 <= from || !isBlankCode(input.charCodeAt(k - 1))) {
      // A non-ASCII character before the run could be a word character that extends it: the regex decides.
      if (k > from && input.charCodeAt(k - 1) >= 128) return byRegex(input, from, to);
      break;
    }
    runEnd = k - 1;
  }
  return best < 0 ? null : [best, end];
}

/** The regex alone, for the test that compares the walk with it. */
export const wordsBeforeCodeByRegex = (input: string, from: number, to: number): [number, number] | null =>
  to <= from || !isBlankCode(input.charCodeAt(to - 1)) ? null : byRegex(input, from, to);
