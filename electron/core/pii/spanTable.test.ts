// Spans as columns: the same spans come back out, rows are picked and ordered as the object paths did it, and a
// table that names no type or source is refused rather than read as some other kind.
import { describe, expect, it } from 'vitest';
import { countByType } from './report.js';
import { makeSpan } from './span.js';
import { countTableByType, firstRows, rowsOfTypes, sortByStart, sortedByStart, spanAt, spanTableOf, spansOf } from './spanTable.js';
import { PII_TYPES } from './types.js';
import type { PiiSpan } from './types.js';

const text = 'Jane Doe, 03/14/1951, (937) 555-0142, jane@example.com, Springfield 62701.';
const at = (s: string, type: PiiSpan['type'], source: PiiSpan['source'] = 'pattern', confidence = 0.9) => {
  const start = text.indexOf(s);
  return makeSpan(text, start, start + s.length, type, confidence, source);
};
const spans = [
  at('Jane Doe', 'NAME', 'dictionary', 0.123456789),
  at('03/14/1951', 'DATE'),
  at('(937) 555-0142', 'PHONE', 'context', 1),
  at('jane@example.com', 'EMAIL', 'checksum', 0),
  at('Springfield', 'LOCATION', 'propagation', 0.5),
  at('62701', 'ZIP', 'reviewer'),
];

describe('span tables', () => {
  it('give back the spans they were made of, every type and source included', () => {
    expect(spansOf(text, spanTableOf(spans))).toEqual(spans);
    const all = PII_TYPES.map((type, i) => makeSpan(text, i, i + 1, type, i / 10, 'pattern'));
    expect(spansOf(text, spanTableOf(all))).toEqual(all);
    expect(spanAt(text, spanTableOf(spans), 2)).toEqual(spans[2]);
  });

  it('refuse a row whose type or source names none', () => {
    const t = spanTableOf(spans);
    expect(() => spanAt(text, { ...t, type: t.type.map(() => PII_TYPES.length) }, 0)).toThrow(/unknown type or source/);
    expect(() => spansOf(text, spanTableOf([{ ...spans[0], source: 'guess' } as unknown as PiiSpan]))).toThrow(/unknown type or source/);
  });

  it('keep the rows of the asked types in order, and count them as countByType counts objects', () => {
    const t = spanTableOf([...spans, at('Jane Doe', 'NAME')]);
    const kept = rowsOfTypes(t, ['NAME', 'ZIP']);
    expect(spansOf(text, kept)).toEqual([spans[0], spans[5], at('Jane Doe', 'NAME')]);
    expect(countTableByType(t)).toEqual(countByType([...spans, at('Jane Doe', 'NAME')]));
    expect(countTableByType(kept)).toMatchObject({ NAME: 2, ZIP: 1, DATE: 0 });
    expect(spansOf(text, rowsOfTypes(t, []))).toEqual([]);
    expect(spansOf(text, firstRows(t, 2))).toEqual(spans.slice(0, 2));
  });

  it('sort rows by start, keeping the order of rows that start together', () => {
    const shuffled = [spans[3], spans[1], { ...spans[1], type: 'AGE' as const }, spans[0], spans[5], spans[2], spans[4]] as PiiSpan[];
    const t = spanTableOf(shuffled);
    expect(sortedByStart(t)).toBe(false);
    const sorted = sortByStart(t);
    expect(sortedByStart(sorted)).toBe(true);
    expect(spansOf(text, sorted)).toEqual([...shuffled].sort((a, b) => a.start - b.start));
    expect(spansOf(text, sorted)[2]?.type).toBe('AGE');
  });
});
