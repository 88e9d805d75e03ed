// What the name detector needs to know of a capitalized word from its text alone: its folded key, whether the
// first- and last-name dictionaries know it, whether the lists allow it in a name at all (not a title, credential,
// contraction, common capitalized word or organization word), and a few list memberships. The same words come back
// again and again (a text's headings, a dataset's field values), so the answers are kept per word text and per
// resources across texts: one Map lookup per capitalized word instead of a slice, a fold and up to eight Set lookups.
import { PARTICLES, foldKey } from './resources.js';
import type { PiiResources } from './resources.js';
import { nameLists } from './nameContext.js';
import type { NameLists } from './nameContext.js';
import { ASCII, CAP, UPPER } from './wordTokens.js';
import type { WordTokens } from './wordTokens.js';

/** A known first name. */
export const FIRST = 1;
/** A known family name. */
export const LAST = 2;
/** The lists allow the word in a name (nameLike's tests that read the word alone). */
export const LISTED_NAME_LIKE = 4;
/** A pronoun or greeting that never opens a longer run ("He", "Hello"). */
export const LEADING_NOT_NAME = 8;
/** In the ambiguous list: counts as known, but is neither a first nor a last name hit. */
export const AMBIGUOUS = 16;
/** An eponym ("Parkinson"). */
export const EPONYM = 32;

/** Pronouns and greetings that are also names somewhere ("He" is a surname): never the first word of a longer run. */
const LEADING_WORDS = new Set([
  'i',
  'me',
  'my',
  'you',
  'your',
  'we',
  'our',
  'us',
  'he',
  'him',
  'his',
  'she',
  'her',
  'they',
  'them',
  'their',
  'it',
  'hi',
  'hello',
  'hey',
  'hiya',
  'thanks',
  'cheers',
  'morning',
  'evening',
  'welcome',
  'yes',
  'okay',
  'please',
  'sorry',
  'bye',
  'goodbye',
  'howdy',
]);

/** "I'm", "You're", "We'll", "I'd": a pronoun's contraction, never part of a name (unlike "O'Brien"). */
const CONTRACTION = /^\p{L}+['’](?:m|re|ve|ll|d|t)$/iu;

interface Facts {
  key: string;
  bits: number;
}

/**
 * Distinct word texts kept per resources; past this many the table starts over. 16 k, not more: a Map lookup costs
 * ~50 ns at 16 k entries and ~90-120 at 64 k (its entries and key strings no longer fit the CPU caches), and on a
 * stream of texts with many distinct names (bench/pii-names-many-words.ts: a Zipf law over 300 k words) the detector
 * ran 62-66 ms per M chars with a 64 k table, 55-58 with 16 k and 62-64 with 4 k.
 */
export const MAX_WORDS = 1 << 14;
const tables = new WeakMap<PiiResources, Map<string, Facts>>();

/**
 * The word as a string of its own. In V8 a slice of 13 code units or more is a view into the text it came from, and
 * the table would keep that whole text (a 50 MB piece of a long text) alive until it starts over. Shorter slices are
 * copies already. Joining the characters makes a fresh string; it runs once per new long word.
 */
function ownCopy(raw: string): string {
  return raw.length < 13 ? raw : raw.split('').join('');
}

/**
 * The facts of every capitalized word of `t` (0 for the others), and the folded key of each in t.keys. The text of a
 * word fixes its facts: its case flags and key are functions of its text (wordTokens.ts).
 */
export function capitalizedWordFacts(t: WordTokens, res: PiiResources): Uint8Array {
  let table = tables.get(res);
  if (!table) {
    table = new Map();
    tables.set(res, table);
  }
  const lists = nameLists(res);
  const { input, count, start, end, flags, keys } = t;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const fl = flags[i] ?? 0;
    if (!(fl & CAP)) continue;
    const raw = input.slice(start[i], end[i]);
    let f = table.get(raw);
    if (f === undefined) {
      // wordKey's fold, from the slice already made.
      const key = fl & ASCII ? raw.toLowerCase() : foldKey(raw);
      f = { key, bits: factsOf(raw, key, (fl & UPPER) !== 0, res, lists) };
      if (table.size >= MAX_WORDS) table.clear();
      table.set(ownCopy(raw), f);
    }
    keys[i] = f.key;
    out[i] = f.bits;
  }
  return out;
}

