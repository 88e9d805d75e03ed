// What stands around a run of capitalized words for the name detector (names.ts): the title before it ("Dr."),
// the name label before it ("Patient:", "Attorney for"), the word before its blanks, and the lists those
// look-backs read, compiled once per resources. Backward walks by character code: regexes over a window before
// every run were the detector's hot spot.
import { FoldedWords } from './foldedWords.js';
import { foldKey } from './resources.js';
import type { PiiResources } from './resources.js';
import { escapeRe, isLetterUnit } from './span.js';

export interface NameLists {
  /** Folded titles ("dr", "judge"). */
  titles: Set<string>;
  /** Folded name labels, words joined by one space ("patient", "attorney for"). */
  labels: Set<string>;
  /** The last word of every label: a word before a run that ends none of them needs no longer look. */
  labelLastWords: Set<string>;
  /** titles, labels and labelLastWords asked about a slice of the input without slicing it. */
  titlesIn: FoldedWords;
  labelsIn: FoldedWords;
  labelLastWordsIn: FoldedWords;
  /** Known city names (several words joined as written), asked about a run in place. */
  citiesIn: FoldedWords;
  /** A credential after the run (", MD"). */
  credential: RegExp;
  /**
   * 1 at each ASCII code a credential form can open with; undefined when a form opens with anything else (then
   * every run is tried).
   */
  credentialFirst: Uint8Array | undefined;
}

const cache = new WeakMap<PiiResources, NameLists>();

