// Found names spread to their other mentions: the name words of a record seed the other records of a dataset
// (nameKeys), and the name words of one piece of a long text reach the other pieces (propagateNames). The same
// eponym and "d/b/a" guards as the mentions detectNames spreads to within one text.
import { PARTICLES } from './resources.js';
import type { PiiResources } from './resources.js';
import { isLetterUnit, makeSpan } from './span.js';
import { FoldedWords } from './foldedWords.js';
import { foldSlice } from './nameContext.js';
import { compiledByDefault, nativeDetectors } from './nativeDetectors.js';
import type { SpanTable } from './spanTable.js';
import { PII_TYPES } from './types.js';
import type { PiiSpan } from './types.js';
import { CAP, tokenizeWords, wordKey } from './wordTokens.js';

/**
 * Folded name words of NAME spans: seed for detectNames in the other records of the same dataset. The spans' texts
 * are tokenized as one string joined by line breaks, which finds the same words as one walk per span (a line break
 * is none of a word's units, nor a digit that would glue a word to its neighbour): a tokenizer's arrays per span
 * were most of the cost on a long file's 500k spans.
 */
export function nameKeys(spans: Iterable<Pick<PiiSpan, 'type' | 'text'>>, res: PiiResources): Set<string> {
  const texts: string[] = [];
  for (const s of spans) if (s.type === 'NAME') texts.push(s.text);
  return keysOfNames(texts, res);
}

/** nameKeys of the spans of a span table over `text`. */
export function nameKeysOfTable(text: string, t: SpanTable, res: PiiResources): Set<string> {
  const name = PII_TYPES.indexOf('NAME');
  const texts: string[] = [];
  for (let i = 0; i < t.type.length; i++) if (t.type[i] === name) texts.push(text.slice(t.start[i], t.end[i]));
  return keysOfNames(texts, res);
}

function keysOfNames(texts: string[], res: PiiResources): Set<string> {
  const text = texts.join('\n');
  // the add-on's twin where it runs (a 50 MB dataset's pieces spent ~0.5 CPU s here in JavaScript)
  const native = compiledByDefault() ? nativeDetectors() : null;
  return native ? new Set(native.nameKeys(text, res)) : nameKeysInText(text, res);
}

/**
 * The folded keys of the capitalized words of `text`, but one-letter ones, particles and ambiguous words, in the
 * order first found (the TypeScript side of the add-on's nameKeys).
 */
export function nameKeysInText(text: string, res: PiiResources): Set<string> {
  const out = new Set<string>();
  const t = tokenizeWords(text, true);
  for (let i = 0; i < t.count; i++) {
    const key = wordKey(t, i);
    if (key.length > 1 && !PARTICLES.has(key) && !res.ambiguous.has(key)) out.add(key);
  }
  return out;
}

/**
 * The word after a name is an eponym's follower ("Parkinson disease", "Crohn's disease"): the letters that
 * /^(?:['’]s)?[ \t]+(\p{L}+)/u finds in the 30 characters after `end`, read by character code, folded, looked up.
 */
export function eponymFollows(input: string, end: number, res: PiiResources): boolean {
  const limit = Math.min(input.length, end + 30);
  let p = end;
  const c0 = input.charCodeAt(p);
  // "'s" is taken whenever it is there: without it the blanks would have to start at the apostrophe.
  if ((c0 === 39 || c0 === 0x2019) && p + 1 < limit && input.charCodeAt(p + 1) === 115) p += 2;
  let q = p;
  while (q < limit && (input.charCodeAt(q) === 32 || input.charCodeAt(q) === 9)) q++;
  if (q === p) return false;
  let r = q;
  while (r < limit) {
    const c = input.charCodeAt(r);
    if (c >= 0xd800 && c <= 0xdbff) {
      // A letter outside the BMP: a whole surrogate pair inside the window.
      if (r + 1 < limit && LETTER.test(input.slice(r, r + 2))) r += 2;
      else break;
    } else if (isLetterUnit(input, r)) r++;
    else break;
  }
  return r > q && res.eponymFollowers.has(foldSlice(input, q, r));
}
const LETTER = /^\p{L}$/u;

/** A found name word is not spread to a mention that is an eponym ("Parkinson disease") or a trade name. */
export function propagationBlocked(input: string, start: number, end: number, res: PiiResources): boolean {
  if (eponymFollows(input, end, res)) return true;
  return /\b(?:d\/b\/a|dba)[ \t]+$/i.test(input.slice(Math.max(0, start - 12), start));
}

/**
 * Other mentions of name words found elsewhere (another piece of the same long text), in a text whose own spans are
 * already known: the words of `seeds` that no span covers, with the same eponym and "d/b/a" guards as detectNames.
 * One walk over the words; spans must be sorted by start.
 */
export function propagateNames(input: string, spans: Pick<SpanTable, 'start' | 'end'>, seeds: ReadonlySet<string>, res: PiiResources): PiiSpan[] {
  const out: PiiSpan[] = [];
  const t = tokenizeWords(input, true);
  // Every capitalized word is asked: looked up in place, not through a folded key sliced for each.
  const seedsIn = new FoldedWords(seeds);
  const openings = seedOpenings(seeds);
  let si = 0;
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i] ?? 0;
    const end = t.end[i] ?? 0;
    while (si < spans.end.length && (spans.end[si] as number) <= start) si++;
    if (!((t.flags[i] ?? 0) & CAP)) continue;
    const o = openingOf(input, start, end);
    if ((o >= 0 && openings[o] === 0) || !seedsIn.has(input, start, end)) continue;
    if (si < spans.start.length && (spans.start[si] as number) < end) continue;
    if (propagationBlocked(input, start, end, res)) continue;
    out.push(makeSpan(input, start, end, 'NAME', 0.5, 'propagation'));
  }
  return out;
}

/**
 * A word whose first three code units are ASCII letters has a key (foldKey) that opens with them lower-cased: folding
 * only strips marks, composes and lower-cases, and ASCII letters come through all three. So such a word can be a seed
 * only if some seed opens with those three letters: a table of the seeds' openings turns away most capitalized words
 * before FoldedWords hashes them (a piece of a long text asks about every one, and the seeds are a few hundred).
 */
export function seedOpenings(seeds: ReadonlySet<string>): Uint8Array {
  const out = new Uint8Array(1 << 15);
  for (const k of seeds) {
    const o = openingOf(k, 0, k.length);
    if (o >= 0) out[o] = 1;
  }
  return out;
}

/** The index of input[from..from+3) lower-cased when those are three ASCII letters inside [from, to), else -1. */
export function openingOf(input: string, from: number, to: number): number {
  if (to - from < 3) return -1;
  const a = (input.charCodeAt(from) | 32) - 97;
  const b = (input.charCodeAt(from + 1) | 32) - 97;
  const c = (input.charCodeAt(from + 2) | 32) - 97;
  if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25) return -1;
  return (a << 10) | (b << 5) | c;
}
