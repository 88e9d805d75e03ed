// Personal data in a JSON or JSON Lines file, found in its decoded string values and placed back on the file's own
// characters. Detecting on the raw file read escapes as letters ("...\nJohn Smith" holds the word "nJohn", and an
// e-mail after "\r\n" took the escape's "n" with it), and masking such a span wrote "\r\[EMAIL]", an invalid escape:
// 720 of 100,080 records of the speed bench's JSONL file no longer parsed after `data redact`.
//
// Hand-written: JSON.parse gives the values but not where each of their characters sits in the file, which the
// report's offsets (`text === input.slice(start, end)`) and the in-place redaction need.
import { compiledByDefault, nativeDetectors, type JsonViewParts } from './nativeDetectors.js';
import { PieceViewWriter, type PieceView } from './pieceView.js';

/** The decoded string values of a JSON file as one text, and the way back to the file (pieceView.ts). */
export type JsonStringsView = PieceView;

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
 * The decoded string values of a JSON text (one document or one per line), keys left out. It is never longer than
 * the file: a value gives up two quotes for its two-character separator, and an escape shrinks. The add-on's twin
 * (native/pii/src/jsonStrings.h) makes it where it loads: on the speed bench's 50 MB dataset ~0.9 CPU s of JavaScript
 * and string copies, there one pass of ~0.1 s plus the page faults of its buffer (bench/pii-RESULTS.md, round 14).
 */
export function jsonStringsView(raw: string): JsonStringsView {
  const native = compiledByDefault() ? nativeDetectors()?.text : undefined;
  if (!native) return jsonStringsViewTs(raw);
  return viewOfParts(native.jsonStringsView(raw));
}

/** The add-on's view (nativeDetectors.ts NativeText) as a PieceView. */
export function viewOfParts([text, pieces, breaks, shared]: JsonViewParts): JsonStringsView {
  return { text, pieces, breaks, ...(shared ? { shared } : {}) };
}

/** jsonStringsView in TypeScript: where the add-on is missing, and the reference its twin is tested against. */
export function jsonStringsViewTs(raw: string): JsonStringsView {
  const view = new PieceViewWriter(raw.length);
  let lineEnd = -1;
  let slash = -1;
  for (let i = raw.indexOf('"'); i !== -1;) {
    const start = i + 1;
    // JSON strings hold no raw line break: a literal ends on its line at the latest.
    if (lineEnd < start) lineEnd = indexOrEnd(raw, '\n', start);
    const end = literalEnd(raw, start, lineEnd);
    const next = end < raw.length && raw.charCodeAt(end) === QUOTE ? end + 1 : end;
    if (!isKey(raw, next) && end > start) {
      view.begin(start);
      if (slash < start) slash = indexOrEnd(raw, '\\', start);
      if (slash >= end) view.copy(raw, start, end);
      else {
        for (let k = start; k < end;) {
          const at = raw.indexOf('\\', k);
          const runEnd = at === -1 || at >= end ? end : at;
          view.copy(raw, k, runEnd);
          k = runEnd;
          if (k >= end) break;
          const unit = escapedUnit(raw, k);
          if (unit < 0) {
            // An unknown escape (invalid JSON) stays as its characters, placed one to one, so nothing of the file is
            // lost.
            const kept = Math.min(k + 2, end);
            view.copy(raw, k, kept);
            k = kept;
            continue;
          }
          const after = k + (raw.charCodeAt(k + 1) === 0x75 ? 6 : 2);
          view.escaped(unit, k, after);
          k = after;
        }
      }
      view.end();
    }
    i = raw.indexOf('"', next);
  }
  return view.finish();
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