export function nameLists(res: PiiResources): NameLists {
  const hit = cache.get(res);
  if (hit) return hit;
  const alt = (xs: Iterable<string>) =>
    [...xs]
      .sort((a, b) => b.length - a.length)
      .map((x) => escapeRe(x).replace(/\s+/g, '[ \\t]+'))
      .join('|');
  const labels = new Set(res.nameLabels.map((l) => foldKey(l).replace(/\s+/g, ' ')));
  let credentialFirst: Uint8Array | undefined = new Uint8Array(128);
  for (const form of res.credentialForms) {
    const code = form.charCodeAt(0);
    if (code < 128 && /[A-Za-z0-9.(]/.test(form[0] ?? '')) credentialFirst[code] = 1;
    else credentialFirst = undefined;
    if (!credentialFirst) break;
  }
  const titles = new Set(res.titles.map(foldKey));
  const labelLastWords = new Set([...labels].map((l) => l.slice(l.lastIndexOf(' ') + 1)));
  const out: NameLists = {
    titles,
    labels,
    labelLastWords,
    titlesIn: new FoldedWords(titles),
    labelsIn: new FoldedWords(labels),
    labelLastWordsIn: new FoldedWords(labelLastWords),
    citiesIn: new FoldedWords(res.cities),
    // Case-sensitive: "MD", "Esq." are credentials, "do" and "Rd" are not.
    credential: new RegExp(`^,?[ \\t]*(?:${alt(res.credentialForms)})(?![\\p{L}])`, 'u'),
    credentialFirst,
  };
  cache.set(res, out);
  return out;
}

/** The word right before a run, if it is a title ("Dr.", "MR.", "Judge"). */
export function titleBefore(input: string, start: number, c: NameLists): boolean {
  let i = start;
  while (i > 0 && (input[i - 1] === ' ' || input[i - 1] === '\t')) i--;
  if (i === start) return false;
  if (input[i - 1] === '.') i--;
  let j = i;
  while (j > 0 && j > i - 16 && isLetterUnit(input, j - 1)) j--;
  return j < i && c.titlesIn.has(input, j, i);
}

export interface LabelBefore {
  label: string;
  punct: boolean;
}

/** The name label before a run ("Patient:", "Attorney for", "Sincerely,\n"), up to 4 words, and its punctuation. */
export function labelBefore(input: string, start: number, c: NameLists): LabelBefore | undefined {
  // A backward scan: blanks and up to two line breaks, an optional ':' or ',', blanks, then up to 4 words.
  let i = start;
  let breaks = 0;
  while (i > 0) {
    const ch = input.charCodeAt(i - 1);
    if (ch === 32 || ch === 9 || ch === 13) i--;
    else if (ch === 10 && breaks < 2) {
      i--;
      breaks++;
    } else break;
  }
  const punct = input.charCodeAt(i - 1) === 58 || input.charCodeAt(i - 1) === 44;
  if (punct) i--;
  while (i > 0 && (input.charCodeAt(i - 1) === 32 || input.charCodeAt(i - 1) === 9)) i--;
  // Up to 4 words back, each start kept; every label ends with the word right before the run, so one fold and one
  // lookup of that word turn away nearly every run before the longer walk.
  let j = i;
  let count = 0;
  for (let w = 0; w < 4 && j > 0; w++) {
    let k = j;
    while (k > 0 && (isLetterUnit(input, k - 1) || input.charCodeAt(k - 1) === 39 || input.charCodeAt(k - 1) === 0x2019)) k--;
    if (k === j) break;
    j = k;
    wordStarts[count++] = j;
    if (w === 0 && !c.labelLastWordsIn.has(input, j, i)) return undefined;
    if (input.charCodeAt(j - 1) !== 32 || !isLetterUnit(input, j - 2)) break;
    if (w < 3) j--;
  }
  // The words are joined by single spaces: the folded text from a word's start is the label its words would form.
  for (let k = count; k >= 1; k--) {
    const from = wordStarts[k - 1] ?? i;
    if (c.labelsIn.has(input, from, i)) return { label: foldSlice(input, from, i), punct };
  }
  return undefined;
}
const wordStarts = new Int32Array(4);

/**
 * foldKey(input.slice(from, to)) without foldKey's regex test: printable ASCII, by far the most common, is only
 * lower-cased, and only when it has a capital.
 */
export function foldSlice(input: string, from: number, to: number): string {
  let capital = false;
  for (let i = from; i < to; i++) {
    const c = input.charCodeAt(i);
    if (c < 32 || c > 126) return foldKey(input.slice(from, to));
    if (c >= 65 && c <= 90) capital = true;
  }
  const s = input.slice(from, to);
  return capital ? s.toLowerCase() : s;
}

/**
 * The folded letters of the word that ends input.slice(floor, at) before its trailing blanks and an optional dot
 * ("Judge. " -> "judge"), or '' when there is none: what foldKey of /(\p{L}+)\.?[ \t]+$/u's letters on that
 * slice gives, by one backward scan of the input (no slice of the window, no regex per character).
 */
export function wordBeforeBlanksFolded(input: string, at: number, floor: number): string {
  return wordBeforeBlanksStart(input, at, floor) < 0 ? '' : foldSlice(input, wordRange[0] ?? 0, wordRange[1] ?? 0);
}

/**
 * The same word as a range of the input, in wordRange (start, end), for a lookup in place (FoldedWords); its start,
 * or -1 when there are no blanks before `at`.
 */
export function wordBeforeBlanksStart(input: string, at: number, floor: number): number {
  let i = at;
  while (i > floor && (input.charCodeAt(i - 1) === 32 || input.charCodeAt(i - 1) === 9)) i--;
  if (i === at) return -1;
  if (i > floor && input.charCodeAt(i - 1) === 46) i--;
  let j = i;
  while (j > floor && isLetterUnit(input, j - 1)) j--;
  // A letter outside the BMP is two code units; step over a surrogate pair as one letter.
  while (j > floor + 1 && isLowSurrogate(input.charCodeAt(j - 1)) && LETTER.test(input.slice(j - 2, j))) {
    j -= 2;
    while (j > floor && isLetterUnit(input, j - 1)) j--;
  }
  wordRange[0] = j;
  wordRange[1] = i;
  return j;
}
/** The range wordBeforeBlanksStart found last. */
export const wordRange = new Int32Array(2);
const LETTER = /^\p{L}$/u;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Blanks (space, tab) back from `at`: the index after the last non-blank before it, not below `floor`. */
export function skipBlanksBack(input: string, at: number, floor: number): number {
  while (at > floor && (input.charCodeAt(at - 1) === 32 || input.charCodeAt(at - 1) === 9)) at--;
  return at;
}

/** "'s" and one blank exactly between two words ("Vincent's University"): what /^['’]s[ \t]$/ tests on the gap. */
export function possessiveBlankBetween(input: string, from: number, to: number): boolean {
  if (to - from !== 3) return false;
  const a = input.charCodeAt(from);
  const b = input.charCodeAt(from + 2);
  return (a === 39 || a === 0x2019) && input.charCodeAt(from + 1) === 115 && (b === 32 || b === 9);
}

/**
 * The code of the character after an optional comma and blanks from `at` (where "^,?[ \t]*" leaves a regex run on
 * input.slice(at, limit)), or NaN when that is at or past `limit`.
 */
export function afterCommaBlanks(input: string, at: number, limit: number): number {
  let p = at;
  if (input.charCodeAt(p) === 44) p++;
  while (input.charCodeAt(p) === 32 || input.charCodeAt(p) === 9) p++;
  return p < limit ? input.charCodeAt(p) : NaN;
}

// A party role, or a birth date / record number / age right after the words ("Aigerim Sultanova, DOB ...").
export const ROLE_AFTER =
  /^,?[ \t]*(?:an individual|individually|Plaintiffs?|Defendants?|Petitioner|Respondent|Appellant|Appellee|Debtor|Claimant|et al\.?|Esq\.?|\(?(?:DOB|D\.O\.B\.|date of birth|born|MRN|aged?[ \t]+\d))(?![\p{L}])/iu;
/**
 * 1 at each ASCII character ROLE_AFTER's words can open with, after the optional comma and blanks (the flag i: both
 * cases); a non-ASCII character is always tried.
 */
const ROLE_FIRST = asciiSet('aAiIpPdDrRcCeE(bBmM');
/** ROLE_AFTER may match where its words open with this character (afterCommaBlanks). */
export function roleMayOpen(code: number): boolean {
  return code >= 128 || ROLE_FIRST[code] === 1;
}

/** The credential regex may match where its form opens with this character (afterCommaBlanks). */
export function credentialMayOpen(code: number, c: NameLists): boolean {
  return !c.credentialFirst || code >= 128 || c.credentialFirst[code] === 1;
}

function asciiSet(chars: string): Uint8Array {
  const out = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) out[chars.charCodeAt(i)] = 1;
  return out;
}

/** A capital letter at input[at] (one code unit, what /\p{Lu}/u finds there when the text is cut after it). */
export function capitalAt(input: string, at: number): boolean {
  const code = input.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(input[at] ?? '');
}
const CAPITAL = /^\p{Lu}$/u;
