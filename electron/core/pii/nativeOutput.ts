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
  output.writeMaskedCopy(fd, input, packed, words, encoding);
  return true;
}

/**
 * The span lines of the report (reportLines.ts spanJson each, separated as streamedJson.ts separates an array's
 * elements) written to `fd` as UTF-8. False, with nothing written, where the add-on is not loaded or a span is not
 * what detection makes (offsets into `input` whose slice is its text, plain words and numbers).
 */
export function writeSpanLinesNative(fd: number, input: string, spans: readonly PiiSpan[]): boolean {
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
  output.writeSpanLines(fd, input, packed, words);
  return true;
}
