// The values of a structured file (JSON strings, CSV cells) as one text to detect in, and the way back from that text
// to the file's own characters. A value's characters are the file's, except where the file escapes one (`\n` in JSON,
// `""` in CSV): there the view holds the character meant and records where the two stop moving together, so a span
// found in the view lands on whole escapes in the file and replacing it keeps the file valid.
import { copyRow, emptySpanTable, firstRows, sortByStart, sortedByStart, spanTableOf, spansOf } from './spanTable.js';
import type { SpanTable } from './spanTable.js';
import type { PiiSpan } from './types.js';

/** One value: where its decoded text sits in the view, and where its characters sit in the file. */
export interface ViewPiece {
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

/** Each value's ViewPiece fields in `PieceView.pieces`, in this order: an array of numbers, not an object per value. */
export const PIECE_FIELDS = 5;

export interface PieceView {
  /** Every value decoded, separated by blank lines so no detector joins two of them. */
  text: string;
  /** viewStart, viewEnd, rawStart, breakFrom, breakTo of each value (PIECE_FIELDS per value), in view order. */
  pieces: Int32Array;
  /**
   * Pairs (offset in the decoded value, file offset) where the two stop moving together, from (0, first character)
   * on: between two pairs both advance by one per code unit. An escape adds two pairs (its code unit, the one after).
   */
  breaks: Int32Array;
  /**
   * Where the add-on made `text`: the number under which every thread of the process can read it (nativeDetectors.ts
   * SharedPlace), so a worker thread detects its piece without a copy.
   */
  shared?: number;
}

/** How many values the view holds. */
export function pieceCount(view: PieceView): number {
  return view.pieces.length / PIECE_FIELDS;
}

/** The kth value of the view. */
export function pieceAt(view: PieceView, k: number): ViewPiece {
  const p = view.pieces;
  const at = k * PIECE_FIELDS;
  return {
    viewStart: p[at] as number,
    viewEnd: p[at + 1] as number,
    rawStart: p[at + 2] as number,
    breakFrom: p[at + 3] as number,
    breakTo: p[at + 4] as number,
  };
}

const NEWLINE = 0x0a;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Writes a view code unit by code unit into one array and makes it a string once: slicing each value (and each run
 * between two escapes of it) and joining ~800k pieces cost 1.2-1.6 CPU s on the 50 MB JSONL file of the speed bench,
 * this ~0.9 s (bench/pii-redact-phases.ts). `capacity` is a first guess at the view's length (the file's length
 * holds a JSON file's view); the array grows when a view needs more (labels).
 */
export class PieceViewWriter {
  private out: Uint16Array;
  private n = 0;
  private breaks = new Int32Array(1024);
  private pairs = 0;
  private pieces = new Int32Array(PIECE_FIELDS * 1024);
  private pieceFields = 0;
  private viewStart = 0;
  private rawStart = 0;
  private breakFrom = 0;

  constructor(capacity: number) {
    this.out = new Uint16Array(capacity);
  }

  /** Starts a value whose first character sits at `rawStart` in the file, after a blank line if one came before. */
  begin(rawStart: number, label = ''): void {
    this.room(2 + label.length);
    if (this.pieceFields) {
      this.out[this.n++] = NEWLINE;
      this.out[this.n++] = NEWLINE;
    }
    // a label is read with the value but belongs to no character of the file
    for (let k = 0; k < label.length; k++) this.out[this.n++] = label.charCodeAt(k);
    this.viewStart = this.n;
    this.rawStart = rawStart;
    this.breakFrom = this.pairs;
  }

  /** The file's characters [from, to) as they are. */
  copy(raw: string, from: number, to: number): void {
    this.room(to - from);
    const out = this.out;
    let n = this.n;
    for (let k = from; k < to; k++) out[n++] = raw.charCodeAt(k);
    this.n = n;
  }

  /** One code unit written in the file as the escape [rawAt, rawAfter). */
  escaped(unit: number, rawAt: number, rawAfter: number): void {
    if (this.breakFrom === this.pairs) this.pair(0, this.rawStart);
    this.pair(this.n - this.viewStart, rawAt);
    this.room(1);
    this.out[this.n++] = unit;
    this.pair(this.n - this.viewStart, rawAfter);
  }

