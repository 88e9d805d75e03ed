// The add-on's readers of data redact's input: its UTF-8 decoder gives Node's text for well-formed bytes and refuses
// the rest as Node's isUtf8 does, and its JSON strings view is jsonStrings.ts's, unit for unit and pair for pair, on
// JSON full of what the view treats apart (escapes good and bad, keys, unclosed literals, lone surrogates). The view's
// text is shared by number with the process's other threads, and freed with its string.
import { isUtf8 } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import { rateBenchInputs } from '../../../bench/piiBenchInputs.js';
import { jsonStringsView, jsonStringsViewTs } from './jsonStrings.js';
import { nativeAddonPath, nativeDetectors, nativeDetectorsStatus } from './nativeDetectors.js';
import { loadPiiResources } from './resources.js';

// Built by `npm ci` (native/pii/build.mjs); only an install that skipped every native build may lack it.
const native = nativeDetectors()?.text;
const skipped = !native && process.env['FIELDTUNE_SKIP_NATIVE'] === '1';
if (skipped) console.log(`[nativeText.test] skipped: the add-on is ${nativeDetectorsStatus()} and FIELDTUNE_SKIP_NATIVE=1`);

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

describe.skipIf(skipped)("the add-on's UTF-8 decoder", () => {
  it('decodes what Node decodes, astral characters and every sequence length, across the eight-byte blocks', () => {
    const pieces = [
      'a',
      'Zoë',
      ' ',
      '\n',
      '漢字',
      '😀',
      'é',
      '\u0000',
      '\u007f',
      '\u0080',
      '\u07ff',
      '\u0800',
      '\uffff',
      '\u{10000}',
      '\u{10ffff}',
      'x'.repeat(9),
    ];
    const texts = randomMixes(5, pieces, 400, 0, 40);
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      expect(native!.decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
      // a view into a larger buffer: the bytes it covers, not its buffer's
      const framed = Buffer.concat([Buffer.from('héllo'), bytes, Buffer.from('!!')]);
      expect(native!.decodeUtf8(framed.subarray(6, 6 + bytes.length))).toBe(text);
    }
  });

  it('refuses exactly the byte strings Node calls not UTF-8 (overlong, surrogates, past U+10FFFF, cut, stray)', () => {
    const r = random(11);
    const edgy = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(r() * 14) }, () => edgy[Math.floor(r() * edgy.length)] as number));
      const decoded = native!.decodeUtf8(bytes);
      if (isUtf8(bytes)) expect(decoded, bytes.toString('hex')).toBe(bytes.toString('utf8'));
      else {
        expect(decoded, bytes.toString('hex')).toBeNull();
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(1000);
    expect(native!.decodeUtf8(new Uint8Array(0))).toBe('');
  });
});

