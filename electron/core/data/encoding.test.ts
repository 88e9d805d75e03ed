import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../test/unit/helpers.js';
import { decodeBytes, firstInvalidUtf8 } from './encoding.js';
import { importFile, type ImportedItem } from './importFile.js';

const CSV = 'question,answer\n"Café au lait?","Oui, très bien — naïve coöperation."\nZürich?,Straße\n';

function write(name: string, bytes: Buffer): string {
  const file = join(tempFolder('ft-enc-'), name);
  writeFileSync(file, bytes);
  return file;
}

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  return le.swap16();
}

async function answers(path: string, encoding?: string) {
  const items: ImportedItem[] = [];
  const summary = await importFile(path, { encoding }, (i) => void items.push(i));
  return { summary, answers: items.map((i) => ('sample' in i ? i.sample.messages[1]!.content : '')) };
}

describe('encodings', () => {
  const expected = ['Oui, très bien — naïve coöperation.', 'Straße'];

  it('UTF-8 without BOM', async () => {
    expect(await answers(write('a.csv', Buffer.from(CSV, 'utf8')))).toEqual({ summary: expect.objectContaining({ encoding: 'utf-8' }), answers: expected });
  });

  it('UTF-8 with BOM (the BOM does not leak into the first header)', async () => {
    const r = await answers(write('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])));
    expect(r.summary.encoding).toBe('utf-8-bom');
    expect(r.summary.mapping).toEqual({ question: 'user', answer: 'assistant' });
    expect(r.answers).toEqual(expected);
  });

  it('UTF-16 LE and BE, with BOM and detected without', async () => {
    const le = Buffer.from(CSV, 'utf16le');
    const be = utf16be(CSV);
    const cases: Array<[Buffer, string]> = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ];
    for (const [bytes, encoding] of cases) {
      const r = await answers(write('a.csv', bytes));
      expect(r.summary.encoding).toBe(encoding);
      expect(r.answers).toEqual(expected);
    }
  });

  it('refuses windows-1252 naming the byte, the line and the --encoding way forward; accepts it when named', async () => {
    const file = write('excel.csv', iconv.encode(CSV, 'windows-1252'));
    const refused = answers(file);
    await expect(refused).rejects.toThrow(/^Line 2: byte 0xE9 is not valid UTF-8.*windows-1252/);
    // the way forward is a setting, worded by each host (the CLI's --encoding, the app's Text encoding choice)
    await expect(refused).rejects.toMatchObject({ fix: { setting: 'encoding', value: 'windows-1252' }, details: { line: 2 } });
    const r = await answers(file, 'windows-1252');
    expect(r.summary.encoding).toBe('windows-1252');
    expect(r.answers).toEqual(expected);
  });

  it('reports the right line for a bad byte deep in a large file', async () => {
    const good = '{"prompt":"p","completion":"c"}\n'.repeat(50_000);
    const file = write(
      'big.jsonl',
      Buffer.concat([Buffer.from(good), Buffer.from('{"prompt":"caf'), Buffer.from([0xe9]), Buffer.from('","completion":"x"}\n')]),
    );
    await expect(importFile(file, {}, () => undefined)).rejects.toThrow(/^Line 50001: byte 0xE9/);
  });

  it('refuses an unknown encoding name', async () => {
    await expect(answers(write('a.csv', Buffer.from(CSV)), 'klingon-8')).rejects.toThrow(/encoding "klingon-8" is unknown/);
  });

  it('keeps multi-byte characters split across chunk boundaries intact', async () => {
    const text = 'é€😀'.repeat(1000);
    const bytes = Buffer.from(text, 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const decoded = await decodeBytes(chunks());
    let out = '';
    for await (const c of decoded.chunks) out += c;
    expect(out).toBe(text);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(-1); // cut, not invalid
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0x41]))).toBe(1);
  });

  it('decodes UTF-8 as TextDecoder does however the chunks cut it, a doubled BOM included', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const body = Buffer.from('a\uFEFFb é€😀\r\nZürich '.repeat(300), 'utf8');
    const inputs = [body, Buffer.concat([bom, body]), Buffer.concat([bom, bom, body]), Buffer.concat([bom, bom]), bom, Buffer.alloc(0)];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const bytes of inputs) {
      // the BOM that names the encoding is skipped, and one more that opens the text is dropped, as TextDecoder does
      const reference = new TextDecoder('utf-8').decode(bytes.subarray(bytes.subarray(0, 3).equals(bom) ? 3 : 0));
      for (const sizes of [[1], [2], [5], [4096], [1, 2, 3, 4]]) {
        async function* chunks() {
          // the first read holds a whole BOM (a file's first read is 64 KB), then fixed sizes, or random ones
          for (let i = 0, k = 0; i < bytes.length; k++) {
            const n = k === 0 ? 7 : sizes.length > 1 ? 1 + Math.floor(random() * 9) : (sizes[0] as number);
            yield bytes.subarray(i, i + n);
            i += n;
          }
        }
        let out = '';
        for await (const c of (await decodeBytes(chunks())).chunks) out += c;
        expect(out).toBe(reference);
      }
    }
  });

  // Counting open descriptors needs Linux's /proc; elsewhere this check cannot be made.
  it.skipIf(!existsSync('/proc/self/fd'))('closes the file as soon as a refusal stops the import', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const file = write('excel.csv', Buffer.concat([Buffer.from('question,answer\n'), iconv.encode('Café?,Oui\n'.repeat(200_000), 'windows-1252')]));
    const before = openFiles();
    for (let i = 0; i < 5; i++) await expect(answers(file)).rejects.toThrow(/windows-1252/);
    await new Promise((r) => setTimeout(r, 50)); // fs closes asynchronously
    expect(openFiles()).toBeLessThanOrEqual(before);
  });
});
