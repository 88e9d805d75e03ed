// A long text detected in pieces (one per worker thread) gives the spans the whole text gives: pieces cover it
// exactly, are cut at blank lines, and names found in one piece are found in the others.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { piecesFor } from '../workers/piiLongText.js';
import { detectPiece, joinPieces, splitAtParagraphs } from './chunks.js';
import { detectPii, detectPiiTable } from './detect.js';
import { nameKeys } from './namePropagation.js';
import { nativeDetectors, nativeDetectorsStatus } from './nativeDetectors.js';
import { loadPiiResources } from './resources.js';
import { spansOf } from './spanTable.js';

const resources = loadPiiResources();
const dir = fileURLToPath(new URL('../../../test/fixtures/pii/tune/', import.meta.url));
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(dir + f, 'utf8').replace(/\r\n/g, '\n'))
  .join('\n\n');

describe('detection in pieces', () => {
  it('cuts at blank lines and covers the text exactly, in order', () => {
    const pieces = splitAtParagraphs(corpus, 4);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.map((p) => p.text).join('')).toBe(corpus);
    for (const p of pieces) expect(corpus.slice(p.start, p.start + p.text.length)).toBe(p.text);
    for (const p of pieces.slice(0, -1)) expect(p.text.endsWith('\n\n')).toBe(true);
  });

  it('finds what the whole text gives, a name from one piece included in the others', () => {
    // "Okonkwo" is found by its title in the first piece only; the later bare mention needs the join's propagation.
    const text = `${corpus}\n\nLetter: Dr. Chidi Okonkwo reviewed the chart.\n\n${corpus}\n\nOkonkwo signed off.\n`;
    const pieces = splitAtParagraphs(text, 3);
    const joined = spansOf(
      text,
      joinPieces(
        pieces,
        pieces.map((p) => detectPiece(p.text, resources)),
        resources,
      ),
    );
    const whole = detectPii(text, { resources });
    const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
    expect(joined.map(key).sort()).toEqual(whole.map(key).sort());
    for (const s of joined) expect(text.slice(s.start, s.end)).toBe(s.text);
    // in order, as the writers take them (a piece's own spans and its propagated ones merged)
    expect(joined.every((s, i) => i === 0 || (joined[i - 1] as { start: number }).start <= s.start)).toBe(true);
    const last = text.lastIndexOf('Okonkwo signed');
    expect(joined.some((s) => s.start === last && s.type === 'NAME')).toBe(true);
  });

  it("gives a piece as a span table that crosses threads whole: detectPii's spans and their name words", () => {
    const text = `${corpus}\n\nLetter: Dr. Chidi Okonkwo reviewed the chart.`;
    const piece = detectPiece(text, resources);
    const spans = detectPii(text, { resources });
    expect(spans.length).toBeGreaterThan(100);
    expect(piece.start).toBeInstanceOf(Int32Array);
    expect(new Set(spans.map((s) => s.source)).size).toBeGreaterThan(3);
    const copied = structuredClone(piece);
    expect(spansOf(text, copied)).toEqual(spans);
    expect(new Set(copied.keys)).toEqual(nameKeys(spans, resources));
    expect(copied.keys).toContain('okonkwo');
    // the TypeScript detectors' table, where the add-on is not taken, is theirs too
    expect(spansOf(text, detectPiiTable(text, { resources, compiled: false }))).toEqual(detectPii(text, { resources, compiled: false }));
  });

  it('uses one thread per 5 M characters, at most one per core, and none extra for a text under 10 M', () => {
    expect(piecesFor(20_000_000, 16)).toBe(4);
    expect(piecesFor(20_000_000, 2)).toBe(2);
    expect(piecesFor(10_000_000, 16)).toBe(2);
    expect(piecesFor(9_000_000, 16)).toBe(1);
  });
});

describe('detection of a long text in worker threads', () => {
  it('gives the spans of one-thread detection, through real worker threads', async () => {
    const { detectLongText } = await import('../workers/piiLongText.js');
    const text = `${corpus}\n\nLetter: Dr. Chidi Okonkwo reviewed the chart.\n\n${corpus}\n\nOkonkwo signed off.\n`;
    const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
    const errors: unknown[] = [];
    const threaded = await detectLongText(text, resources, { cores: 2, pieceMin: Math.floor(text.length / 2) - 10, onThreadError: (e) => errors.push(e) });
    expect(errors).toEqual([]);
    expect(spansOf(text, threaded).map(key).sort()).toEqual(detectPii(text, { resources }).map(key).sort());
  }, 60_000);

  it("reads the pieces where the add-on holds a JSON view's text: a worker given a number no text holds fails over", async (ctx) => {
    const native = nativeDetectors()?.text;
    if (!native) return ctx.skip(`the add-on is ${nativeDetectorsStatus()}: no shared texts`);
    const { detectLongText } = await import('../workers/piiLongText.js');
    const raw = corpus
      .split('\n\n')
      .map((note, i) => JSON.stringify({ id: i, note }))
      .join('\n');
    const [text, , , id] = native.jsonStringsView(raw);
    expect(id).toBeGreaterThan(0);
    const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
    const expected = detectPii(text, { resources }).map(key).sort();
    const run = async (shared: number) => {
      const errors: unknown[] = [];
      const found = await detectLongText(text, resources, {
        cores: 2,
        pieceMin: Math.floor(text.length / 2) - 10,
        shared,
        onThreadError: (e) => errors.push(e),
      });
      return { errors: errors.map((e) => (e as Error).message), spans: spansOf(text, found).map(key).sort() };
    };
    expect(await run(id!)).toEqual({ errors: [], spans: expected });
    // A worker thread given the second half by number finds what this thread finds in a copy of it.
    const { runInWorker } = await import('../workers/runInWorker.js');
    const half = Math.floor(text.length / 2);
    const piece = await runInWorker('pii.detectPiece', { shared: { id: id!, start: half, end: text.length } });
    expect(piece).toEqual(detectPiece(text.slice(half), resources));
    await expect(runInWorker('pii.detectPiece', { shared: { id: 2 ** 32 - 2, start: 0, end: 5 } })).rejects.toThrow(/no longer held/);
    // Proof that the threads read by number: one no text holds fails them, and this thread detects the whole text.
    expect(await run(2 ** 32 - 2)).toEqual({ errors: [expect.stringMatching(/no longer held/)], spans: expected });
  }, 60_000);

  it('detects on this thread instead, and says so, when a worker thread fails', async () => {
    const { detectLongText } = await import('../workers/piiLongText.js');
    const text = `${corpus}\n\nLetter: Dr. Chidi Okonkwo reviewed the chart.\n\n${corpus}\n\nOkonkwo signed off.\n`;
    const errors: unknown[] = [];
    // The worker loads its word lists from this folder, which does not exist; this thread has its own.
    const found = await detectLongText(text, resources, {
      cores: 2,
      pieceMin: Math.floor(text.length / 2) - 10,
      resourceDir: '/nonexistent/fieldtune-pii-resources',
      onThreadError: (e) => errors.push(e),
    });
    expect(errors).toHaveLength(1);
    expect(spansOf(text, found)).toEqual(detectPii(text, { resources }));
  }, 60_000);
});
