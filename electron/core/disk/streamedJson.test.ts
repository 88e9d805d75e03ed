// The streamed JSON writer: what JSON.parse reads back is what JSON.stringify of the same object gives, the file is
// whole or absent, and large arrays go out in pieces.
import { readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/unit/helpers.js';
import { LazyJsonArray, writeJsonStreamed } from './streamedJson.js';

const t = tempDir('fieldtune-streamed-json-');
afterAll(() => t.cleanup());

describe('writeJsonStreamed', () => {
  it('reads back as JSON.stringify of the same object, an array element per line, past many 64 KB pieces', () => {
    const spans = Array.from({ length: 20_000 }, (_, i) => ({ start: i, end: i + 3, text: i % 7 ? `Zoë "${i}"\n` : '😀\\', extra: undefined }));
    // An element longer than a piece (as UTF-8) goes out on its own, between pieces.
    const long = ['é'.repeat(40_000), 'Zoë', '漢'.repeat(22_000)];
    const fields = {
      notice: 'personal data',
      input: { path: '/a b', n: 1, list: [1, 2] },
      empty: [],
      gone: undefined,
      holes: [1, undefined, () => 1],
      spans,
      long,
    };
    const file = join(t.dir, 'report.json');
    writeJsonStreamed(file, fields, { mode: 0o600 });
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(fields)));
    expect(text.length).toBeGreaterThan(10 * (1 << 16));
    expect(text.split('\n').filter((l) => l.startsWith('  {"start":'))).toHaveLength(20_000);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes a lazy array as the array of its elements, making each as it goes', () => {
    const file = join(t.dir, 'lazy.json');
    const made: number[] = [];
    const lazy = new LazyJsonArray(3, (i) => (made.push(i), JSON.stringify({ i, text: 'Zoë "x"' })));
    writeJsonStreamed(file, { a: 1, spans: lazy, none: new LazyJsonArray(0, () => 'x') }, { elementJson: () => 'never' });
    expect(made).toEqual([0, 1, 2]);
    const plain = join(t.dir, 'plain.json');
    writeJsonStreamed(plain, { a: 1, spans: [0, 1, 2].map((i) => ({ i, text: 'Zoë "x"' })), none: [] });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(plain, 'utf8'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ spans: [{ i: 0 }, { i: 1 }, { i: 2 }], none: [] });
  });

  it('writes what `element` makes of each array element', () => {
    const file = join(t.dir, 'mapped.json');
    writeJsonStreamed(file, { a: [1, 2], b: { c: 3 } }, { element: (key, v) => ({ key, twice: (v as number) * 2 }) });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      a: [
        { key: 'a', twice: 2 },
        { key: 'a', twice: 4 },
      ],
      b: { c: 3 },
    });
  });

  it('writes the JSON text `elementJson` makes of each array element as it is, other fields as before', () => {
    const file = join(t.dir, 'json.json');
    writeJsonStreamed(file, { a: [1, 2], b: { c: 3 } }, { elementJson: (key, v) => `{"${key}":${(v as number) * 3}}` });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n  {"a":3},\n  {"a":6}\n ]');
    expect(JSON.parse(text)).toEqual({ a: [{ a: 3 }, { a: 6 }], b: { c: 3 } });
  });

  it("lets `writeElements` write an array's elements straight to the file after what came before, or leave them", () => {
    const file = join(t.dir, 'direct.json');
    const asked: string[] = [];
    writeJsonStreamed(
      file,
      { head: 'x'.repeat(70_000), a: [1, 2], b: [3], c: [] },
      {
        writeElements: (key, v, fd) => {
          asked.push(key);
          if (key !== 'a') return false;
          writeSync(fd, (v as unknown[]).map((n, i) => `${i ? ',' : ''}\n  ${(n as number) * 10}`).join(''));
          return true;
        },
      },
    );
    const text = readFileSync(file, 'utf8');
    expect(asked).toEqual(['a', 'b', 'c']);
    expect(text).toContain('"a": [\n  10,\n  20\n ],\n "b": [\n  3\n ]');
    expect(JSON.parse(text)).toEqual({ head: 'x'.repeat(70_000), a: [10, 20], b: [3], c: [] });
  });

  it('leaves the old file and no temp file when a write fails midway', () => {
    const file = join(t.dir, 'kept.json');
    writeFileSync(file, '{"old":true}');
    const failing = () =>
      writeJsonStreamed(
        file,
        { spans: Array.from({ length: 50_000 }, (_, i) => i) },
        {
          element: (_k, v) => {
            if (v === 40_000) throw new Error('disk full');
            return { v, pad: 'x'.repeat(20) };
          },
        },
      );
    expect(failing).toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(t.dir).filter((f) => f.startsWith('kept'))).toEqual(['kept.json']);
  });
});
