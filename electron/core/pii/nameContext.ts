// What stands around a run of capitalized words for the name detector (names.ts): the title before it ("Dr."),
// the name label before it ("Patient:", "Attorney for"), the word before its blanks, and the lists those
// look-backs read, compiled once per resources. Backward walks by character code: regexes over a window before
// every run were the detector's hot spot.
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
  /** A credential after the run (", MD"). */
  credential: RegExp;
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
  const out: NameLists = {
    titles: new Set(res.titles.map(foldKey)),
    labels,
    labelLastWords: new Set([...labels].map((l) => l.slice(l.lastIndexOf(' ') + 1))),
    // Case-sensitive: "MD", "Esq." are credentials, "do" and "Rd" are not.
    credential: new RegExp(`^,?[ \\t]*(?:${alt(res.credentialForms)})(?![\\p{L}])`, 'u'),
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
  return j < i && c.titles.has(foldKey(input.slice(j, i)));
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
  let j = i;
  let lastWordStart = i;
  for (let w = 0; w < 4 && j > 0; w++) {
    let k = j;
    while (k > 0 && (isLetterUnit(input, k - 1) || input.charCodeAt(k - 1) === 39 || input.charCodeAt(k - 1) === 0x2019)) k--;
    if (k === j) break;
    j = k;
    if (w === 0) lastWordStart = j;
    if (input.charCodeAt(j - 1) !== 32 || !isLetterUnit(input, j - 2)) break;
    if (w < 3) j--;
  }
  if (j >= i) return undefined;
  // Every label ends with the word right before the run: one fold and one lookup turn away nearly every run. The
  // words are joined by single spaces, so the last of the folded words is the folded last word.
  if (!c.labelLastWords.has(foldKey(input.slice(lastWordStart, i)))) return undefined;
  const words = foldKey(input.slice(j, i).trim()).split(/[ \t]+/);
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    const label = words.slice(words.length - k).join(' ');
    if (c.labels.has(label)) return { label, punct };
  }
  return undefined;
}

/**
 * The letters of the word that ends `text` before its trailing blanks and an optional dot ("Judge. " -> "Judge"), or
 * '' when there is none: what /(\p{L}+)\.?[ \t]+$/u finds, by one backward scan.
 */
export function wordBeforeBlanks(text: string): string {
  let i = text.length;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === text.length) return '';
  if (text[i - 1] === '.') i--;
  let j = i;
  while (j > 0 && LETTER.test(text[j - 1] ?? '')) j--;
  // A letter outside the BMP is two code units; step over a surrogate pair as one letter.
  while (j > 1 && /[\uDC00-\uDFFF]/.test(text[j - 1] ?? '') && LETTER.test(text.slice(j - 2, j))) {
    j -= 2;
    while (j > 0 && LETTER.test(text[j - 1] ?? '')) j--;
  }
  return text.slice(j, i);
}
const LETTER = /^\p{L}$/u;

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

/** A capital letter at input[at] (one code unit, what /\p{Lu}/u finds there when the text is cut after it). */
export function capitalAt(input: string, at: number): boolean {
  const code = input.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITAL.test(input[at] ?? '');
}
const CAPITAL = /^\p{Lu}$/u;
