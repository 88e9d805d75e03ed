// The add-on's writers of data redact's masked copy and report span lines write the bytes the JavaScript path
// writes: the whole masked text as Node encodes it (what bufferedWriter.ts's pieces add up to), and spanJson's lines,
// on texts full of what encoders and JSON treat apart (surrogate pairs cut by a span's edge, lone halves, control
// characters, quotes), in UTF-8 and both UTF-16s. Where they cannot take the spans they write nothing and say so.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WriterEncoding } from '../disk/bufferedWriter.js';
import { nativeDetectors, nativeDetectorsStatus } from './nativeDetectors.js';
import { WINDOW, writeMaskedCopyNative, writeSpanLinesNative } from './nativeOutput.js';
import { maskText } from './redact.js';
import { spanJson } from './reportLines.js';
import { spanTableOf } from './spanTable.js';
import { PII_TYPES } from './types.js';
import type { PiiSpan, SpanSource } from './types.js';

// Built by `npm ci` (native/pii/build.mjs); only an install that skipped every native build may lack it.
const skipped = !nativeDetectors()?.output && process.env['FIELDTUNE_SKIP_NATIVE'] === '1';
if (skipped) console.log(`[nativeOutput.test] skipped: the add-on is ${nativeDetectorsStatus()} and FIELDTUNE_SKIP_NATIVE=1`);

const PIECES = ['Jane Doe', ' ', '\n', 'O"Brien', 'a\\b', '\t\r\b\f', '\u0000\u001f\u007f', 'Zoë 漢字', '😀', '\ud800', '\udc00', '\u2028', 'é'];
const SOURCES: readonly SpanSource[] = ['checksum', 'pattern', 'context', 'dictionary', 'propagation'];

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

/** A text of random pieces and spans over it in order and apart, some cutting a surrogate pair, some empty. */
function sample(r: () => number, length: number): { text: string; spans: PiiSpan[] } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  let text = '';
  while (text.length < length) text += pick(PIECES);
  const spans: PiiSpan[] = [];
  let at = 0;
  while (at < text.length) {
    const start = at + Math.floor(r() * 12);
    const end = Math.min(text.length, start + Math.floor(r() * 9));
    if (start > text.length) break;
    const confidence = pick([0.5, 0.92, 0.35, 1, 0.123456789, 0]);
    spans.push({ start, end, type: pick(PII_TYPES), text: text.slice(start, end), confidence, source: pick(SOURCES) });
    at = end;
  }
  return { text, spans };
}

