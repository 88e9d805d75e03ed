// nonLatinLines.ts finds the lines that hold a non-Latin character with a table of code units instead of
// worldNames.ts's regex: the lines (and what a detector run on them gives) must be the same. Checked on every
// labelled document but the blind split, every BMP code unit alone on its line, characters outside the BMP (Han
// letters, math capitals, lone surrogates) and seeded random strings of Latin, accented and non-Latin letters.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alnumRunsHeld } from './alnumRuns.js';
import { detectPii } from './detect.js';
import { nonLatinLines, onNonLatinLinesOf } from './nonLatinLines.js';
import type { PiiSpan } from './types.js';
import { onNonLatinLines } from './worldNames.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/pii', import.meta.url));
const texts: string[] = [];
for (const split of ['tune', 'test', 'holdout', 'holdout2', 'holdout3', 'wtune'])
  for (const f of readdirSync(join(fixtures, split))
    .filter((x) => x.endsWith('.txt'))
    .sort())
    texts.push(readFileSync(join(fixtures, split, f), 'utf8'));

/** A detector that returns its whole line as a span: the output says which lines were searched, and where. */
const wholeLine = (line: string): PiiSpan[] => [{ start: 0, end: line.length, text: line, type: 'LOCATION', confidence: 1, source: 'pattern' }];

function randomTexts(count: number): string[] {
  const pieces = ['a', 'Zé', 'ñ', '’', '—', 'Ж', 'Ω', 'א', 'ع', 'क', 'ก', '한', 'の', 'カ', '中', '𠀀', '𝐀', '\ud800', '\udc00', ' ', '\n', '\n\n', '1'];
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = next() % 40;
    for (let k = 0; k < n; k++) s += pieces[next() % pieces.length];
    out.push(s);
  }
  return out;
}

describe('non-Latin lines', () => {
  it('are the lines worldNames.ts finds, on every labelled text, every BMP unit, astral letters and random strings', () => {
    const bmp = Array.from({ length: 65536 }, (_, c) => (c === 10 ? 'x' : String.fromCharCode(c))).join('\n');
    const astral = ['𠀀 Han', '𝐀 math', 'a\ud840', '\udc00b', '\ud840\ud840\udc00', '🙂', 'x\n𠀀', 'Ж'].join('\n');
    const everyText = [...texts, texts.join('\n'), bmp, astral, '', 'Ж', 'abc', ...randomTexts(2000)];
    let found = 0;
    for (const text of everyText) {
      const want = onNonLatinLines(text, wholeLine);
      expect(onNonLatinLinesOf(text, wholeLine), JSON.stringify(text.slice(0, 80))).toEqual(want);
      found += want.length;
    }
    // Not two empty lists: the BMP text alone has thousands of such lines.
    expect(found).toBeGreaterThan(10000);
  });

  it('walks a text once and drops the list with its identifier runs when detectPii is done', () => {
    const text = 'Адрес: г. Москва\nplain line\nΟδός Ερμού 25';
    const lines = nonLatinLines(text);
    expect([...lines]).toEqual([0, 16, 28, 41]);
    expect(nonLatinLines(text)).toBe(lines);
    detectPii(text);
    expect(alnumRunsHeld()).toBe(false);
    expect(nonLatinLines(text)).not.toBe(lines);
  });
});