  /** Ends the value begun last; an empty one is dropped (its label and separator stay, which no span can hold). */
  end(): void {
    if (this.n > this.viewStart) {
      if (this.pieceFields + PIECE_FIELDS > this.pieces.length) {
        const grown = new Int32Array(2 * this.pieces.length);
        grown.set(this.pieces);
        this.pieces = grown;
      }
      const p = this.pieces;
      const at = this.pieceFields;
      p[at] = this.viewStart;
      p[at + 1] = this.n;
      p[at + 2] = this.rawStart;
      p[at + 3] = this.breakFrom;
      p[at + 4] = this.pairs;
      this.pieceFields += PIECE_FIELDS;
    }
  }

  finish(): PieceView {
    return {
      text: unitsToString(this.out, this.n),
      pieces: this.pieces.subarray(0, this.pieceFields),
      breaks: this.breaks.subarray(0, 2 * this.pairs),
    };
  }

  private room(units: number): void {
    if (this.n + units <= this.out.length) return;
    const grown = new Uint16Array(Math.max(2 * this.out.length, this.n + units));
    grown.set(this.out.subarray(0, this.n));
    this.out = grown;
  }

  private pair(decoded: number, file: number): void {
    if (2 * this.pairs + 2 > this.breaks.length) {
      const grown = new Int32Array(2 * this.breaks.length);
      grown.set(this.breaks);
      this.breaks = grown;
    }
    this.breaks[2 * this.pairs] = decoded;
    this.breaks[2 * this.pairs + 1] = file;
    this.pairs++;
  }
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

/** The file offset of `viewOffset`, which lies in the value whose fields start at `at` in view.pieces. */
function rawOffset(view: PieceView, at: number, viewOffset: number): number {
  const p = view.pieces;
  const k = viewOffset - (p[at] as number);
  const breakFrom = p[at + 3] as number;
  const breakTo = p[at + 4] as number;
  if (breakFrom === breakTo) return (p[at + 2] as number) + k;
  // The last pair at or before k (binary search over the pairs' decoded offsets).
  const b = view.breaks;
  let lo = breakFrom;
  let hi = breakTo - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((b[2 * mid] as number) <= k) lo = mid;
    else hi = mid - 1;
  }
  return (b[2 * lo + 1] as number) + k - (b[2 * lo] as number);
}

/**
 * The spans found in the view, placed on the file: each covers whole escapes, so replacing it keeps the file valid,
 * and its text is the file's own (`raw.slice(start, end)`). A span is cut to the value it starts in (or, when it
 * starts on a value's label, the value after it): a detector that read past a value's end into the separator, or
 * took a label's words with a value, covers only the value's characters in the file.
 */
export function tableOnView(view: PieceView, found: SpanTable): SpanTable {
  const t = sortedByStart(found) ? found : sortByStart(found);
  const out = emptySpanTable(t.start.length);
  const p = view.pieces;
  let n = 0;
  let at = 0;
  for (let i = 0; i < t.start.length; i++) {
    const spanStart = t.start[i] as number;
    const spanEnd = t.end[i] as number;
    // the value this span starts in or before: the first whose end lies past the span's start
    while (at < p.length && (p[at + 1] as number) <= spanStart) at += PIECE_FIELDS;
    if (at >= p.length) break;
    const from = Math.max(spanStart, p[at] as number);
    const end = Math.min(spanEnd, p[at + 1] as number);
    if (end <= from) continue;
    copyRow(t, i, out, n);
    out.start[n] = rawOffset(view, at, from);
    out.end[n] = rawOffset(view, at, end);
    n++;
  }
  return firstRows(out, n);
}

/** tableOnView for spans as objects. */
export function spansOnView(raw: string, view: PieceView, spans: readonly PiiSpan[]): PiiSpan[] {
  return spansOf(raw, tableOnView(view, spanTableOf(spans)));
}
