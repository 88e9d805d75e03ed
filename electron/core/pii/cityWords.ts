// The first and last words of every known town (res.cities' folded keys, split at spaces): a run of capitalized words
// whose first word opens no town (or, looking back from a postal code, whose last word closes none) holds no town
// however many of its words are taken, so the detectors skip the joins, folds and set lookups of each word count.
// Exact only for ASCII words (their fold is toLowerCase, the same alone or inside a name); any other word is let
// through to the full test. cityWords.test.ts checks that no known town is refused.

const held = new WeakMap<Set<string>, { first: Set<string>; last: Set<string> }>();

function wordsOf(cities: Set<string>): { first: Set<string>; last: Set<string> } {
  let w = held.get(cities);
  if (!w) {
    w = { first: new Set(), last: new Set() };
    for (const key of cities) {
      const parts = key.split(' ');
      w.first.add(parts[0] ?? '');
      w.last.add(parts[parts.length - 1] ?? '');
    }
    held.set(cities, w);
  }
  return w;
}

const PRINTABLE_ASCII = /^[ -~]*$/;
/** s.replace(/[.,]$/, ''). */
const dropFinalStop = (s: string): string => (s.endsWith('.') || s.endsWith(',') ? s.slice(0, -1) : s);

/**
 * Whether a town name made of words that open with `word` (alone, it may end in '.' or ',', which the detectors drop)
 * can be in `cities`: false only when `word` is ASCII and opens no known town.
 */
export function mayOpenTown(cities: Set<string>, word: string): boolean {
  if (!PRINTABLE_ASCII.test(word)) return true;
  const { first } = wordsOf(cities);
  return first.has(word.toLowerCase()) || first.has(dropFinalStop(word).toLowerCase());
}

/** Whether a town name made of words that end with `word` (its final '.' or ',' dropped) can be in `cities`. */
export function mayCloseTown(cities: Set<string>, word: string): boolean {
  if (!PRINTABLE_ASCII.test(word)) return true;
  return wordsOf(cities).last.has(dropFinalStop(word).toLowerCase());
}