const dir = mkdtempSync(join(tmpdir(), 'native-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The bytes `write` writes to a fresh file, and what it returned. */
function written<T>(write: (fd: number) => T): { bytes: Buffer; result: T } {
  const path = join(dir, `out-${files++}`);
  const fd = openSync(path, 'w');
  let result: T;
  try {
    result = write(fd);
  } finally {
    closeSync(fd);
  }
  return { bytes: readFileSync(path), result };
}

function encoded(text: string, encoding: WriterEncoding): Buffer {
  const bytes = Buffer.from(text, encoding === 'utf8' ? 'utf8' : 'utf16le');
  return encoding === 'utf16be' ? bytes.swap16() : bytes;
}

describe.skipIf(skipped)("the add-on's writers of the masked copy and the report lines", () => {
  it('write the masked copy as maskText gives it, encoded as Node encodes it, in UTF-8 and both UTF-16s', () => {
    const r = random(11);
    for (let round = 0; round < 60; round++) {
      const { text, spans } = sample(r, 1 + Math.floor(r() * 400));
      for (const encoding of ['utf8', 'utf16le', 'utf16be'] as const) {
        // handed over whole, and a few characters at a time (gaps cut between characters, never inside a pair)
        for (const window of [WINDOW, 2, 3, 17]) {
          const { bytes, result } = written((fd) => writeMaskedCopyNative(fd, encoding, text, spanTableOf(spans), () => true, window));
          expect(result).toBe(true);
          expect(bytes.equals(encoded(maskText(text, spans).text, encoding))).toBe(true);
        }
      }
    }
  });

  it('write the span lines as spanJson gives them, separated as an array is in the report', () => {
    const r = random(5);
    for (let round = 0; round < 60; round++) {
      const { text, spans } = sample(r, 1 + Math.floor(r() * 400));
      const expected = spans.map((s, i) => `${i ? ',' : ''}\n  ${spanJson(s)}`).join('');
      for (const window of [WINDOW, 1, 10, 50]) {
        const { bytes, result } = written((fd) => writeSpanLinesNative(fd, text, spanTableOf(spans), window));
        expect(result).toBe(true);
        expect(bytes.toString('utf8')).toBe(expected);
        expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }
    }
  });

  it('write spans in any order, overlapping ones too, line by line as they come', () => {
    const r = random(9);
    const { text, spans } = sample(r, 300);
    const shuffled = [...spans, ...spans.slice(0, 5)].sort(() => r() - 0.5);
    for (const window of [WINDOW, 4]) {
      const { bytes } = written((fd) => writeSpanLinesNative(fd, text, spanTableOf(shuffled), window));
      expect(bytes.toString('utf8')).toBe(shuffled.map((s, i) => `${i ? ',' : ''}\n  ${spanJson(s)}`).join(''));
    }
  });

  it('write a copy of over a MB in many pieces whole (the add-on writes a MB at a time)', () => {
    const r = random(3);
    const { text, spans } = sample(r, 1_500_000);
    const { bytes } = written((fd) => writeMaskedCopyNative(fd, 'utf8', text, spanTableOf(spans)));
    expect(bytes.equals(Buffer.from(maskText(text, spans).text, 'utf8'))).toBe(true);
    const lines = written((fd) => writeSpanLinesNative(fd, text, spanTableOf(spans))).bytes;
    expect(lines.length).toBeGreaterThan(1 << 20);
    expect(lines.toString('utf8')).toBe(spans.map((s, i) => `${i ? ',' : ''}\n  ${spanJson(s)}`).join(''));
  });

  it('write nothing and say no for spans out of order or overlapping, outside the text, or not what detection makes', () => {
    const text = 'Jane Doe met John Roe on 1 May 2024.';
    const span = (start: number, end: number, extra: Partial<PiiSpan> = {}): PiiSpan => ({
      start,
      end,
      type: 'NAME',
      text: text.slice(start, end),
      confidence: 0.9,
      source: 'dictionary',
      ...extra,
    });
    const unknownType = { ...spanTableOf([span(0, 8)]), type: new Uint8Array([PII_TYPES.length]) };
    const copyRefused = [[span(9, 13), span(0, 8)], [span(0, 8), span(5, 13)], [span(0, 99)], [span(-1, 8)], [span(5, 4)]].map((s) => spanTableOf(s));
    for (const spans of [...copyRefused, unknownType]) {
      const { bytes, result } = written((fd) => writeMaskedCopyNative(fd, 'utf8', text, spans));
      expect(result).toBe(false);
      expect(bytes.length).toBe(0);
    }
    // a mask the file's format cannot take leaves the copy to the JavaScript path
    expect(written((fd) => writeMaskedCopyNative(fd, 'utf8', text, spanTableOf([span(0, 8)]), () => false)).result).toBe(false);
    const linesRefused = [
      [span(0, 8, { confidence: NaN })],
      [span(0, 8, { confidence: Infinity })],
      [span(0, 99)],
      [span(-1, 8)],
      [span(5, 4)],
      [span(0, 8, { source: 'wörd' as SpanSource })],
    ].map((s) => spanTableOf(s));
    for (const spans of [...linesRefused, unknownType]) {
      const { bytes, result } = written((fd) => writeSpanLinesNative(fd, text, spans));
      expect(result).toBe(false);
      expect(bytes.length).toBe(0);
    }
  });

  it('throw with the reason when the file cannot be written', () => {
    const path = join(dir, 'read-only');
    closeSync(openSync(path, 'w'));
    const fd = openSync(path, 'r');
    try {
      expect(() => writeMaskedCopyNative(fd, 'utf8', 'Jane Doe', spanTableOf([]))).toThrow(/could not write the file: Bad file descriptor/);
    } finally {
      closeSync(fd);
    }
  });
});
