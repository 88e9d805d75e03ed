// The report lines written by hand are exactly JSON.stringify of the same fields, for every kind of text a span or
// replacement can hold, and odd values fall back to JSON.stringify's own handling.
import { describe, expect, it } from 'vitest';
import { PII_TYPES } from './types.js';
import type { PiiSpan, PiiType, SpanSource } from './types.js';
import type { Replacement } from './redact.js';
import { replacementJson, spanJson } from './reportLines.js';

// Texts with every escape JSON.stringify makes: quotes, backslashes, control characters, lone surrogates, and
// characters it keeps as they are (non-ASCII, pairs, U+2028).
const TEXTS = ['Jane Doe', 'O"Brien', 'a\\b', 'line\nbreak\t\r', '\u0000\u001f\u007f', 'Zoë 漢字 😀', '\ud800', 'x\udc00y', '\u2028\u2029', ''];
const SOURCES: readonly SpanSource[] = ['checksum', 'pattern', 'context', 'dictionary', 'propagation', 'reviewer'];

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

describe('report lines', () => {
  it('equal JSON.stringify of the same six span fields, extra fields left out', () => {
    const r = random(7);
    for (let i = 0; i < 2000; i++) {
      const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
      const start = Math.floor(r() * 1e7);
      const span = {
        start,
        end: start + 1 + Math.floor(r() * 40),
        type: pick(PII_TYPES),
        text: pick(TEXTS) + pick(TEXTS),
        confidence: pick([0, 0.35, 0.9, 1, 0.123456789, r()]),
        source: pick(SOURCES),
        extra: 'not written',
      } as PiiSpan;
      const { start: s, end, type, text, confidence, source } = span;
      expect(spanJson(span)).toBe(JSON.stringify({ start: s, end, type, text, confidence, source }));
      const rep: Replacement = { start: s, end, type: span.type, replacement: pick(TEXTS) };
      expect(replacementJson(rep)).toBe(JSON.stringify({ start: s, end, type: rep.type, replacement: rep.replacement }));
    }
  });

  it('write what JSON.stringify writes for values with no plain JSON form', () => {
    const odd = [
      { start: NaN, end: Infinity, type: 'NAME' as PiiType, text: 'x', confidence: 0.5, source: 'pattern' },
      { start: 1, end: 2, type: 'NAME' as PiiType, text: 'x', confidence: undefined as unknown as number, source: 'pattern' },
      { start: 1, end: 2, type: 'NAME' as PiiType, text: undefined as unknown as string, confidence: 1, source: undefined as unknown as 'pattern' },
    ] as PiiSpan[];
    for (const s of odd) {
      expect(spanJson(s)).toBe(JSON.stringify({ start: s.start, end: s.end, type: s.type, text: s.text, confidence: s.confidence, source: s.source }));
    }
    const rep = { start: -0, end: 2, type: 'DATE' as PiiType, replacement: undefined as unknown as string };
    expect(replacementJson(rep)).toBe(JSON.stringify({ start: rep.start, end: rep.end, type: rep.type, replacement: rep.replacement }));
  });
});
