// The walk back over the capitalized words before a postal code must give what the regex WORDS_BEFORE_CODE gives
// on the same 50-character window: checked before every 4-6 digit number of the labelled documents (but the blind
// split), on hand-written edges, and on seeded random windows of words, capitals, blanks and non-ASCII letters.
import { describe, expect, it } from 'vitest';
import { cityBefore, cityBeforeByRegex, wordsBeforeCode, wordsBeforeCodeByRegex } from './wordsBeforeCode.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

/** Both walks against their regexes on one window (cityBefore: the words end at the window's end). */
function compare(input: string, from: number, to: number): void {
  expect(wordsBeforeCode(input, from, to), JSON.stringify(input.slice(from, to))).toEqual(wordsBeforeCodeByRegex(input, from, to));
  expect(cityBefore(input, from, to), JSON.stringify(input.slice(from, to))).toBe(cityBeforeByRegex(input, from, to));
  const words = input.trimEnd().length;
  if (words > from) expect(cityBefore(input, from, words), JSON.stringify(input.slice(from, words))).toBe(cityBeforeByRegex(input, from, words));
}

describe('wordsBeforeCode and cityBefore', () => {
  it('finds the words before every code of the labelled documents as the regex does', () => {
    let found = 0;
    for (const t of texts) {
      // cityBefore's windows: the 60 characters before each comma.
      for (const m of t.matchAll(/,/g))
        expect(cityBefore(t, Math.max(0, m.index - 60), m.index)).toBe(cityBeforeByRegex(t, Math.max(0, m.index - 60), m.index));
      for (const m of t.matchAll(/\d{4,6}/g)) {
        compare(t, Math.max(0, m.index - 50), m.index);
        if (wordsBeforeCode(t, Math.max(0, m.index - 50), m.index)) found++;
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('handles the edge forms: one to three words, more, a word cut by the window, marks, apostrophes', () => {
    const edges = [
      'Manchester ',
      'Greater Manchester ',
      'West Greater Manchester ',
      'Far West Greater Manchester ',
      'lives in Berlin  ',
      'xBerlin ',
      'McDonald St. Louis-Ville ',
      "O'Brien  Cork\t",
      'Dublin,  ',
      'A ',
      ' ',
      'Zürich ',
      'Sankt Pölten ',
      'São Paulo ',
      'Ærø ',
      'éMain Street ',
      'É Main Street ',
      'Main’s Street ',
      'Main  Street ',
      '12 Main Street ',
      'ABC DEF GHI JKL ',
      '𝐀bc Def ',
    ];
    for (const e of edges) for (let from = 0; from < e.length; from++) compare(e, from, e.length);
    expect(wordsBeforeCode('Far West Greater Manchester ', 0, 28)).toEqual([4, 27]);
    expect(wordsBeforeCode('lives in Berlin  ', 0, 17)).toEqual([9, 15]);
    expect(wordsBeforeCode('McDonald St. Louis-Ville ', 0, 25)).toEqual([0, 24]);
    expect(wordsBeforeCode('paid ', 0, 5)).toBeNull();
    expect(wordsBeforeCode('Berlin', 0, 6)).toBeNull();
    // cityBefore: no trailing blanks, and the first word not right after a letter ("xBerlin" -> "Berlin" is refused).
    expect(cityBefore('Lives Dayton', 0, 12)).toBe(0);
    expect(cityBefore('xDayton', 0, 7)).toBe(-1);
    expect(cityBefore('x-Dayton', 0, 8)).toBe(2);
    expect(cityBefore('Dayton ', 0, 7)).toBe(-1);
  });

  it('agrees with the regex on random windows', () => {
    const pieces = ['A', 'B', 'Main', 'de', 'St.', "O'", '-', 'x', ' ', ' ', ' ', '\t', ',', '1', 'é', 'É', '’', '\u0301', '𝐀', '.'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = 1 + next(14);
      for (let j = 0; j < n; j++) t += pieces[next(pieces.length)];
      t += next(3) ? ' ' : '';
      compare(t, next(Math.max(1, t.length)), t.length);
    }
  });
});