/** List memberships of a folded key, one Map per resources: a word seen for the first time costs one lookup. */
const IN_FIRST = FIRST;
const IN_LAST = LAST;
const IN_CREDENTIAL_OR_TITLE = 4;
const IN_COMMON_OR_ORG = 8;
const IN_LEADING = 16;
const IN_AMBIGUOUS = 32;
const IN_EPONYMS = 64;
const memberships = new WeakMap<PiiResources, Map<string, number>>();

function membershipsOf(res: PiiResources, lists: NameLists): Map<string, number> {
  let m = memberships.get(res);
  if (m) return m;
  m = new Map();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) m?.set(w, (m.get(w) ?? 0) | bit);
  };
  mark(res.firstNames, IN_FIRST);
  mark(res.lastNames, IN_LAST);
  mark(res.credentials, IN_CREDENTIAL_OR_TITLE);
  mark(lists.titles, IN_CREDENTIAL_OR_TITLE);
  mark(res.commonCapitalized, IN_COMMON_OR_ORG);
  mark(res.orgWords, IN_COMMON_OR_ORG);
  mark(LEADING_WORDS, IN_LEADING);
  mark(res.ambiguous, IN_AMBIGUOUS);
  mark(res.eponyms, IN_EPONYMS);
  memberships.set(res, m);
  return m;
}

/** The facts of one capitalized word, from its text, its folded key and whether it is all capitals. */
export function factsOf(raw: string, key: string, upper: boolean, res: PiiResources, lists: NameLists): number {
  const m = membershipsOf(res, lists).get(key) ?? 0;
  // A hyphenated or apostrophed word is looked up by its parts too (inDict).
  const d = key.includes('-') || key.includes("'") ? inDict(res, key, raw) : m & (IN_FIRST | IN_LAST);
  let bits = d;
  if (isListedNameLike(key, upper, d, m)) bits |= LISTED_NAME_LIKE;
  if (m & IN_LEADING) bits |= LEADING_NOT_NAME;
  if (m & IN_AMBIGUOUS) bits |= AMBIGUOUS;
  if (m & IN_EPONYMS) bits |= EPONYM;
  return bits;
}

function isListedNameLike(k: string, upper: boolean, d: number, m: number): boolean {
  // A word has no dot in it, so the credential key (dots removed) is the key itself.
  if (m & IN_CREDENTIAL_OR_TITLE) return false;
  if ((k.includes("'") || k.includes('’')) && CONTRACTION.test(k)) return false;
  if (upper && d === 0 && k.length <= 3) return false;
  if (d === 0 && m & IN_COMMON_OR_ORG) return false;
  return true;
}

/** FIRST/LAST bits of a word (raw: its text, key: its folded key). */
export function inDict(res: PiiResources, key: string, raw: string): number {
  if (!key.includes('-') && !key.includes("'")) return (res.firstNames.has(key) ? FIRST : 0) | (res.lastNames.has(key) ? LAST : 0);
  // Parts of a hyphenated word count only when each is a capitalized word: "Jean-Pierre", "Al-Hassan"; not "X-Ray".
  const capitalizedParts = raw.split('-').every((p) => (/^\p{Lu}/u.test(p) && p.length > 1) || PARTICLES.has(foldKey(p)));
  const parts = key.includes('-') && capitalizedParts ? [key, ...key.split('-')] : [key];
  const plain = parts.map((p) => p.replace(/'/g, ''));
  const all = [...parts, ...plain];
  return (all.some((p) => res.firstNames.has(p)) ? FIRST : 0) | (all.some((p) => res.lastNames.has(p)) ? LAST : 0);
}
