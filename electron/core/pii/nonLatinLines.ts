// The lines of a text that hold a letter of a non-Latin script, found once per text and read by worldPlaces.ts and
// worldNames.ts (both search only those lines). The scan used to run twice per text, once in each, with a lead-guarded
// 19-script class (~2.2 ms per M chars each time); here a plain non-ASCII class, which V8 runs as a tight loop
// (~0.55), finds the candidates and the script class is tried only there, sticky.
import type { PiiSpan } from './types.js';

/** Any UTF-16 unit outside ASCII: every character of the scripts below is one (or opens one, for a surrogate pair). */
const NON_ASCII = /[^\0-\x7f]/g;
/** A character of a script that worldNames.ts or worldPlaces.ts looks at. */
const SCRIPT_AT =
  /[\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/uy;

let heldText: string | undefined;
let heldLines: Int32Array | undefined;

/**
 * [start, end) of each line (without its '\n') that holds a character of those scripts, in text order, as pairs
 * (start at 2k, end at 2k + 1). Kept for the last text until releaseNonLatinLines.
 */
export function nonLatinLines(input: string): Int32Array {
  if (heldText === input && heldLines) return heldLines;
  const out: number[] = [];
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(input); m !== null; m = NON_ASCII.exec(input)) {
    const i = m.index;
    SCRIPT_AT.lastIndex = i;
    if (!SCRIPT_AT.test(input)) {
      // A surrogate pair is one character: the unicode class was tried on the whole of it, never on its second half.
      const c = input.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = input.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) NON_ASCII.lastIndex = i + 2;
      }
      continue;
    }
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
    const line = input.slice(start, lines[k + 1]);
    for (const span of detect(line)) out.push({ ...span, start: span.start + start, end: span.end + start, text: span.text });
  }
  return out;
}

/** Drops the lines kept for the last text (and the text with them): detectPii should call it when a text is done. */
export function releaseNonLatinLines(): void {
  heldText = undefined;
  heldLines = undefined;
}

/** Whether lines of some text are kept (for the test of releaseNonLatinLines). */
export function nonLatinLinesHeld(): boolean {
  return heldText !== undefined;
}
