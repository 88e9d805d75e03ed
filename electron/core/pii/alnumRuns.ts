// One walk over a text's ASCII letters and digits that the identifier detectors (national ids, patterns, plates,
// legal numbers) share. Nearly every identifier regex opens with a look-behind V8 evaluates at every position of the
// text (~1-9 ms per M chars each, ~40 of them); their matches can only start at a digit run or at a run of capitals
// and digits, and a few character tests at such a run rule out almost all of them. So each identifier regex runs
// sticky (anchoredScan.ts's matchesAnchored) only where its own test on these runs lets it through.
import type { AnchoredScan } from './anchoredScan.js';
import { anchoredScan } from './anchoredScan.js';
import { isLetterUnit } from './span.js';
import { IntList } from './intList.js';

export interface AlnumRuns {
  readonly input: string;
  /** Every maximal run of ASCII digits, wherever it is (after a letter too): [digitStart[k], digitEnd[k]). */
  readonly digitStart: Int32Array;
  readonly digitEnd: Int32Array;
  /**
   * The maximal runs of ASCII letters and digits that hold a capital A-Z and no a-z and could open an identifier:
   * [capsStart[k], capsEnd[k]). An identifier with letters (all capitals, ending where no letter or digit follows)
   * opens such a run, and has a digit in it, or 9 characters or more, or goes on after it with a link: '-', '+', '*',
   * '.', Ä/Ö/Ü (German plates), or a blank and then a digit, a capital, '+' or '*'. Runs with a small letter ("The",
   * "patient") and bare acronyms ("MRN:", "I am") are most of a text and are left out.
   */
  readonly capsStart: Int32Array;
  readonly capsEnd: Int32Array;
  /**
   * The starts of the runs of ASCII letters and digits that open with a digit, hold no a-z, and have 6 characters or
   * more or a '-' after them: where a generic id ("123456", "4471-22-A") opens a run.
   */
  readonly digitLedStart: Int32Array;
  /** Per digit run, built when first asked for (digitChains). */
  chains?: Uint8Array;
  /** Other per-text results the detectors share, dropped with the runs (textMemo). */
  readonly memo: Map<string, unknown>;
}

let held: AlnumRuns | undefined;

/** What may follow a capitals run for it to be kept (LINK), and what may follow a blank after it (LINK_AFTER_BLANK). */
const LINK = new Uint8Array(256);
for (const ch of '-+*.\u00c4\u00d6\u00dc') LINK[ch.charCodeAt(0)] = 1;
const LINK_AFTER_BLANK = new Uint8Array(128);
for (const ch of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+*') LINK_AFTER_BLANK[ch.charCodeAt(0)] = 1;

/** The runs of `input`, walked once and kept for the next call with the same text (the four detectors share them). */
export function alnumRuns(input: string): AlnumRuns {
  if (held?.input === input) return held;
  // Digit runs are ~4% of a text's characters, capitals runs fewer.
  const capacity = Math.max(16, Math.min(1 << 16, input.length >> 5));
  const digitStart = new IntList(capacity);
  const digitEnd = new IntList(capacity);
  const capsStart = new IntList(capacity);
  const capsEnd = new IntList(capacity);
  const digitLed = new IntList(16);
  const len = input.length;
  let i = 0;
  while (i < len) {
    let c = input.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      // A run opening with a small letter (most words): only its digit runs count. Its small letters are skipped by
      // the shortest test first (~20% of the walk's time).
      i++;
      while (i < len && (c = input.charCodeAt(i)) >= 97 && c <= 122) i++;
      while (i < len) {
        c = input.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          digitStart.push(i);
          i++;
          while (i < len && (c = input.charCodeAt(i)) >= 48 && c <= 57) i++;
          digitEnd.push(i);
        } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) i++;
        else break;
      }
      continue;
    }
    if (c < 48 || c > 90 || (c > 57 && c < 65)) {
      i++;
      continue;
    }
    // A run of ASCII letters and digits: its digit runs, and whether it has a small letter, a capital, a digit.
    const s = i;
    let small = false;
    let cap = false;
    let digit = false;
    while (i < len) {
      c = input.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        digit = true;
        digitStart.push(i);
        i++;
        while (i < len && input.charCodeAt(i) >= 48 && input.charCodeAt(i) <= 57) i++;
        digitEnd.push(i);
      } else if (c >= 65 && c <= 90) {
        cap = true;
        i++;
      } else if (c >= 97 && c <= 122) {
        small = true;
        i++;
      } else break;
    }
    if (small) continue;
    if (!cap || input.charCodeAt(s) <= 57) {
      if (i - s >= 6 || input.charCodeAt(i) === 45) digitLed.push(s);
      if (!cap) continue;
    }
    const after = i < len ? input.charCodeAt(i) : 0;
    const next = i + 1 < len ? input.charCodeAt(i + 1) : 0;
    if (digit || i - s >= 9 || (after < 256 && LINK[after] === 1) || (after === 32 && next < 128 && LINK_AFTER_BLANK[next] === 1)) {
      capsStart.push(s);
      capsEnd.push(i);
    }
  }
  held = {
    input,
    digitStart: digitStart.array(),
    digitEnd: digitEnd.array(),
    capsStart: capsStart.array(),
    capsEnd: capsEnd.array(),
    digitLedStart: digitLed.array(),
    memo: new Map(),
  };
  return held;
}