describe.skipIf(skipped)("the add-on's JSON strings view", () => {
  function expectTwins(raw: string): void {
    const ts = jsonStringsViewTs(raw);
    const [text, pieces, breaks] = native!.jsonStringsView(raw);
    expect(text).toBe(ts.text);
    expect([...pieces]).toEqual([...ts.pieces]);
    expect([...breaks]).toEqual([...ts.breaks]);
  }

  it('is the TypeScript view on random JSON-like text: escapes good and bad, keys, unclosed literals, lone surrogates', () => {
    const pieces = [
      '"',
      '"',
      '\\',
      '\\"',
      '\\n',
      '\\u00e9',
      '\\u12',
      '\\q',
      ':',
      ' : ',
      ',',
      '\n',
      '\r\n',
      '{',
      '}',
      'a',
      'Anna Berg',
      'é',
      '😀',
      '\ud800',
      '\t',
    ];
    for (const raw of randomMixes(29, pieces, 2000, 0, 60)) expectTwins(raw);
  });

  it('comes with the text from one decoding (decodeUtf8WithJsonView) as it does from the text', () => {
    const pieces = ['{"k": "', '"', '\\n', '\\u00e9', 'Anna Berg', 'é', '😀', '\n', ': ', '漢字'];
    for (const raw of randomMixes(31, pieces, 300, 0, 40)) {
      const both = native!.decodeUtf8WithJsonView(Buffer.from(raw, 'utf8'));
      expect(both?.[0]).toBe(raw);
      const ts = jsonStringsViewTs(raw);
      expect([both?.[1][0], [...(both?.[1][1] ?? [])], [...(both?.[1][2] ?? [])]]).toEqual([ts.text, [...ts.pieces], [...ts.breaks]]);
    }
    expect(native!.decodeUtf8WithJsonView(Buffer.from([0x22, 0xc0, 0x80, 0x22]))).toBeNull();
  });

  it('is the TypeScript view on the speed bench dataset, and jsonStringsView takes it', () => {
    const { dataset } = rateBenchInputs(90);
    const escaped = dataset.replace(/[^\x20-\x7e\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    for (const raw of [dataset, escaped]) {
      expectTwins(raw);
      expect(jsonStringsView(raw).text).toBe(jsonStringsViewTs(raw).text);
    }
  });
});

describe.skipIf(skipped)("the add-on's shared texts (native/pii/src/sharedText.h)", () => {
  const detectors = nativeDetectors();
  const resources = loadPiiResources();
  const { dataset } = rateBenchInputs(2);

  it("shares a JSON view's text by number: any range of it comes back as that slice, and detection reads it in place", () => {
    const [text, , , id] = native!.jsonStringsView(dataset);
    // Node 20 makes external strings (the runtime this runs on); where it copies instead the number is 0
    expect(id).toBeGreaterThan(0);
    expect(native!.jsonStringsView(dataset)[3]).not.toBe(id);
    const next = random(41);
    for (let k = 0; k < 50; k++) {
      const a = Math.floor(next() * text.length);
      const b = a + Math.floor(next() * (text.length - a));
      expect(native!.sharedText(id!, a, b)).toBe(text.slice(a, b));
    }
    expect(native!.sharedText(id!, text.length, text.length)).toBe('');
    const half = Math.floor(text.length / 2);
    for (const [a, b] of [
      [0, half],
      [half, text.length],
    ] as const) {
      const piece = text.slice(a, b);
      expect(detectors!.detectTable(piece, resources, 0.3, { id: id!, start: a })).toEqual(detectors!.detectTable(piece, resources, 0.3));
    }
  });

  it('refuses a range past the text, a number no text holds, and a text longer than the shared one from its start', () => {
    const [text, , , id] = native!.jsonStringsView(dataset);
    expect(() => native!.sharedText(id!, 0, text.length + 1)).toThrow(/outside the text/);
    expect(() => native!.sharedText(id!, 5, 4)).toThrow(/outside the text/);
    expect(() => native!.sharedText(2 ** 32 - 2, 0, 1)).toThrow(/no longer held/);
    expect(() => detectors!.detectTable(text.slice(0, 100), resources, 0.3, { id: id!, start: text.length - 50 })).toThrow(/longer than the shared text/);
    expect(() => detectors!.detectTable('Anna Berg', resources, 0.3, { id: 2 ** 32 - 2, start: 0 })).toThrow(/no longer held/);
  });

  it('frees a shared text with its string: once V8 has collected the string, its number finds nothing', () => {
    // In a process of its own, where the garbage collector can be called (--expose-gc).
    const script = `
      const addon = require(${JSON.stringify(nativeAddonPath())});
      let parts = addon.jsonStringsView('{"note": "Anna Berg, 12 Elm Street"}');
      const id = parts[3];
      // compared, not kept: a range of the text is a string over it too, holding it
      const before = addon.sharedText(id, 0, 9) === 'Anna Berg';
      parts = null;
      const gone = () => { try { addon.sharedText(id, 0, 9); return false; } catch (e) { return /no longer held/.test(e.message); } };
      (async () => {
        for (let i = 0; i < 20 && !gone(); i++) { globalThis.gc(); await new Promise((r) => setImmediate(r)); }
        console.log(JSON.stringify({ id, before, gone: gone() }));
      })();`;
    const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' })) as {
      id: number;
      before: boolean;
      gone: boolean;
    };
    expect(out).toEqual({ id: expect.any(Number), before: true, gone: true });
    expect(out.id).toBeGreaterThan(0);
  });
});
