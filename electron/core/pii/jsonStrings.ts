// Personal data in a JSON or JSON Lines file, found in its decoded string values and placed back on the file's own
// characters. Detecting on the raw file read escapes as letters ("...\nJohn Smith" holds the word "nJohn", and an
// e-mail after "\r\n" took the escape's "n" with it), and masking such a span wrote "\r\[EMAIL]", an invalid escape:
// 720 of 100,080 records of the speed bench's JSONL file no longer parsed after `data redact`.
//
// Hand-written: JSON.parse gives the values but not where each of their characters sits in the file, which the
// report's offsets (`text === input.slice(start, end)`) and the in-place redaction need.
import type { PiiSpan } from './types.js';

/** One string value: where its decoded text sits in the joined view, and where its characters sit in the file. */
interface JsonString {
  viewStart: number;
  viewEnd: number;
  rawStart: number;
  /**
   * This value's pairs in the view's `breaks`, [breakFrom, breakTo); none when it holds no escape, so a value costs
   * memory per escape, not per character.
   */
  breakFrom: number;
  breakTo: number;
}
export interface JsonStringsView {
  /** Every string value (not the keys) decoded, separated by blank lines so no detector joins two of them. */
  text: string;
  strings: JsonString[];
  /**
   * Pairs (offset in the decoded value, file offset) where the two stop moving together, from (0, first character)
   * on: between two pairs both advance by one per code unit. An escape adds two pairs (its code unit, the one after).
   */
  breaks: Int32Array;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** The closing quote of the literal whose content starts at `from`, or the line's end when it has none. */
function literalEnd(raw: string, from: number, lineEnd: number): number {
  for (let q = raw.indexOf('"', from); q !== -1 && q < lineEnd; q = raw.indexOf('"', q + 1)) {
    let slashes = 0;
    for (let j = q - 1; j >= from && raw.charCodeAt(j) === BACKSLASH; j--) slashes++;
    if (slashes % 2 === 0) return q;
  }
  return lineEnd;
}

/** A key is a literal followed by a colon: its text names a field, it holds no one's data. */
function isKey(raw: string, afterQuote: number): boolean {
  let i = afterQuote;
  while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t' || raw[i] === '\r' || raw[i] === '\n')) i++;
  return raw[i] === ':';
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** The code unit the escape at `i` (a backslash) stands for, or -1 for one JSON does not have. */
function escapedUnit(raw: string, i: number): number {
  switch (raw.charCodeAt(i + 1)) {
    case QUOTE:
      return QUOTE;
    case BACKSLASH:
      return BACKSLASH;
    case 0x2f: // "/"
      return 0x2f;
    case 0x62: // "b"
      return 0x08;
    case 0x66: // "f"
      return 0x0c;
    case 0x6e: // "n"
      return NEWLINE;
    case 0x72: // "r"
      return 0x0d;
    case 0x74: // "t"
      return 0x09;
    case 0x75: {
      // "u" and exactly four hex digits
      let unit = 0;
      for (let k = i + 2; k < i + 6; k++) {
        const h = hexValue(raw.charCodeAt(k));
        if (h < 0) return -1;
        unit = unit * 16 + h;
      }
      return unit;
    }
    default:
      return -1;
  }
}

function indexOrEnd(raw: string, what: string, from: number): number {
  const at = raw.indexOf(what, from);
  return at === -1 ? raw.length : at;
}

/**
 * The decoded string values of a JSON text (one document or one per line), keys left out. The view is written code
 * unit by code unit into one array and made a string once: slicing each value (and each run between two escapes of
 * it) and joining ~800k pieces cost 1.2-1.6 CPU s on the 50 MB JSONL file of the speed bench, this ~0.9 s
 * (bench/pii-redact-phases.ts). It is never longer than the file: a value gives up two quotes for its
 * two-character separator, and an escape shrinks.
 */
export function jsonStringsView(raw: string): JsonStringsView {
  const out = new Uint16Array(raw.length);
  let n = 0;
  const strings: JsonString[] = [];
  let breaks = new Int32Array(1024);
  let pairs = 0;
  const pair = (decoded: number, file: number) => {
    if (2 * pairs + 2 > breaks.length) {
      const grown = new Int32Array(2 * breaks.length);
      grown.set(breaks);
      breaks = grown;
    }
    breaks[2 * pairs] = decoded;
    breaks[2 * pairs + 1] = file;
    pairs++;
  };
  const copy = (from: number, to: number) => {
    for (let k = from; k < to; k++) out[n++] = raw.charCodeAt(k);
  };
  let lineEnd = -1;
  let slash = -1;
  for (let i = raw.indexOf('"'); i !== -1;) {
    const start = i + 1;
    // JSON strings hold no raw line break: a literal ends on its line at the latest.
    if (lineEnd < start) lineEnd = indexOrEnd(raw, '\n', start);
    const end = literalEnd(raw, start, lineEnd);
    const next = end < raw.length && raw.charCodeAt(end) === QUOTE ? end + 1 : end;
    if (!isKey(raw, next) && end > start) {
      if (strings.length) {
        out[n++] = NEWLINE;
        out[n++] = NEWLINE;
      }
      const viewStart = n;
      const breakFrom = pairs;
      if (slash < start) slash = indexOrEnd(raw, '\\', start);
      if (slash >= end) copy(start, end);
      else {
        pair(0, start);
        for (let k = start; k < end;) {
          const at = raw.indexOf('\\', k);
          const runEnd = at === -1 || at >= end ? end : at;
          copy(k, runEnd);
          k = runEnd;
          if (k >= end) break;
          const unit = escapedUnit(raw, k);
          if (unit < 0) {
            // An unknown escape (invalid JSON) stays as its characters, placed one to one, so nothing of the file is
            // lost.
            const kept = Math.min(k + 2, end);
            copy(k, kept);
            k = kept;
            continue;
          }
          const after = k + (raw.charCodeAt(k + 1) === 0x75 ? 6 : 2);
          pair(n - viewStart, k);
          out[n++] = unit;
          pair(n - viewStart, after);
          k = after;
        }
      }
      strings.push({ viewStart, viewEnd: n, rawStart: start, breakFrom, breakTo: pairs });
    }
    i = raw.indexOf('"', next);
  }
  return { text: unitsToString(out, n), strings, breaks: breaks.subarray(0, 2 * pairs) };
}

/**
 * The first n code units as a string, lone surrogates kept (TextDecoder would replace them). The array's bytes are
 * read as UTF-16 LE in one copy where the machine stores them so (every platform Electron ships on); elsewhere
 * (s390x) the units are read as numbers, a chunk at a time.
 */
export function unitsToString(units: Uint16Array, n: number, littleEndian = LITTLE_ENDIAN): string {
  if (littleEndian) return Buffer.from(units.buffer, units.byteOffset, 2 * n).toString('utf16le');
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192))));
  return parts.join('');
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function rawOffset(view: JsonStringsView, s: JsonString, viewOffset: number): number {
  const k = viewOffset - s.viewStart;
  if (s.breakFrom === s.breakTo) return s.rawStart + k;
  // The last pair at or before k (binary search over the pairs' decoded offsets).
  const b = view.breaks;
  let lo = s.breakFrom;
  let hi = s.breakTo - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((b[2 * mid] as number) <= k) lo = mid;
    else hi = mid - 1;
  }
  return (b[2 * lo + 1] as number) + k - (b[2 * lo] as number);
}

