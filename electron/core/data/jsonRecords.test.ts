import { describe, expect, it } from 'vitest';
import { jsonArrayRecords, jsonlRecords, type RawRecord } from './jsonRecords.js';

async function collect(gen: AsyncGenerator<RawRecord>) {
  const out: RawRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}
/** Every chunk size from 1 character up, so element, string and escape boundaries fall everywhere. */
async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('JSON array splitting', () => {
  const doc = '[\n  {"a": "x, ] } [ \\" \\\\", "n": [1, [2, {"b": 3}]]},\n  {"c": "\\u00e9"}\n, 7 ]\n';

  it('splits the same way whatever the chunk size', async () => {
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const recs = await collect(jsonArrayRecords(chunked(doc, size)));
      expect(recs.map((r) => ('value' in r ? r.value : r.error))).toEqual([{ a: 'x, ] } [ " \\', n: [1, [2, { b: 3 }]] }, { c: 'é' }, 7]);
      expect(recs.map((r) => r.line)).toEqual([2, 3, 4]);
    }
  });

  it('reports broken documents as bad records with their line', async () => {
    expect(await collect(jsonArrayRecords(chunked('[]', 1)))).toEqual([]);
    const unterminated = await collect(jsonArrayRecords(chunked('[{"a":1},\n{"b":', 3)));
    expect(unterminated.at(-1)).toMatchObject({ line: 2, error: expect.stringMatching(/ends early/) });
    const trailing = await collect(jsonArrayRecords(chunked('[1]\nx', 2)));
    expect(trailing.at(-1)).toMatchObject({ line: 2, error: expect.stringMatching(/text after the end/) });
    const notJson = await collect(jsonArrayRecords(chunked('hello', 2)));
    expect(notJson[0]).toMatchObject({ line: 1, error: expect.stringMatching(/not a JSON array/) });
    const doubleComma = await collect(jsonArrayRecords(chunked('[1,,2]', 1)));
    expect(doubleComma.map((r) => ('value' in r ? r.value : 'bad'))).toEqual([1, 'bad', 2]);
  });

  it('JSONL: CRLF line ends, blank lines skipped, bad lines named', async () => {
    const recs = await collect(jsonlRecords(chunked('{"a":1}\r\n\r\n{"a":\r\n{"a":3}', 4)));
    expect(recs.map((r) => [r.line, 'value' in r ? r.value : 'bad'])).toEqual([
      [1, { a: 1 }],
      [3, 'bad'],
      [4, { a: 3 }],
    ]);
  });
});

describe('JSON documents that wrap the records in an object', () => {
  const values = (recs: RawRecord[]) => recs.map((r) => ('value' in r ? r.value : `bad: ${r.error}`));

  it('reads {"data": [...]} and {"examples": [...]} as their arrays, whatever the chunk size, with the right lines', async () => {
    for (const key of ['data', 'examples']) {
      const doc = `{\n  "${key}": [\n    {"q": "a ] }"},\n    {"q": "b"}\n  ]\n}\n`;
      for (const size of [1, 2, 5, 64]) {
        const recs = await collect(jsonArrayRecords(chunked(doc, size)));
        expect(values(recs)).toEqual([{ q: 'a ] }' }, { q: 'b' }]);
        expect(recs.map((r) => r.line)).toEqual([3, 4]);
      }
    }
  });

  it('keeps a single record that is not a wrapper, and still reports text after a wrapped array', async () => {
    const single = await collect(jsonArrayRecords(chunked('{"messages": [{"role": "user", "content": "hi"}]}', 3)));
    expect(values(single)).toEqual([{ messages: [{ role: 'user', content: 'hi' }] }]);
    const trailing = await collect(jsonArrayRecords(chunked('{"data": [1, 2]}\nx', 2)));
    expect(trailing.at(-1)).toMatchObject({ line: 2, error: expect.stringMatching(/text after the end/) });
    const unclosed = await collect(jsonArrayRecords(chunked('{"data": [1, 2]', 2)));
    expect(unclosed.at(-1)).toMatchObject({ error: expect.stringMatching(/ends early/) });
  });
});
