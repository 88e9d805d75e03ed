// The lines of a text that hold a character of a non-Latin script (worldNames.ts's and worldPlaces.ts's patterns for
// names and addresses in those scripts run only there), found once per text, kept until releaseNonLatinLines
// (detectPii, when the text is done), and which of seven scripts a line holds (scriptsOf).
// The scan used to run in each of the two detectors with a regex whose 19-script class V8 tried after a non-ASCII lead
// at every position (~2.3 ms per M chars of the labelled texts each time). Here a plain non-ASCII class skips the
// ASCII bulk (non-unicode mode, ~0.6 ms per M chars) and each non-ASCII code unit's script is looked up in a table
// filled from the same class the first time the unit is seen. nonLatinLines.test.ts checks the lines against that
// regex on every labelled text, every BMP character, characters outside the BMP and random strings.
import type { PiiSpan } from './types.js';

/** One character of the 19 scripts worldNames.ts looks at (its NON_LATIN_CHAR class, whole-string). */
const NON_LATIN_ONE =
  /^[\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]$/u;
/** Per BMP code unit: 0 not looked up yet, 1 not one of the scripts, 2 one of them. */
const SCRIPT_OF_UNIT = new Uint8Array(65536);
/** Non-ASCII code units; without the u flag each unit of a surrogate pair is its own match. */
const NON_ASCII = /[\x80-\uffff]/g;

function nonLatinAt(input: string, i: number): boolean {
  const c = input.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    // A high surrogate: the code point it opens (Han has letters outside the BMP). A lone low surrogate, and the low
    // half of a pair, are no letter of any script (the table says so: the regex sees a lone surrogate).
    return NON_LATIN_ONE.test(String.fromCodePoint(input.codePointAt(i) ?? c));
  }
  let k = SCRIPT_OF_UNIT[c] ?? 0;
  if (k === 0) {
    k = NON_LATIN_ONE.test(input[i] ?? '') ? 2 : 1;
    SCRIPT_OF_UNIT[c] = k;
  }
  return k === 2;
}

let heldText: string | undefined;
let heldLines: Int32Array | undefined;

/**
 * [start, end) of each line (without its '\n') that holds a non-Latin character, in text order, as pairs (start at
 * 2k, end at 2k + 1). Kept for the last text until releaseNonLatinLines.
 */
export function nonLatinLines(input: string): Int32Array {
  if (heldText === input && heldLines) return heldLines;
  const out: number[] = [];
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(input); m !== null; m = NON_ASCII.exec(input)) {
    const i = m.index;
    if (!nonLatinAt(input, i)) continue;
    const start = input.lastIndexOf('\n', i) + 1;
    const nl = input.indexOf('\n', i);
    const end = nl < 0 ? input.length : nl;
    out.push(start, end);
    NON_ASCII.lastIndex = end;
  }
  heldText = input;
  heldLines = Int32Array.from(out);
  return heldLines;
}

/** Runs `detect` on each line that holds a non-Latin character and moves its spans to the line's offset. */
export function onNonLatinLines(input: string, detect: (line: string) => PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  const lines = nonLatinLines(input);
  for (let k = 0; k < lines.length; k += 2) {
    const start = lines[k] ?? 0;
    const line = input.slice(start, lines[k + 1] ?? 0);
    for (const span of detect(line)) out.push({ ...span, start: span.start + start, end: span.end + start, text: span.text });
  }
  return out;
}

/** Drops the lines kept for the last text (and the text with them): detectPii calls it when a text is done. */
export function releaseNonLatinLines(): void {
  heldText = undefined;
  heldLines = undefined;
}

/** Whether lines of some text are kept (for the test of releaseNonLatinLines). */
export function nonLatinLinesHeld(): boolean {
  return heldText !== undefined;
}

/** Scripts a line can hold (bits of scriptsOf), for patterns that each need a word of one script. */
export const CYRILLIC = 1;
export const GREEK = 2;
export const HAN = 4;
export const HANGUL = 8;
export const ARABIC = 16;
export const THAI = 32;
export const DEVANAGARI = 64;
const SCRIPT_CLASSES: [number, RegExp][] = [
  [CYRILLIC, /^\p{Script=Cyrillic}$/u],
  [GREEK, /^\p{Script=Greek}$/u],
  [HAN, /^\p{Script=Han}$/u],
  [HANGUL, /^\p{Script=Hangul}$/u],
  [ARABIC, /^\p{Script=Arabic}$/u],
  [THAI, /^\p{Script=Thai}$/u],
  [DEVANAGARI, /^\p{Script=Devanagari}$/u],
];
/** Per BMP code unit: its script bit, 128 once looked up (0 not yet). */
const SCRIPT_BITS = new Uint8Array(65536);

/**
 * The scripts (bits above) of the BMP characters of `line`: a pattern that needs a word of one of them cannot match a
 * line without it. One pass over the line's non-ASCII units, each unit's script looked up once per process.
 */
export function scriptsOf(line: string): number {
  let bits = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 128) continue;
    let b = SCRIPT_BITS[c] ?? 0;
    if (b === 0) {
      b = 128;
      const ch = String.fromCharCode(c);
      for (const [bit, re] of SCRIPT_CLASSES) if (re.test(ch)) b |= bit;
      SCRIPT_BITS[c] = b;
    }
    bits |= b;
  }
  return bits & 127;
}
