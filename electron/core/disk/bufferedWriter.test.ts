// The buffered writer: what it writes is the joined strings encoded once, whatever the cut between puts.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../../test/unit/helpers.js';
import { randomMixes } from '../../../test/unit/fuzzPayloads.js';
import { bufferedWriter } from './bufferedWriter.js';
import type { WriterEncoding } from './bufferedWriter.js';

function written(parts: readonly string[], encoding: WriterEncoding): Buffer {
  const file = join(tempFolder('fieldtune-buffered-'), 'out');
  const fd = openSync(file, 'w');
  const writer = bufferedWriter(fd, encoding);
  for (const p of parts) writer.put(p);
  writer.flush();
  closeSync(fd);
  return readFileSync(file);
}

const encoded = (s: string, encoding: WriterEncoding) =>
  encoding === 'utf16be' ? Buffer.from(s, 'utf16le').swap16() : Buffer.from(s, encoding === 'utf8' ? 'utf8' : 'utf16le');

describe('bufferedWriter', () => {
  it('writes the bytes of the joined parts, short and longer than its buffer, in every encoding', () => {
    // Seeded random parts: ASCII, accents, CJK, emoji whole and cut in halves (a part may end in half a pair),
    // and parts far longer than the 64 KB buffer.
    const pieces = ['a', 'Zoë ', '漢字', '😀', '\ud83d', '\ude00', '\n', 'x'.repeat(70_000), 'é'.repeat(30_000)];
    const parts = randomMixes(5, pieces, 150, 0, 4);
    for (const encoding of ['utf8', 'utf16le', 'utf16be'] as const) {
      expect(written(parts, encoding).equals(encoded(parts.join(''), encoding))).toBe(true);
    }
  });

  it('keeps a surrogate pair cut between two parts as one character', () => {
    const emoji = '😀';
    const parts = ['before ', emoji.charAt(0), emoji.charAt(1), ' after', emoji.charAt(0)];
    // The last part ends in half a pair with nothing after it: written as UTF-8 writes a lone surrogate.
    expect(written(parts, 'utf8').toString('utf8')).toBe(`before ${emoji} after\ufffd`);
    expect(written(parts, 'utf16le').equals(encoded(parts.join(''), 'utf16le'))).toBe(true);
  });
});
