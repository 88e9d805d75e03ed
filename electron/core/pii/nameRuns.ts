// Runs of name-like words for the name detector (names.ts): capitalized words that the lists allow in a name (or an
// initial before one), joined by one space or an initial's dot, with particles between two of them ("Ana de la
// Cruz"), at most six words. Each run is a range of consecutive words, kept as its first and last word.
import { FoldedWords } from './foldedWords.js';
import { capitalAt } from './nameContext.js';
import { LEADING_NOT_NAME, LISTED_NAME_LIKE } from './nameWords.js';
import { PARTICLES } from './resources.js';
import { CAP } from './wordTokens.js';
import type { WordTokens } from './wordTokens.js';

const PARTICLES_IN = new FoldedWords(PARTICLES);

/**
 * A particle ("van", "de"): asked of the lower-case word after a name-like one and before a run, mostly "and",
 * "said", "the": looked up in place, not through a folded key made for the word.
 */
export function isParticle(t: WordTokens, i: number): boolean {
  return PARTICLES_IN.has(t.input, t.start[i] ?? 0, t.end[i] ?? 0);
}

/** Words a and b belong to one name: one space between them, or a is an initial ("J. Smith", "J.Smith"). */
export function wordsJoin(t: WordTokens, a: number, b: number): boolean {
  const ae = t.end[a] ?? 0;
  const as = t.start[a] ?? 0;
  const gap = (t.start[b] ?? 0) - ae;
  // One space only: names never span table columns ("Mendoza    Insured ID"). Character tests, not a slice of the
  // gap and a regex: this runs for every pair of neighbouring capitals.
  if (gap === 1 && t.input.charCodeAt(ae) === 32) return true;
  return ae - as === 1 && t.input.charCodeAt(ae) === 46 && (gap === 1 || (gap === 2 && t.input.charCodeAt(ae + 1) === 32));
}

export interface NameRuns {
  first: number[];
  last: number[];
}

/** The runs of `t`, in text order; facts from capitalizedWordFacts, excluded words (citations) never in one. */
export function findNameRuns(t: WordTokens, facts: Uint8Array, excludedTok: Uint8Array): NameRuns {
  const { input, count: n, start, end, flags } = t;
  const cap = (i: number): boolean => ((flags[i] ?? 0) & CAP) !== 0;
  // nameLike is asked up to three times per word (as a run's start, its next word, after particles): memoized,
  // 1 = yes, 2 = no.
  const nameLikeMemo = new Uint8Array(n);
  const nameLikeOf = (i: number): boolean => {
    if (!cap(i) || excludedTok[i]) return false;
    const s = start[i] ?? 0;
    const e = end[i] ?? 0;
    // An initial before a name ("K. Andersen") even when the letter is also a lab symbol (K, Na).
    // "Q." and "A." opening a line are a transcript's question and answer marks.
    if (e - s === 1 && input.charCodeAt(e) === 46 && input.charCodeAt(e + 1) === 32 && capitalAt(input, e + 2)) {
      const code = input.charCodeAt(s);
      const lineStart = s === 0 || input.charCodeAt(s - 1) === 10;
      if (!(lineStart && (code === 81 || code === 65))) return true;
    }
    return ((facts[i] ?? 0) & LISTED_NAME_LIKE) !== 0;
  };
  const nameLike = (i: number): boolean => {
    if (i >= n) return false;
    let m = nameLikeMemo[i] ?? 0;
    if (m === 0) {
      m = nameLikeOf(i) ? 1 : 2;
      nameLikeMemo[i] = m;
    }
    return m === 1;
  };

  const first: number[] = [];
  const last: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!nameLike(i)) continue;
    if (i + 1 < n && (facts[i] ?? 0) & LEADING_NOT_NAME && wordsJoin(t, i, i + 1) && nameLike(i + 1)) continue;
    let size = 1;
    let j = i + 1;
    while (j < n && size < 6) {
      if (!wordsJoin(t, j - 1, j)) break;
      if (nameLike(j)) {
        size++;
        j++;
        continue;
      }
      let k = j;
      while (k < n && !cap(k) && k - j < 3 && isParticle(t, k)) k++;
      if (k > j && k < n && wordsJoin(t, k - 1, k) && nameLike(k)) {
        size += k - j + 1;
        j = k + 1;
        continue;
      }
      break;
    }
    first.push(i);
    last.push(j - 1);
    i = j - 1;
  }
  return { first, last };
}