/**
 * The spans found in the view, placed on the file: each covers whole escapes, so replacing it keeps the JSON valid,
 * and its text is the file's own (`raw.slice(start, end)`). A span that ran past its value into the separator is cut
 * at the value's end.
 */
export function spansOnJson(raw: string, view: JsonStringsView, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  let k = 0;
  const sorted = spans.every((s, i) => i === 0 || (spans[i - 1] as PiiSpan).start <= s.start) ? spans : [...spans].sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    while (k < view.strings.length && (view.strings[k] as JsonString).viewEnd <= span.start) k++;
    const s = view.strings[k];
    if (!s || span.start < s.viewStart) continue;
    const end = Math.min(span.end, s.viewEnd);
    if (end <= span.start) continue;
    const start = rawOffset(view, s, span.start);
    const rawEnd = rawOffset(view, s, end);
    out.push({ start, end: rawEnd, type: span.type, text: raw.slice(start, rawEnd), confidence: span.confidence, source: span.source });
  }
  return out;
}

/**
 * What a span's file text says once decoded ("Jos\\u00e9" is "José"): surrogates are drawn from it, so one person
 * gets one surrogate whether a writer escaped their name or not. Text with a broken escape stays as it is.
 */
export function decodedText(rawText: string): string {
  if (!rawText.includes('\\')) return rawText;
  try {
    return JSON.parse(`"${rawText}"`) as string;
  } catch {
    return rawText;
  }
}

/** A surrogate written into a JSON string must not need escaping, or the record would no longer parse. */
export function isJsonSafe(replacement: string): boolean {
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement.charCodeAt(i);
    if (c < 0x20 || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}

/** Files read as JSON by name: `.json`, `.jsonl`, `.ndjson`. */
export function isJsonPath(path: string): boolean {
  return /\.(?:json|jsonl|ndjson)$/i.test(path);
}