/** A result for `input` that several detectors need, computed once and kept (and dropped) with its runs. */
export function textMemo<T>(input: string, key: string, build: () => T): T {
  const { memo } = alnumRuns(input);
  if (memo.has(key)) return memo.get(key) as T;
  const value = build();
  memo.set(key, value);
  return value;
}

/** Drops the runs kept for the last text (detectPii should call it when done, with anchoredScan's releaseTextWalks). */
export function releaseAlnumRuns(): void {
  held = undefined;
}

/** Whether runs of some text are kept (for the test of releaseAlnumRuns). */
export function alnumRunsHeld(): boolean {
  return held !== undefined;
}

/**
 * One character from ' ' to '/' (blank, '-', '.', '/', '(', '+', ...), ':', or any white space (\\s: ASCII ones, no-break
 * space, and everything from U+1680 on) between two digit groups.
 */
const isChainLink = (c: number): boolean => (c >= 32 && c <= 47) || c === 58 || (c >= 9 && c <= 13) || c === 0xa0 || c >= 0x1680;

/**
 * Per digit run, the digits of the group sequence it opens: its own and those of each next run one link character
 * on (isChainLink), at most 255. The digit-group patterns separate their groups with at most one of those characters,
 * so the digits a pattern takes from a run are never more than the run's chain: a chain shorter than the pattern's
 * least digits rules the run out with one comparison (most runs are a lone "3" or "2024").
 */
export function digitChains(runs: AlnumRuns): Uint8Array {
  if (runs.chains) return runs.chains;
  const { input, digitStart, digitEnd } = runs;
  const n = digitStart.length;
  const chains = new Uint8Array(n);
  let next = 0;
  for (let k = n - 1; k >= 0; k--) {
    const e = digitEnd[k] ?? 0;
    const linked = k + 1 < n && digitStart[k + 1] === e + 1 && isChainLink(input.charCodeAt(e));
    const total = e - (digitStart[k] ?? 0) + (linked ? next : 0);
    next = total > 255 ? 255 : total;
    chains[k] = next;
  }
  runs.chains = chains;
  return chains;
}

/** A table of ASCII characters for the tests below. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
export const DIGITS = charTable('0123456789');
const WORD = charTable('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_');

/** Whether input[i] is an ASCII character of `table` (false outside the text and for any other unit). */
export function inTable(table: Uint8Array, input: string, i: number): boolean {
  const c = input.charCodeAt(i);
  return c < 128 && table[c] === 1;
}

