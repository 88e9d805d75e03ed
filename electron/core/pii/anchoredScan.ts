// Regexes run only at the positions a rare part of their matches points back to. A global regex is tried at every
// position of the text; for a pattern like "<month name> <year>" nearly all of them fail after a look-behind and a
// test of the ~100 month names. Years are rare: found first (a digit-led regex V8 skips through quickly), each
// gives the one or two positions where a month could start, and the regex runs (sticky: its look-behinds still see
// the whole text) only there.
import { isLetterUnit, matches } from './span.js';

export interface AnchoredScan {
  /** The global regex: what matchesAnchored must find (the test compares them). */
  readonly re: RegExp;
  readonly sticky: RegExp;
  /**
   * Every position where a match of `re` can start, in any order, duplicates allowed: it must hold the start of
   * every match (more is only slower).
   */
  readonly starts: (input: string) => number[];
}

/** Every AnchoredScan made, for the test that checks each finds what its global regex finds. */
export const ANCHORED_SCANS: AnchoredScan[] = [];

export function anchoredScan(re: RegExp, starts: (input: string) => number[]): AnchoredScan {
  if (!re.global) throw new Error('anchoredScan needs a global regex');
  const scan = { re, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y'), starts };
  ANCHORED_SCANS.push(scan);
  return scan;
}

/**
 * The matches matches(scan.re, input) finds: the sticky regex at each candidate start in order, skipping those
 * inside the previous match (a global scan goes on at a match's end). Same matches because no other position can
 * start one and the engine finds the same match at a position however it got there.
 */
export function* matchesAnchored(scan: AnchoredScan, input: string): Generator<RegExpExecArray> {
  const starts = scan.starts(input).sort((a, b) => a - b);
  const { sticky } = scan;
  let next = 0;
  for (const p of starts) {
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(input);
    if (m === null) continue;
    yield m;
    next = p + Math.max(1, m[0].length);
  }
}

/** matchesAnchored for an AnchoredScan, the plain global scan for a regex (for loops over both kinds). */
export function matchesOf(re: RegExp | AnchoredScan, input: string): Iterable<RegExpExecArray> {
  return re instanceof RegExp ? matches(re, input) : matchesAnchored(re, input);
}

/** Start of the blank (space, tab) run that ends at `end`. */
export function blanksBack(input: string, end: number): number {
  let i = end;
  while (i > 0 && (input.charCodeAt(i - 1) === 32 || input.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/** Start of the run of one-unit letters that ends at `end` (end itself when none). */
export function lettersBack(input: string, end: number): number {
  let i = end;
  while (i > 0 && isLetterUnit(input, i - 1)) i--;
  return i;
}

/** Digit runs of the last text asked about: every detector with a digit-led pattern reads the same list. */
let runsOf: { input: string; starts: Int32Array; lengths: Int32Array; before: Int32Array; count: number } | undefined;

/**
 * Starts of the digit runs with at least `minDigits` digits that open after neither a letter nor one of the
 * characters in `refused` (what a digit-led pattern's look-behind allows: '+' for the national ids' "not inside a
 * calling code", '-' for postal codes): where a pattern opening with that many digits can start. One walk per text,
 * kept for the next call with the same text (the digit-led patterns of several detectors share it).
 */
export function digitRunStarts(input: string, minDigits: number, refused = '+'): number[] {
  if (runsOf?.input !== input) {
    const starts: number[] = [];
    const lengths: number[] = [];
    const before: number[] = [];
    const len = input.length;
    for (let i = 0; i < len; i++) {
      const c = input.charCodeAt(i);
      if (c < 48 || c > 57) continue;
      let j = i + 1;
      while (j < len && input.charCodeAt(j) >= 48 && input.charCodeAt(j) <= 57) j++;
      // -1: the text's start; -2: a letter; else the code unit before the run.
      before.push(i === 0 ? -1 : isLetterUnit(input, i - 1) ? -2 : input.charCodeAt(i - 1));
      starts.push(i);
      lengths.push(j - i);
      i = j - 1;
    }
    runsOf = { input, starts: Int32Array.from(starts), lengths: Int32Array.from(lengths), before: Int32Array.from(before), count: starts.length };
  }
  const refuse = new Set([...refused].map((ch) => ch.charCodeAt(0)));
  const out: number[] = [];
  const { starts, lengths, before, count } = runsOf;
  for (let k = 0; k < count; k++) {
    const b = before[k] ?? -1;
    if ((lengths[k] ?? 0) >= minDigits && b !== -2 && !refuse.has(b)) out.push(starts[k] ?? 0);
  }
  return out;
}
