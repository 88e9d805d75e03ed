// data redact's two large files, the masked copy and the report's span lines, written by the add-on when it is
// loaded (native/pii/src/output.h): in JavaScript each span cost a slice, a fresh string and an encoder call, ~3 us a
// span, the largest cost outside detection on a file with a million spans (bench/pii-RESULTS.md speed round 10).
// The bytes are the same as the JavaScript path's (nativeOutput.test.ts): where the add-on is missing, or a span is
// anything but what detection makes, these say no and the caller writes them itself.
import type { WriterEncoding } from '../disk/bufferedWriter.js';
import { nativeDetectors } from './nativeDetectors.js';
import { maskOf } from './redact.js';
import type { PiiSpan } from './types.js';

const ASCII_JSON = /^[\x20-\x7e]*$/;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Characters of the input handed to the add-on per call: it copies what it is handed out of V8, so the window, not
 * the file, is the memory it adds (a whole 1 GB text would be another 2 GB).
 */
export const WINDOW = 1 << 20;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A whole number the add-on can take as an offset into `input`. */
const offsetIn = (input: string, n: number) => (n | 0) === n && n >= 0 && n <= input.length;

/**
 * redact.ts maskTextTo's copy of `input` written to `fd` (nothing buffered before it) in `encoding`. False, with
 * nothing written, where the add-on cannot take it: not loaded, spans out of order or overlapping (maskTextTo sorts
 * them or says why), or a mask that `safe` refuses (the caller's own path then says why).
 */
export function writeMaskedCopyNative(
  fd: number,
  encoding: WriterEncoding,
  input: string,
  spans: readonly PiiSpan[],
  safe: (mask: string) => boolean = () => true,
  window = WINDOW,
): boolean {
  const output = nativeDetectors()?.output;
  if (!output) return false;
  const words: string[] = [];
  const wordOf = new Map<string, number>();
  const packed = new Int32Array(3 * spans.length);
  let last = 0;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] as PiiSpan;
    if (!offsetIn(input, s.start) || !offsetIn(input, s.end) || s.start < last || s.end < s.start) return false;
    let w = wordOf.get(s.type);
    if (w === undefined) {
      const mask = maskOf(s.type) as string | undefined;
      // the add-on writes a mask as it is; a surrogate half at its edge would join the text's in the JavaScript path
      if (!mask || SURROGATE.test(mask) || !safe(mask)) return false;
      wordOf.set(s.type, (w = words.push(mask) - 1));
    }
    packed[3 * i] = s.start;
    packed[3 * i + 1] = s.end;
    packed[3 * i + 2] = w;
    last = s.end;
  }
  // A window of whole spans and the gap before them, or a stretch of a long gap cut between two characters (never
  // between a pair's halves, which UTF-8 writes as one): the bytes are those of the whole copy.
  const n = spans.length;
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
 * The span lines of the report (reportLines.ts spanJson each, separated as streamedJson.ts separates an array's
 * elements) written to `fd` as UTF-8. False, with nothing written, where the add-on is not loaded or a span is not
 * what detection makes (offsets into `input` whose slice is its text, plain words and numbers).
 */
export function writeSpanLinesNative(fd: number, input: string, spans: readonly PiiSpan[], window = WINDOW): boolean {
  const output = nativeDetectors()?.output;
  if (!output) return false;
  const words: string[] = [];
  const byType = new Map<string, number>();
  const bySource = new Map<string, number>();
  const byConfidence = new Map<number, number>();
  // The words are few (types, sources, confidences): each quoted once, a span holds their indices.
  const add = <K>(map: Map<K, number>, key: K, json: string): number => {
    const w = ASCII_JSON.test(json) ? words.push(json) - 1 : -1;
    map.set(key, w);
    return w;
  };
  const packed = new Int32Array(5 * spans.length);
  for (let i = 0; i < spans.length; i++) {
    const { start, end, type, text, confidence, source } = spans[i] as PiiSpan;
    if (!offsetIn(input, start) || !offsetIn(input, end) || typeof text !== 'string' || text.length !== end - start) return false;
    if (typeof type !== 'string' || typeof source !== 'string' || typeof confidence !== 'number' || !Number.isFinite(confidence)) return false;
    const t = byType.get(type) ?? add(byType, type, JSON.stringify(type));
    const c = byConfidence.get(confidence) ?? add(byConfidence, confidence, JSON.stringify(confidence));
    const s = bySource.get(source) ?? add(bySource, source, JSON.stringify(source));
    if (t < 0 || c < 0 || s < 0) return false;
    const at = 5 * i;
    packed[at] = start;
    packed[at + 1] = end;
    packed[at + 2] = t;
    packed[at + 3] = c;
    packed[at + 4] = s;
  }
  // Runs of spans that lie within one window of the input (a longer span alone), each with the slice they lie in.
  for (let i = 0; i < spans.length;) {
    let lo = packed[5 * i] as number;
    let hi = packed[5 * i + 1] as number;
    let j = i + 1;
    for (; j < spans.length; j++) {
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
