// data redact's two large files, the masked copy and the report's span lines, written by the add-on when it is
// loaded (native/pii/src/output.h): in JavaScript each span cost a slice, a fresh string and an encoder call, ~3 us a
// span, the largest cost outside detection on a file with a million spans (bench/pii-RESULTS.md speed round 10).
// The bytes are the same as the JavaScript path's (nativeOutput.test.ts): where the add-on is missing, or a span is
// anything but what detection makes, these say no and the caller writes them itself.
import type { WriterEncoding } from '../disk/bufferedWriter.js';
import { nativeDetectors } from './nativeDetectors.js';
import { maskOf } from './redact.js';
import { SPAN_SOURCES } from './spanTable.js';
import type { SpanTable } from './spanTable.js';
import { PII_TYPES } from './types.js';

const ASCII_JSON = /^[\x20-\x7e]*$/;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Characters of the input handed to the add-on per call: it copies what it is handed out of V8, so the window, not
 * the file, is the memory it adds (a whole 1 GB text would be another 2 GB).
 */
export const WINDOW = 1 << 20;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * redact.ts maskTextTo's copy of `input` written to `fd` (nothing buffered before it) in `encoding`. False, with
 * nothing written, where the add-on cannot take it: not loaded, spans out of order or overlapping (maskTextTo sorts
 * them or says why), or a mask that `safe` refuses (the caller's own path then says why).
 */
export function writeMaskedCopyNative(
  fd: number,
  encoding: WriterEncoding,
  input: string,
  spans: SpanTable,
  safe: (mask: string) => boolean = () => true,
  window = WINDOW,
): boolean {
  const output = nativeDetectors()?.output;
  if (!output) return false;
  const words: string[] = [];
  // A type's mask, as its index in `words`, by the type's index (-1: not yet looked up).
  const wordOf = new Int32Array(256).fill(-1);
  const n = spans.start.length;
  const packed = new Int32Array(3 * n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    const start = spans.start[i] as number;
    const end = spans.end[i] as number;
    if (start < last || end < start || end > input.length) return false;
    const type = spans.type[i] as number;
    let w = wordOf[type] as number;
    if (w < 0) {
      const name = PII_TYPES[type];
      const mask = name === undefined ? undefined : (maskOf(name) as string | undefined);
      // the add-on writes a mask as it is; a surrogate half at its edge would join the text's in the JavaScript path
      if (!mask || SURROGATE.test(mask) || !safe(mask)) return false;
      wordOf[type] = w = words.push(mask) - 1;
    }
    packed[3 * i] = start;
    packed[3 * i + 1] = end;
    packed[3 * i + 2] = w;
    last = end;
  }
  // A window of whole spans and the gap before them, or a stretch of a long gap cut between two characters (never
  // between a pair's halves, which UTF-8 writes as one): the bytes are those of the whole copy.
  for (let pos = 0, i = 0; pos < input.length || i < n;) {
    const limit = pos + window;
    if (i < n && (packed[3 * i] as number) <= limit) {
      let j = i + 1;
      while (j < n && (packed[3 * j + 1] as number) <= limit) j++;
      const to = packed[3 * (j - 1) + 1] as number;
      output.writeMaskedCopy(fd, input.slice(pos, to), pos, packed.subarray(3 * i, 3 * j), words, encoding);
      pos = to;
      i = j;
    } else {
      const stop = i < n ? (packed[3 * i] as number) : input.length;
      let to = Math.min(stop, limit);
      if (to < stop && isHigh(input.charCodeAt(to - 1)) && isLow(input.charCodeAt(to))) to--;
      output.writeMaskedCopy(fd, input.slice(pos, to), pos, packed.subarray(0, 0), words, encoding);
      pos = to;
    }
  }
  return true;
}

/**
 * The span lines of the report (reportLines.ts spanJson of each span of `input`, separated as streamedJson.ts
 * separates an array's elements) written to `fd` as UTF-8. False, with nothing written, where the add-on is not
 * loaded or a span is not what detection makes (offsets past `input`, a type or source that names none, a confidence
 * that JSON would write as null).
 */
export function writeSpanLinesNative(fd: number, input: string, spans: SpanTable, window = WINDOW): boolean {
  const output = nativeDetectors()?.output;
  if (!output) return false;
  const words: string[] = [];
  // The words are few (types, sources, confidences): each quoted once, a span holds their indices.
  const typeWord = new Int32Array(256).fill(-1);
  const sourceWord = new Int32Array(256).fill(-1);
  const byConfidence = new Map<number, number>();
  const word = (json: string) => (ASCII_JSON.test(json) ? words.push(json) - 1 : -2);
  const n = spans.start.length;
  const packed = new Int32Array(5 * n);
  for (let i = 0; i < n; i++) {
    const start = spans.start[i] as number;
    const end = spans.end[i] as number;
    const confidence = spans.confidence[i] as number;
    if (start < 0 || end < start || end > input.length || !Number.isFinite(confidence)) return false;
    const type = spans.type[i] as number;
    const source = spans.source[i] as number;
    if (typeWord[type] === -1) typeWord[type] = PII_TYPES[type] === undefined ? -2 : word(JSON.stringify(PII_TYPES[type]));
    if (sourceWord[source] === -1) sourceWord[source] = SPAN_SOURCES[source] === undefined ? -2 : word(JSON.stringify(SPAN_SOURCES[source]));
    let c = byConfidence.get(confidence);
    if (c === undefined) byConfidence.set(confidence, (c = word(JSON.stringify(confidence))));
    const t = typeWord[type] as number;
    const s = sourceWord[source] as number;
    if (t < 0 || c < 0 || s < 0) return false;
    const at = 5 * i;
    packed[at] = start;
    packed[at + 1] = end;
    packed[at + 2] = t;
    packed[at + 3] = c;
    packed[at + 4] = s;
  }
  // Runs of spans that lie within one window of the input (a longer span alone), each with the slice they lie in.
  for (let i = 0; i < n;) {
    let lo = packed[5 * i] as number;
    let hi = packed[5 * i + 1] as number;
    let j = i + 1;
    for (; j < n; j++) {
      const from = Math.min(lo, packed[5 * j] as number);
      const to = Math.max(hi, packed[5 * j + 1] as number);
      if (to - from > window) break;
      lo = from;
      hi = to;
    }
    output.writeSpanLines(fd, input.slice(lo, hi), lo, packed.subarray(5 * i, 5 * j), words, i > 0);
    i = j;
  }
  return true;
}
