// Reported case citations ("Ashcroft v. Iqbal, 556 U.S. 662"): their party names are not persons to redact, so the
// name detector leaves the words inside one alone. The citation regex is costly at every capital it starts from (a
// lazy run of up to 80 letters looking for " v. "), so it is run sticky only where a match can open: a capital from
// which letters, marks, the name punctuation and blanks lead without a break to a " v." (everything else fails).
import type { WordTokens } from './wordTokens.js';

/** A citation: "<party> v. <party>, <volume> <reporter> <page>". */
const CITATION = /[\p{Lu}][\p{L}\p{M}.'’& -]{0,80}?\s+v\.\s+[\p{Lu}][\p{L}\p{M}.'’&, -]{0,80}?,\s+\d{1,4}\s+[A-Z][A-Za-z0-9. ]{0,20}?\s+\d{1,5}/gu;
const CITATION_AT = new RegExp(CITATION.source, 'uy');

/** What CITATION's first party and the blanks before "v." are made of: [\p{L}\p{M}.'’& -] or \s, one code unit. */
const PARTY_OR_SPACE = /[\p{L}\p{M}.'’& -]|\s/u;
/** A capital letter in one code unit ([\p{Lu}]). */
const CAPITAL = /\p{Lu}/u;
const isSpace = /\s/u;

/** Answers for non-ASCII code units, filled on first use: bit 1 party-or-space, bit 2 capital, bit 4 space (then 8: known). */
const nonAscii = new Uint8Array(65536);
function classOf(code: number): number {
  if (code < 128) {
    const letter = (code | 32) >= 97 && (code | 32) <= 122;
    const upper = code >= 65 && code <= 90;
    const space = code === 32 || (code >= 9 && code <= 13);
    const party = letter || space || code === 46 || code === 39 || code === 38 || code === 45;
    return (party ? 1 : 0) | (upper ? 2 : 0) | (space ? 4 : 0);
  }
  // A surrogate half may belong to a letter or mark outside the BMP: counted as one (a candidate too many costs one
  // sticky try, a candidate too few would lose a match). A high half may open a capital; a low half is never where a
  // scan by code points starts.
  if (code >= 0xd800 && code <= 0xdbff) return 3;
  if (code >= 0xdc00 && code <= 0xdfff) return 1;
  let v = nonAscii[code] ?? 0;
  if (v === 0) {
    const ch = String.fromCharCode(code);
    v = 8 | (PARTY_OR_SPACE.test(ch) ? 1 : 0) | (CAPITAL.test(ch) ? 2 : 0) | (isSpace.test(ch) ? 4 : 0);
    nonAscii[code] = v;
  }
  return v & 7;
}

/**
 * Where CITATION can start in `text`, in order: capitals from which party characters and blanks reach a "v." that
 * follows a blank. One backward walk.
 */
export function citationStarts(text: string): number[] {
  const out: number[] = [];
  let reach = false;
  for (let x = text.length - 1; x >= 0; x--) {
    const code = text.charCodeAt(x);
    const cls = classOf(code);
    if (!(cls & 1)) reach = false;
    else if (code === 118 && text.charCodeAt(x + 1) === 46 && x > 0 && classOf(text.charCodeAt(x - 1)) & 4) reach = true;
    if (reach && cls & 2) out.push(x);
  }
  return out.reverse();
}

/** The matches a global scan of CITATION over `text` finds: the sticky regex at each candidate start, in order. */
export function citationMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const at of citationStarts(text)) {
    if (at < from) continue;
    CITATION_AT.lastIndex = at;
    const m = CITATION_AT.exec(text);
    if (m) {
      out.push(m);
      from = at + m[0].length;
    }
  }
  return out;
}

/** The global regex, for the test that checks citationMatches against it. */
export const CITATION_REGEX = CITATION;

/**
 * The citations around each " v." of the text, as [start, end) in text order of discovery: the regex runs on a
 * window around each " v." (90 characters before, 200 after) and keeps the matches that cover it. With the text's
 * words (wordTokens.ts), the " v." are read off them: a one-letter word "v" after a space and before a dot.
 */
export function citationRanges(input: string, words?: WordTokens): [number, number][] {
  const out: [number, number][] = [];
  for (const at of words ? versusFromWords(words) : versusByIndexOf(input)) {
    const from = Math.max(0, at - 90);
    for (const m of citationMatches(input.slice(from, at + 200))) {
      const s = from + m.index;
      if (s <= at && s + m[0].length > at) out.push([s, s + m[0].length]);
    }
  }
  return out;
}

/** Every " v." of the text, in order (they cannot overlap). */
export function versusByIndexOf(input: string): number[] {
  const out: number[] = [];
  for (let at = input.indexOf(' v.'); at >= 0; at = input.indexOf(' v.', at + 3)) out.push(at);
  return out;
}

/**
 * The same from the words: the 'v' after a space always opens a word, and that word is "v" alone when a dot follows
 * (no digit touches it, nothing is trimmed).
 */
export function versusFromWords(t: WordTokens): number[] {
  const out: number[] = [];
  const { input, start, end } = t;
  for (let i = 0; i < t.count; i++) {
    const s = start[i] ?? 0;
    if ((end[i] ?? 0) - s === 1 && input.charCodeAt(s) === 118 && input.charCodeAt(s - 1) === 32 && input.charCodeAt(s + 1) === 46) out.push(s - 1);
  }
  return out;
}

/**
 * 1 for each word of `t` inside a citation, else 0: one merge walk over words and citations, both in text order (a
 * test per word against every citation was quadratic in a long legal file).
 */
export function citationWords(t: WordTokens): Uint8Array {
  const excluded = citationRanges(t.input, t).sort((a, b) => a[0] - b[0]);
  const out = new Uint8Array(t.count);
  let ci = 0;
  let reach = -1;
  for (let i = 0; i < t.count; i++) {
    while (ci < excluded.length && (excluded[ci]?.[0] ?? 0) <= (t.start[i] ?? 0)) reach = Math.max(reach, excluded[ci++]?.[1] ?? 0);
    out[i] = (t.end[i] ?? 0) <= reach ? 1 : 0;
  }
  return out;
}
