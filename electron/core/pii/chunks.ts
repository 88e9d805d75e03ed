// Detection of one long text on several cores: cut it at blank lines into a few large pieces, detect each piece in
// its own worker thread, then put the spans back at their offsets and spread the names found in one piece to the
// others (what detectPii does within one text). Pure: the caller runs the pieces wherever it likes.
import { detectPii } from './detect.js';
import { nameKeys, propagateNames } from './names.js';
import type { PiiResources } from './resources.js';
import { makeSpan } from './span.js';
import { PII_TYPES } from './types.js';
import type { PiiSpan, SpanSource } from './types.js';

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

/** What one worker returns for its piece: spans at piece offsets, and the name words it found. */
export interface PieceResult {
  spans: PiiSpan[];
  keys: string[];
}

export function detectPiece(text: string, resources: PiiResources): PieceResult {
  const spans = detectPii(text, { resources });
  return { spans, keys: [...nameKeys(spans, resources)] };
}

const SOURCES: readonly SpanSource[] = ['checksum', 'pattern', 'context', 'dictionary', 'propagation', 'reviewer'];

/**
 * A piece's spans as five typed arrays, the shape a worker thread sends back: a structured copy of one object and
 * one string per span cost about a microsecond a span on each side (500k spans for a 25 MB piece), the arrays one
 * memory copy. The text of each span is sliced again from the piece (it always equals text.slice(start, end)).
 */
export interface PackedPiece {
  start: Int32Array;
  end: Int32Array;
  type: Uint8Array;
  source: Uint8Array;
  confidence: Float64Array;
  keys: string[];
}

export function packPiece(r: PieceResult): PackedPiece {
  const n = r.spans.length;
  const out = {
    start: new Int32Array(n),
    end: new Int32Array(n),
    type: new Uint8Array(n),
    source: new Uint8Array(n),
    confidence: new Float64Array(n),
    keys: r.keys,
  };
  r.spans.forEach((s, i) => {
    out.start[i] = s.start;
    out.end[i] = s.end;
    out.type[i] = PII_TYPES.indexOf(s.type);
    out.source[i] = SOURCES.indexOf(s.source);
    out.confidence[i] = s.confidence;
  });
  return out;
}

export function unpackPiece(text: string, p: PackedPiece): PieceResult {
  const spans: PiiSpan[] = [];
  for (let i = 0; i < p.start.length; i++) {
    const type = PII_TYPES[p.type[i] ?? 0];
    const source = SOURCES[p.source[i] ?? 0];
    if (type === undefined || source === undefined) throw new Error('unpackPiece: a span of unknown type or source');
    spans.push(makeSpan(text, p.start[i] ?? 0, p.end[i] ?? 0, type, p.confidence[i] ?? 0, source));
  }
  return { spans, keys: p.keys };
}

/**
 * Joins the pieces' spans at their offsets and adds, in each piece, the other mentions of names found in any other
 * piece (a propagation pass over that piece's words only: no second full detection).
 */
export function joinPieces(pieces: readonly Piece[], results: readonly PieceResult[], resources: PiiResources): PiiSpan[] {
  const all = new Set<string>();
  for (const r of results) for (const k of r.keys) all.add(k);
  const out: PiiSpan[] = [];
  pieces.forEach((p, i) => {
    const r = results[i] ?? { spans: [], keys: [] };
    const own = new Set(r.keys);
    const others = new Set([...all].filter((k) => !own.has(k)));
    const extra = others.size > 0 ? propagateNames(p.text, r.spans, others, resources) : [];
    const merged = extra.length > 0 ? [...r.spans, ...extra].sort((a, b) => a.start - b.start) : r.spans;
    // The first piece's spans are at their offsets already: no copy of each (a million spans on a 50 MB file).
    for (const s of merged) out.push(p.start === 0 ? s : { ...s, start: s.start + p.start, end: s.end + p.start });
  });
  return out;
}
