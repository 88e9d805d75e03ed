// The words of a text, found by one walk and kept in typed arrays: start, end and case flags per word, the folded
// key (foldKey) computed only when a word is looked up in a list. The name detector read one object per word, with
// its key folded and its case tested whether or not anything asked; a CPU profile of `data redact` put that
// tokenizer, the key folding and the garbage they made at about half of the name detector's time.
import { foldKey } from './resources.js';

/** The word starts with a capital letter. */
export const CAP = 1;
/** The word has at least two letters and all of its letters are capitals ("OKONKWO", "MD"). */
export const UPPER = 2;
/** Every code unit of the word (after trimming or not) is ASCII: its key is its lower-case form. */
export const ASCII = 4;

export interface WordTokens {
  readonly input: string;
  readonly count: number;
  /** Index of the word's first UTF-16 code unit. */
  readonly start: Int32Array;
  /** End of the word without a possessive 's, a trailing apostrophe or trailing hyphens. */
  readonly end: Int32Array;
  /** CAP and UPPER bits. */
  readonly flags: Uint8Array;
  /** Folded keys already computed (see wordKey). */
  readonly keys: (string | undefined)[];
}

/** An ASCII digit (what /\d/ tests); NaN (outside the text) is none. */
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Letter-or-mark answers for the BMP, filled on first use (0 unknown, 1 yes, 2 no): a regex test per non-ASCII code
 * unit once, then a table read. Code points above the BMP are tested each time (rare in text).
 */
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const bmpLetter = new Uint8Array(65536);
function letterOrMark(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  if (cp < 65536) {
    let v = bmpLetter[cp] ?? 0;
    if (v === 0) {
      v = LETTER_OR_MARK.test(String.fromCharCode(cp)) ? 1 : 2;
      bmpLetter[cp] = v;
    }
    return v === 1;
  }
  return LETTER_OR_MARK.test(String.fromCodePoint(cp));
}

