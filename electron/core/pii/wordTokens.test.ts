// The typed-array tokenizer (wordTokens.ts) must give exactly the words, trims, case flags and keys of the
// regex-and-object tokenizer the name detector used before it (kept here as the reference), on every labelled
// document but the blind split and on edge strings the fixtures may lack.
import { describe, expect, it } from 'vitest';
import { foldKey } from './resources.js';
import { ASCII, CAP, UPPER, tokenizeWords, wordKey } from './wordTokens.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const edges = [
  '',
  'A',
  "O'Brien's car, Smiths' house, rock'n'roll, l’été, d’Artagnan’s, Jean-Pierre-, -x- X-Ray",
  'D1206 B12 4B 12abc abc12 A1b a-1 1-a',
  'ÉMILE ÉCOLE Émile école ÀB AÉ aÉ Ǆ ǅ ǆ ß SS ŞAHIN İSTANBUL',
  'Müller Mu\u0308ller \u0308abc', // a combining mark opening a word
  '𝐀𝐁𝐂 𝒜lice 𐐀𐐨 \ud800lone \udc00low x\ud835', // letters above the BMP, lone surrogates
  'Αλέξανδρος ΠΑΠΑΔΟΠΟΥΛΟΣ Иван ИВАНОВ 王小明 محمد राहुल ராஜா',
  "'quoted' ’curly’ --dash-- ''",
  'MD, Ph.D., RN. Q. A. J.Smith',
];

interface RefToken {
  start: number;
  end: number;
  key: string;
  cap: boolean;
  upper: boolean;
}

/** The tokenizer names.ts had before wordTokens.ts, verbatim but for names. */
function referenceTokenize(input: string): RefToken[] {
  const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
  const isDigit = (code: number): boolean => code >= 48 && code <= 57;
  const out: RefToken[] = [];
  for (let m = TOKEN.exec(input); m !== null; m = TOKEN.exec(input)) {
    const start = m.index;
    let end = start + m[0].length;
    if (isDigit(input.charCodeAt(end)) || isDigit(input.charCodeAt(start - 1))) continue;
    let last = input[end - 1];
    if ((last === 's' || last === 'S') && (input[end - 2] === "'" || input[end - 2] === '’')) end -= 2;
    else if (last === "'" || last === '’') end -= 1;
    while (end > start && input[end - 1] === '-') end--;
    if (end === start) continue;
    const raw = input.slice(start, end);
    const code = raw.charCodeAt(0);
    const first = raw[0] ?? '';
    const cap = code < 128 ? code >= 65 && code <= 90 : first !== first.toLowerCase() && first === first.toUpperCase();
    last = raw[raw.length - 1];
    const upper = cap && raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase() && last !== last?.toLowerCase();
    out.push({ start, end, key: foldKey(raw), cap, upper });
  }
  return out;
}

function fromWordTokens(input: string): RefToken[] {
  const t = tokenizeWords(input);
  return Array.from({ length: t.count }, (_, i) => ({
    start: t.start[i] ?? -1,
    end: t.end[i] ?? -1,
    key: wordKey(t, i),
    cap: ((t.flags[i] ?? 0) & CAP) !== 0,
    upper: ((t.flags[i] ?? 0) & UPPER) !== 0,
  }));
}

describe('tokenizeWords', () => {
  it('finds the words, trims, case flags and keys of the regex tokenizer on every labelled document', () => {
    for (const text of texts) expect(fromWordTokens(text)).toEqual(referenceTokenize(text));
    expect(fromWordTokens(texts.join(''))).toEqual(referenceTokenize(texts.join('')));
  });

  it('does the same on edge strings: apostrophes, digits, non-Latin scripts, marks, surrogates', () => {
    for (const text of edges) expect(fromWordTokens(text)).toEqual(referenceTokenize(text));
  });

  it('trims possessives and hyphens and flags case and ASCII as documented', () => {
    const t = tokenizeWords("O'Brien's MÜLLER-  Dr école 4B x");
    const words = Array.from({ length: t.count }, (_, i) => [t.input.slice(t.start[i], t.end[i]), t.flags[i]]);
    expect(words).toEqual([
      ["O'Brien", CAP | ASCII],
      ['MÜLLER', CAP | UPPER],
      ['Dr', CAP | ASCII],
      ['école', 0],
      ['x', ASCII],
    ]);
    expect(wordKey(t, 1)).toBe('muller');
    // Keys are folded once and kept.
    expect(t.keys[2]).toBeUndefined();
    expect(wordKey(t, 2)).toBe('dr');
    expect(t.keys[2]).toBe('dr');
  });

  it('grows its arrays past the first guess', () => {
    const text = 'a '.repeat(5000) + 'Zed';
    const t = tokenizeWords(text);
    expect(t.count).toBe(5001);
    expect(t.start[5000]).toBe(10000);
    expect(wordKey(t, 5000)).toBe('zed');
  });

  it('gives only the capitalized words, flags and keys unchanged, when asked for those (propagateNames)', () => {
    let words = 0;
    for (const text of [...texts, ...edges]) {
      const all = fromWordTokens(text).filter((w) => w.cap);
      const t = tokenizeWords(text, true);
      const caps = Array.from({ length: t.count }, (_, i) => ({
        start: t.start[i] ?? -1,
        end: t.end[i] ?? -1,
        key: wordKey(t, i),
        cap: ((t.flags[i] ?? 0) & CAP) !== 0,
        upper: ((t.flags[i] ?? 0) & UPPER) !== 0,
      }));
      expect(caps).toEqual(all);
      words += caps.length;
    }
    expect(words).toBeGreaterThan(3000);
  });
});
