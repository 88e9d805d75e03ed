// FoldedWords must answer exactly what set.has(foldKey(input.slice(from, to))) answers, for the name detector's
// lists, on every word (and every run of up to four words) of the labelled documents but the blind split and on
// edge strings: upper case, non-ASCII that folds to ASCII, control characters, collisions in a small table.
import { describe, expect, it } from 'vitest';
import { FoldedWords } from './foldedWords.js';
import { nameLists } from './nameContext.js';
import { foldKey, loadPiiResources } from './resources.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const lists = nameLists(loadPiiResources());
const sets = [lists.titles, lists.labels, lists.labelLastWords, new Set(['de', 'dé', 'straße', 'a b', '', 'x~y', 'tab\tword'])];
const edges = ['DR Dr dr dR Dé DE de DÉ Straße STRASSE', 'PATIENT NAME patient  name Patient\tName', '~ x~y X~Y tab\tword ĐR Ｄｒ', '\u0000dr dr\u007f'];

/** Every [from, to) of one to four space-separated words. */
function ranges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const words = [...text.matchAll(/[^\s:,;.()]+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  for (let i = 0; i < words.length; i++) for (let k = i; k < Math.min(words.length, i + 4); k++) out.push([words[i]?.[0] ?? 0, words[k]?.[1] ?? 0]);
  return out;
}

describe('FoldedWords', () => {
  it('answers set.has(foldKey(slice)) on the labelled documents and edge strings', () => {
    let hits = 0;
    for (const set of sets) {
      const fw = new FoldedWords(set);
      for (const text of [...texts, ...edges])
        for (const [from, to] of ranges(text)) {
          const want = set.has(foldKey(text.slice(from, to)));
          if (want) hits++;
          expect(fw.has(text, from, to), JSON.stringify(text.slice(from, to))).toBe(want);
        }
      // Every position pair of the edge strings, empty ranges included.
      for (const text of edges)
        for (let from = 0; from <= text.length; from++)
          for (let to = from; to <= Math.min(text.length, from + 12); to++) expect(fw.has(text, from, to)).toBe(set.has(foldKey(text.slice(from, to))));
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it('finds every word of a list, however it is written, and nothing else, with many collisions', () => {
    const words = new Set(Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`));
    const fw = new FoldedWords(words);
    for (const w of words) {
      const text = ` ${w.toUpperCase()} `;
      expect(fw.has(text, 1, w.length + 1)).toBe(true);
      expect(fw.has(` ${w.toUpperCase()}X `, 1, w.length + 2)).toBe(words.has(`${w}x`));
    }
  });

  it('keeps its answers for short non-ASCII words right across repeats, long words and starting over', () => {
    const set = new Set(['elodie', 'παπαδοπουλου', 'дмитриевна', 'zoe']);
    let hits = 0;
    const fw = new FoldedWords(set);
    const words = ['Élodie', 'ÉLODIE', 'Elodie', 'Παπαδοπούλου', 'Дмитриевна', 'ДМИТРИЕВНА', 'Zoë', 'Zoe', 'Zoë', 'Ærø'];
    // Each asked several times (the second answer comes from what was kept), and after 5 000 other short words
    // (past the bound, so the kept answers start over).
    const others = Array.from({ length: 5000 }, (_, i) => `é${i.toString(36)}`);
    for (let round = 0; round < 3; round++) {
      for (const w of [...words, ...words]) {
        const want = set.has(foldKey(w));
        if (want) hits++;
        expect(fw.has(` ${w} `, 1, w.length + 1), w).toBe(want);
      }
      for (const w of others) expect(fw.has(w, 0, w.length)).toBe(false);
    }
    expect(hits).toBe(3 * 2 * 9);
    // A 13-letter word and longer are not kept but still answered.
    const long = new FoldedWords(new Set(['abcdefghijklm', 'nabcdefghijklmnop']));
    for (const w of ['ABCDÉFGHIJKLM', 'abcdefghijklm', 'Ñabcdefghijklmnop', 'Ñabcdefghijklmnop', 'Ñabcdefghijklmnoq'])
      expect(long.has(w, 0, w.length), w).toBe(w !== 'Ñabcdefghijklmnoq');
  });
});