/** Code units of the code point at i: 2 for a surrogate pair, else 1 (a lone surrogate is a code point of its own). */
function width(input: string, i: number, code: number): number {
  if (code < 0xd800 || code > 0xdbff) return 1;
  const low = input.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Grows a typed array to at least `size` entries, keeping its contents. */
function grow<T extends Int32Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T {
  if (size <= a.length) return a;
  const b = make(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Every word: a letter (or mark) then letters, marks, apostrophes and hyphens; a word glued to a digit ("D1206",
 * "4B") is a code and skipped; a possessive 's, a trailing apostrophe and trailing hyphens are cut off. With
 * `capitalizedOnly`, only the words with CAP.
 */
export function tokenizeWords(input: string, capitalizedOnly = false): WordTokens {
  let cap = Math.max(16, input.length >> 3);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let n = 0;
  // What /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu finds, by a walk over code points: the regex built a match array and a
  // string per word (the tokenizer's top cost in a profile).
  const len = input.length;
  let i = 0;
  while (i < len) {
    const code = input.charCodeAt(i);
    // ASCII by code (99% of the characters of the labelled texts): a letter is (code | 32) in 'a'..'z'.
    let w = 1;
    if (code < 128) {
      if ((code | 32) - 97 < 0 || (code | 32) - 97 > 25) {
        i++;
        continue;
      }
    } else {
      w = width(input, i, code);
      if (!letterOrMark(w === 1 ? code : (input.codePointAt(i) ?? 0))) {
        i += w;
        continue;
      }
    }
    const s = i;
    let ascii = code < 128;
    // An ASCII lower-case letter seen, and an apostrophe or hyphen seen (only then is there anything to trim).
    let lower = code >= 97 && code <= 122;
    let punct = false;
    i += w;
    while (i < len) {
      const c = input.charCodeAt(i);
      if (c < 128) {
        if ((c | 32) - 97 >= 0 && (c | 32) - 97 <= 25) {
          if (c >= 97) lower = true;
          i++;
          continue;
        }
        if (c === 39 || c === 45) {
          punct = true;
          i++;
          continue;
        }
        break;
      }
      if (c === 0x2019) {
        ascii = false;
        punct = true;
        i++;
        continue;
      }
      const cw = width(input, i, c);
      if (!letterOrMark(cw === 1 ? c : (input.codePointAt(i) ?? 0))) break;
      ascii = false;
      i += cw;
    }
    let e = i;
    if (isDigit(input.charCodeAt(e)) || isDigit(input.charCodeAt(s - 1))) continue;
    let possessive = false;
    if (punct) {
      const lastCode = input.charCodeAt(e - 1);
      const before = input.charCodeAt(e - 2);
      if ((lastCode === 115 || lastCode === 83) && (before === 39 || before === 0x2019)) {
        e -= 2;
        possessive = true;
      } else if (lastCode === 39 || lastCode === 0x2019) e -= 1;
      while (e > s && input.charCodeAt(e - 1) === 45) e--;
      if (e === s) continue;
    }
    // An ASCII word with nothing but apostrophes and hyphens trimmed: its case flags from what the walk saw (the
    // trimmed "'s" of a possessive held a lower-case letter, so those go through caseFlags).
    let fl: number;
    if (!ascii || possessive) fl = caseFlags(input, s, e);
    else if (code < 65 || code > 90) fl = 0;
    else if (e - s < 2) fl = CAP;
    else {
      const last = input.charCodeAt(e - 1);
      fl = !lower && last >= 65 && last <= 90 ? CAP | UPPER : CAP;
    }
    // A caller that reads only capitalized words (propagateNames) gets only those: the same walk, fewer stores.
    if (capitalizedOnly && !(fl & CAP)) continue;
    if (n === cap) {
      cap *= 2;
      start = grow(start, cap, (k) => new Int32Array(k));
      end = grow(end, cap, (k) => new Int32Array(k));
      flags = grow(flags, cap, (k) => new Uint8Array(k));
    }
    start[n] = s;
    end[n] = e;
    flags[n] = fl | (ascii ? ASCII : 0);
    n++;
  }
  return { input, count: n, start, end, flags, keys: new Array<string | undefined>(n) };
}

/**
 * CAP when the first code unit is a capital: ASCII by code, any other by its case mappings. UPPER when, besides, the
 * word has two or more code units, its upper-case form is itself, its lower-case form is not, and its last code unit
 * changes when lower-cased (what `raw === raw.toUpperCase() && raw !== raw.toLowerCase() && last !== last.toLowerCase()`
 * says); ASCII words are tested by code without building those strings.
 */
function caseFlags(input: string, s: number, e: number): number {
  const code = input.charCodeAt(s);
  let isCap: boolean;
  if (code < 128) isCap = code >= 65 && code <= 90;
  else {
    const first = input[s] ?? '';
    isCap = first !== first.toLowerCase() && first === first.toUpperCase();
  }
  if (!isCap) return 0;
  if (e - s < 2) return CAP;
  let ascii = true;
  let lower = false;
  for (let i = s; i < e; i++) {
    const c = input.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 97 && c <= 122) lower = true;
  }
  if (ascii) {
    // A capital first letter makes the lower-case form differ; the last code unit must be a capital too.
    const last = input.charCodeAt(e - 1);
    return !lower && last >= 65 && last <= 90 ? CAP | UPPER : CAP;
  }
  const raw = input.slice(s, e);
  const last = raw[raw.length - 1] ?? '';
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase() && last !== last.toLowerCase() ? CAP | UPPER : CAP;
}

/** The folded key of word i (foldKey of its text), computed on first use. */
export function wordKey(t: WordTokens, i: number): string {
  let key = t.keys[i];
  if (key === undefined) {
    const raw = t.input.slice(t.start[i], t.end[i]);
    // foldKey's own fast path, without its test: a word's ASCII characters are all printable.
    key = ((t.flags[i] ?? 0) & ASCII) !== 0 ? raw.toLowerCase() : foldKey(raw);
    t.keys[i] = key;
  }
  return key;
}

export const isCap = (t: WordTokens, i: number): boolean => ((t.flags[i] ?? 0) & CAP) !== 0;
export const isUpper = (t: WordTokens, i: number): boolean => ((t.flags[i] ?? 0) & UPPER) !== 0;
