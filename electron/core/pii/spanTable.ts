// Spans as five typed columns instead of one object each: the shape a worker thread sends a piece's spans back in,
// and the one `data redact` carries from detection to its writers. A million span objects on its main thread (a
// 50 MB JSONL file) were made three or four times over (unpacked, moved to the whole text, placed on the file) and
// each lived to the end, so the young-generation collector copied every one before promoting it: that, not the
// detectors, was most of the main thread's CPU outside detection (bench/pii-RESULTS.md speed round 12). A span's
// text is never stored: it is always text.slice(start, end) of the text the table belongs to.
import { makeSpan } from './span.js';
import { PII_TYPES } from './types.js';
import type { PiiSpan, PiiType, SpanSource } from './types.js';
import type { TypeCounts } from './report.js';

export const SPAN_SOURCES: readonly SpanSource[] = ['checksum', 'pattern', 'context', 'dictionary', 'propagation', 'reviewer'];

export interface SpanTable {
  start: Int32Array;
  end: Int32Array;
  /** Index into PII_TYPES. */
  type: Uint8Array;
  /** Index into SPAN_SOURCES. */
  source: Uint8Array;
  confidence: Float64Array;
}

export function emptySpanTable(n: number): SpanTable {
  return { start: new Int32Array(n), end: new Int32Array(n), type: new Uint8Array(n), source: new Uint8Array(n), confidence: new Float64Array(n) };
}

/** Row `i` of `from` written to row `j` of `to`, `shift` added to its offsets. */
export function copyRow(from: SpanTable, i: number, to: SpanTable, j: number, shift = 0): void {
  to.start[j] = (from.start[i] as number) + shift;
  to.end[j] = (from.end[i] as number) + shift;
  to.type[j] = from.type[i] as number;
  to.source[j] = from.source[i] as number;
  to.confidence[j] = from.confidence[i] as number;
}

export function spanTableOf(spans: readonly PiiSpan[]): SpanTable {
  const t = emptySpanTable(spans.length);
  spans.forEach((s, i) => {
    t.start[i] = s.start;
    t.end[i] = s.end;
    t.type[i] = PII_TYPES.indexOf(s.type);
    t.source[i] = SPAN_SOURCES.indexOf(s.source);
    t.confidence[i] = s.confidence;
  });
  return t;
}

/** The first `n` rows (a view, not a copy). */
export function firstRows(t: SpanTable, n: number): SpanTable {
  return {
    start: t.start.subarray(0, n),
    end: t.end.subarray(0, n),
    type: t.type.subarray(0, n),
    source: t.source.subarray(0, n),
    confidence: t.confidence.subarray(0, n),
  };
}

/** Row `i` as a span of `text`; throws on a type or source index that names none (a table from elsewhere). */
export function spanAt(text: string, t: SpanTable, i: number): PiiSpan {
  const type = PII_TYPES[t.type[i] ?? 255];
  const source = SPAN_SOURCES[t.source[i] ?? 255];
  if (type === undefined || source === undefined) throw new Error('span table: a span of unknown type or source');
  return makeSpan(text, t.start[i] ?? 0, t.end[i] ?? 0, type, t.confidence[i] ?? 0, source);
}

export function spansOf(text: string, t: SpanTable): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (let i = 0; i < t.start.length; i++) out.push(spanAt(text, t, i));
  return out;
}

/** The rows whose type `keep` lists, in order. */
export function rowsOfTypes(t: SpanTable, keep: readonly PiiType[]): SpanTable {
  const wanted = new Uint8Array(256);
  for (const type of keep) wanted[PII_TYPES.indexOf(type)] = 1;
  const out = emptySpanTable(t.start.length);
  let n = 0;
  for (let i = 0; i < t.start.length; i++) if (wanted[t.type[i] as number]) copyRow(t, i, out, n++);
  return firstRows(out, n);
}

export function countTableByType(t: SpanTable): TypeCounts {
  const byIndex = new Float64Array(256);
  for (let i = 0; i < t.type.length; i++) {
    const k = t.type[i] as number;
    byIndex[k] = (byIndex[k] as number) + 1;
  }
  return Object.fromEntries(PII_TYPES.map((type, k) => [type, byIndex[k] as number])) as TypeCounts;
}

/** True when rows are sorted by start (what detection returns, what the writers and the view's placement need). */
export function sortedByStart(t: SpanTable): boolean {
  for (let i = 1; i < t.start.length; i++) if ((t.start[i - 1] as number) > (t.start[i] as number)) return false;
  return true;
}

/** The rows reordered by start (stable), for the rare table that is not. */
export function sortByStart(t: SpanTable): SpanTable {
  const order = Array.from(t.start.keys()).sort((a, b) => (t.start[a] as number) - (t.start[b] as number) || a - b);
  const out = emptySpanTable(order.length);
  order.forEach((i, j) => copyRow(t, i, out, j));
  return out;
}