export const isDigitAt = (input: string, i: number): boolean => inTable(DIGITS, input, i);
/** \w of a regex without the i flag: [A-Za-z0-9_]. */
export const isWordAt = (input: string, i: number): boolean => inTable(WORD, input, i);
/** A letter (\p{L}) in one unit or an ASCII digit at i: what most identifier look-behinds refuse first. */
export const isLetterOrDigitAt = (input: string, i: number): boolean => isDigitAt(input, i) || isLetterUnit(input, i);
/** The number of ASCII digits from i on. */
export function digitsAt(input: string, i: number): number {
  let j = i;
  while (isDigitAt(input, j)) j++;
  return j - i;
}

/**
 * How many `body` characters a group sequence starting at `p` holds, up to `need`: body characters, each separator
 * (one character of `seps`) counted as a link only when a body character follows it. An identifier written in digit
 * groups ("943 476 5919", "85.07.30-033.28") has its every digit in the sequence at its start, so a count below the
 * identifier's digits rules the position out.
 */
export function groupChars(input: string, p: number, body: Uint8Array, seps: Uint8Array, need: number): number {
  let n = 0;
  let i = p;
  while (n < need) {
    if (inTable(body, input, i)) {
      n++;
      i++;
    } else if (inTable(seps, input, i) && inTable(body, input, i + 1)) i++;
    else break;
  }
  return n;
}

/** Every AnchoredScan the identifier detectors made over these runs: the test compares each with its global regex. */
export const ID_SCANS: AnchoredScan[] = [];

/**
 * An AnchoredScan (matchesAnchored runs it) whose starts come from the runs above. Registered in ID_SCANS, which
 * alnumRuns.test.ts checks against the whole-text regex, not in anchoredScan.ts's list (its test wants edge strings
 * for each scan in its own file).
 */
export function idScan(re: RegExp, starts: (input: string, runs: AlnumRuns) => number[]): AnchoredScan {
  return idScanFrom(re, (input) => starts(input, alnumRuns(input)));
}

/** An identifier scan whose starts come from elsewhere (anchoredScan.ts's letter runs), in the same list. */
export function idScanFrom(re: RegExp, starts: (input: string) => number[]): AnchoredScan {
  return anchoredScan(re, starts, ID_SCANS);
}

/**
 * Where the digit runs whose chain (digitChains) holds at least `least` digits and that `keep(input, start, end)`
 * lets through can start a match: the number keep returns (the run's start, or the '+' or '(' before it), none for
 * false.
 */
export function digitRunsWhere(runs: AlnumRuns, input: string, least: number, keep: (input: string, s: number, e: number) => number | false): number[] {
  const out: number[] = [];
  const { digitStart, digitEnd } = runs;
  const chains = chainsAtLeast(runs, least);
  // An index loop: for-of over the typed array allocated an iterator result per run (a fifth of what detection
  // allocated per character).
  for (let i = 0; i < chains.length; i++) {
    const k = chains[i] as number;
    const at = keep(input, digitStart[k] ?? 0, digitEnd[k] ?? 0);
    if (at !== false) out.push(at);
  }
  return out;
}

/**
 * The indices of the digit runs whose chain holds `least` digits or more, listed once per text and least (the scans
 * ask for ~14 different ones): a scan for 10 digits then reads ~8% of the runs instead of testing each.
 */
function chainsAtLeast(runs: AlnumRuns, least: number): Int32Array {
  const key = `chains>=${least}`;
  const kept = runs.memo.get(key);
  if (kept instanceof Int32Array) return kept;
  const chains = digitChains(runs);
  const list = new IntList();
  for (let k = 0; k < chains.length; k++) if ((chains[k] ?? 0) >= least) list.push(k);
  const out = list.array();
  runs.memo.set(key, out);
  return out;
}

/** Starts of the capitals runs that `keep(input, start, end)` lets through. */
export function capsRunsWhere(runs: AlnumRuns, input: string, keep: (input: string, s: number, e: number) => boolean): number[] {
  const out: number[] = [];
  const { capsStart, capsEnd } = runs;
  for (let k = 0; k < capsStart.length; k++) {
    const s = capsStart[k] ?? 0;
    if (keep(input, s, capsEnd[k] ?? 0)) out.push(s);
  }
  return out;
}
