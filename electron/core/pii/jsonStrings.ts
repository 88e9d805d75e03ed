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
  /**
   * Pairs (decoded offset, file offset) where the two stop moving together, from (0, first character) on: between
   * two pairs both advance by one per code unit. An escape adds two pairs (its code unit, the one after it), so a
   * value costs memory per escape, not per character.
   */
  breaks: Int32Array | undefined;
  rawStart: number;
}
export interface JsonStringsView {
  /** Every string value (not the keys) decoded, separated by blank lines so no detector joins two of them. */
  text: string;
  strings: JsonString[];
}

const SEPARATOR = '\n\n';
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

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

/** Decodes an escaped literal's content, with the pairs that place each decoded code unit in the file. */
function decode(raw: string, start: number, end: number): { value: string; breaks: Int32Array } {
  const parts: string[] = [];
  const breaks: number[] = [0, start];
  let length = 0;
  for (let i = start; i < end;) {
    const slash = raw.indexOf('\\', i);
    const runEnd = slash === -1 || slash >= end ? end : slash;
    if (runEnd > i) {
      parts.push(raw.slice(i, runEnd));
      length += runEnd - i;
      i = runEnd;
    }
    if (i >= end) break;
    const e = raw[i + 1] ?? '';
    const hex = e === 'u' ? raw.slice(i + 2, i + 6) : '';
    const unit = e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : SIMPLE_ESCAPES[e];
    if (unit === undefined) {
      // An unknown escape (invalid JSON) stays as its characters, placed one to one, so nothing of the file is lost.
      const kept = raw.slice(i, Math.min(i + 2, end));
      parts.push(kept);
      length += kept.length;
      i += kept.length;
      continue;
    }
    const after = i + (e === 'u' ? 6 : 2);
    parts.push(unit);
    breaks.push(length, i, length + 1, after);
    length++;
    i = after;
  }
  return { value: parts.join(''), breaks: Int32Array.from(breaks) };
}

function indexOrEnd(raw: string, what: string, from: number): number {
  const at = raw.indexOf(what, from);
  return at === -1 ? raw.length : at;
}

/** The decoded string values of a JSON text (one document or one per line), keys left out. */
export function jsonStringsView(raw: string): JsonStringsView {
  const parts: string[] = [];
  const strings: JsonString[] = [];
  let viewLength = 0;
  let lineEnd = -1;
  let slash = -1;
  for (let i = raw.indexOf('"'); i !== -1;) {
    const start = i + 1;
    // JSON strings hold no raw line break: a literal ends on its line at the latest.
    if (lineEnd < start) lineEnd = indexOrEnd(raw, '\n', start);
    const end = literalEnd(raw, start, lineEnd);
    const next = end < raw.length && raw.charCodeAt(end) === QUOTE ? end + 1 : end;
    if (!isKey(raw, next) && end > start) {
      if (slash < start) slash = indexOrEnd(raw, '\\', start);
      const decoded = slash < end ? decode(raw, start, end) : undefined;
      const value = decoded ? decoded.value : raw.slice(start, end);
      if (parts.length) {
        parts.push(SEPARATOR);
        viewLength += SEPARATOR.length;
      }
      parts.push(value);
      strings.push({ viewStart: viewLength, viewEnd: viewLength + value.length, rawStart: start, breaks: decoded?.breaks });
      viewLength += value.length;
    }
    i = raw.indexOf('"', next);
  }
  return { text: parts.join(''), strings };
}

function rawOffset(s: JsonString, viewOffset: number): number {
  const k = viewOffset - s.viewStart;
  const b = s.breaks;
  if (!b) return s.rawStart + k;
  // The last pair at or before k (binary search over the pairs' decoded offsets).
  let lo = 0;
  let hi = b.length / 2 - 1;
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
    const start = rawOffset(s, span.start);
    const rawEnd = rawOffset(s, end);
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
