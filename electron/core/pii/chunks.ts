// Detection of one long text on several cores: cut it at blank lines into a few large pieces, detect each piece in
// its own worker thread, then put the spans back at their offsets and spread the names found in one piece to the
// others (what detectPii does within one text). Pure: the caller runs the pieces wherever it likes.
import { detectPiiTable } from './detect.js';
import { nameKeysOfTable, propagateNames } from './namePropagation.js';
import { nativeDetectors } from './nativeDetectors.js';
import type { SharedPlace } from './nativeDetectors.js';
import type { PiiResources } from './resources.js';
import { copyRow, emptySpanTable, sortByStart, sortedByStart, spanTableOf } from './spanTable.js';
import type { SpanTable } from './spanTable.js';

export interface Piece {
  /** Offset of the piece in the whole text (UTF-16 code units). */
  start: number;
  text: string;
}

/**
 * At most `count` pieces of roughly equal length, each cut after a blank line (else after a line break, else where
 * it falls) so that no sentence, address block or citation is split. Pieces cover the text exactly, in order.
 */
export function splitAtParagraphs(text: string, count: number): Piece[] {
  const pieces: Piece[] = [];
  const target = Math.ceil(text.length / Math.max(1, count));
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + target);
    if (end < text.length) {
      // Look ahead a little for a paragraph break, then a line break; a text with neither is cut where it falls.
      const para = text.indexOf('\n\n', end);
      const line = text.indexOf('\n', end);
      if (para >= 0 && para - end < 1_000_000) end = para + 2;
      else if (line >= 0 && line - end < 100_000) end = line + 1;
    }
    pieces.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return pieces;
}

/**
 * What one worker returns for its piece: its spans at piece offsets as a span table (spanTable.ts), which a worker
 * thread sends back as five memory copies (a structured copy of one object and one string per span cost about a
 * microsecond a span on each side: 500k spans for a 25 MB piece), and the name words it found.
 */
export interface PackedPiece extends SpanTable {
  keys: string[];
}

/** A piece's spans and name words; `shared`: where the add-on holds its text, read there rather than copied. */
export function detectPiece(text: string, resources: PiiResources, shared?: SharedPlace): PackedPiece {
  const spans = detectPiiTable(text, { resources, ...(shared ? { shared } : {}) });
  return { ...spans, keys: [...nameKeysOfTable(text, spans, resources)] };
}

/**
 * What a worker thread gets to detect one piece: its text, or, where the add-on made the whole text and shares it
 * (nativeDetectors.ts SharedPlace), units [start, end) of shared text `id`, read there: a structured copy of a 25 MB
 * piece, written by one thread and read by the other, cost ~0.3 CPU s and ~100 MB of fresh memory.
 */
export type DetectPieceInput = ({ text: string } | { shared: { id: number; start: number; end: number } }) & { resourceDir?: string };

/** detectPiece of a worker's input (DetectPieceInput); throws where the shared text is gone or the add-on missing. */
export function detectPieceInput(input: DetectPieceInput, resources: PiiResources): PackedPiece {
  if ('text' in input) return detectPiece(input.text, resources);
  const { id, start, end } = input.shared;
  const native = nativeDetectors()?.text;
  if (!native) throw new Error('a shared piece needs the compiled detectors, which this thread could not load');
  return detectPiece(native.sharedText(id, start, end), resources, { id, start });
}

/**
 * Joins the pieces' spans at their offsets into one table and adds, in each piece, the other mentions of names found
 * in any other piece (a propagation pass over that piece's words only: no second full detection).
 */
export function joinPieces(pieces: readonly Piece[], results: readonly PackedPiece[], resources: PiiResources): SpanTable {
  const all = new Set<string>();
  for (const r of results) for (const k of r.keys) all.add(k);
  const own = pieces.map((_, i) => {
    const r = results[i] ?? { ...emptySpanTable(0), keys: [] };
    return sortedByStart(r) ? r : { ...sortByStart(r), keys: r.keys };
  });
  const extras = pieces.map((p, i) => {
    const r = own[i] as PackedPiece;
    const mine = new Set(r.keys);
    const others = new Set([...all].filter((k) => !mine.has(k)));
    return spanTableOf(others.size > 0 ? propagateNames(p.text, r, others, resources) : []);
  });
  let total = 0;
  for (let i = 0; i < pieces.length; i++) total += (own[i] as SpanTable).start.length + (extras[i] as SpanTable).start.length;
  const out = emptySpanTable(total);
  let n = 0;
  pieces.forEach((p, i) => {
    // Both lists are sorted by start: merged, a piece's own span first where two start together.
    const a = own[i] as SpanTable;
    const b = extras[i] as SpanTable;
    let x = 0;
    let y = 0;
    while (x < a.start.length || y < b.start.length) {
      if (y >= b.start.length || (x < a.start.length && (a.start[x] as number) <= (b.start[y] as number))) copyRow(a, x++, out, n++, p.start);
      else copyRow(b, y++, out, n++, p.start);
    }
  });
  return out;
}
