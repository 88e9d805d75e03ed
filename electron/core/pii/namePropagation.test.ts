// propagateNames looks the seeds up in place (FoldedWords): it must give the spans the key-per-word version gave
// (kept here as the reference), on every labelled document but the blind split seeded with the name words of all
// the others, and on edge strings with non-ASCII and upper-case mentions.
import { describe, expect, it } from 'vitest';
import { nameKeys, openingOf, propagateNames, propagationBlocked, seedOpenings } from './namePropagation.js';
import { detectNames } from './names.js';
import { PARTICLES, foldKey, loadPiiResources } from './resources.js';
import type { PiiResources } from './resources.js';
import { makeSpan } from './span.js';
import { spanTableOf } from './spanTable.js';
import type { PiiSpan } from './types.js';
import { CAP, tokenizeWords, wordKey } from './wordTokens.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const res = loadPiiResources();

/** propagateNames before FoldedWords: a folded key per capitalized word. */
function reference(input: string, spans: readonly PiiSpan[], seeds: ReadonlySet<string>, r: PiiResources): PiiSpan[] {
  const out: PiiSpan[] = [];
  const t = tokenizeWords(input);
  let si = 0;
  for (let i = 0; i < t.count; i++) {
    const start = t.start[i] ?? 0;
    const end = t.end[i] ?? 0;
    while (si < spans.length && (spans[si]?.end ?? 0) <= start) si++;
    if (!((t.flags[i] ?? 0) & CAP) || !seeds.has(wordKey(t, i))) continue;
    const s = spans[si];
    if (s && s.start < end) continue;
    if (propagationBlocked(input, start, end, r)) continue;
    out.push(makeSpan(input, start, end, 'NAME', 0.5, 'propagation'));
  }
  return out;
}

describe('propagateNames', () => {
  it('gives the key-per-word spans on every labelled document seeded with the others’ name words', () => {
    const found = texts.map((t) => detectNames(t, res).sort((a, b) => a.start - b.start));
    let spread = 0;
    texts.forEach((text, i) => {
      const seeds = nameKeys(found.filter((_, j) => j !== i).flat(), res);
      const want = reference(text, found[i] ?? [], seeds, res);
      spread += want.length;
      expect(propagateNames(text, spanTableOf(found[i] ?? []), seeds, res)).toEqual(want);
      // With no spans of its own, every seeded capitalized word is a mention.
      const all = reference(text, [], seeds, res);
      spread += all.length;
      expect(propagateNames(text, spanTableOf([]), seeds, res)).toEqual(all);
    });
    expect(spread).toBeGreaterThan(200);
  });

  it('does the same on non-ASCII, upper-case and possessive mentions', () => {
    const seeds = new Set(['núñez', 'nunez', 'o’brien', "o'brien", 'jean-pierre', 'zoë', 'müller', 'straße', 'smith']);
    const text = "NÚÑEZ Núñez Nunez O'Brien O’Brien’s Jean-Pierre JEAN-PIERRE Zoë ZOË Mu\u0308ller Müller STRASSE Straße SMITH Smith's Smith disease";
    const want = reference(text, [], seeds, res);
    expect(want.length).toBeGreaterThan(8);
    expect(propagateNames(text, spanTableOf([]), seeds, res)).toEqual(want);
  });
});

/** nameKeys before the joined walk: one tokenizer walk per NAME span. */
function nameKeysPerSpan(spans: readonly Pick<PiiSpan, 'type' | 'text'>[], r: PiiResources): Set<string> {
  const out = new Set<string>();
  for (const s of spans) {
    if (s.type !== 'NAME') continue;
    const t = tokenizeWords(s.text);
    for (let i = 0; i < t.count; i++) {
      if (!((t.flags[i] ?? 0) & CAP)) continue;
      const key = wordKey(t, i);
      if (key.length > 1 && !PARTICLES.has(key) && !r.ambiguous.has(key)) out.add(key);
    }
  }
  return out;
}

describe('nameKeys', () => {
  it('gives the keys, in the same order, that one walk per span gives, whatever the spans begin and end with', () => {
    // Pieces that sit at a span's edges: digits (which glue a word to a code), apostrophes, hyphens, possessives,
    // surrogate halves, marks, capitals, particles and ambiguous words.
    const pieces = [
      'Núñez',
      "O'Neil",
      'ÖZTÜRK',
      'van',
      'de',
      'Jo',
      'A',
      '4',
      'B2',
      "Smith's",
      'Lee’',
      '-Ann',
      'Ann-',
      '\ud83d',
      '\ude00',
      '😀',
      'e\u0301',
      ' ',
      '\n',
      '.',
      'María José',
      'Mc',
      'May',
      'Will',
      'x',
    ];
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let round = 0; round < 300; round++) {
      const spans = Array.from({ length: 1 + rand(12) }, () => ({
        type: rand(5) ? ('NAME' as const) : ('DATE' as const),
        text: Array.from({ length: 1 + rand(4) }, () => pieces[rand(pieces.length)]).join(''),
      }));
      expect([...nameKeys(spans, res)]).toEqual([...nameKeysPerSpan(spans, res)]);
    }
    const labelled = texts.flatMap((t) => detectNames(t, res));
    expect([...nameKeys(labelled, res)]).toEqual([...nameKeysPerSpan(labelled, res)]);
    expect(nameKeys(labelled, res).size).toBeGreaterThan(100);
  });
});

describe('seedOpenings', () => {
  it('never turns away a word whose key is a seed: a word opening with three ASCII letters has a key opening with them', () => {
    const words: string[] = ['Abe\u0301lard', 'ABC', 'AbC', 'Ab', 'O’Brien', "O'Neil", 'Zoë', 'ZOË', 'Ǆuro', 'Ünal', 'Ab-c', 'Abc’s'];
    for (const text of texts) {
      const t = tokenizeWords(text);
      for (let i = 0; i < t.count; i++) if ((t.flags[i] ?? 0) & CAP) words.push(text.slice(t.start[i], t.end[i]));
    }
    let filtered = 0;
    for (const w of words) {
      const o = openingOf(w, 0, w.length);
      if (o < 0) continue;
      filtered++;
      const key = foldKey(w);
      expect(openingOf(key, 0, key.length), w).toBe(o);
      expect(seedOpenings(new Set([key]))[o], w).toBe(1);
    }
    expect(filtered).toBeGreaterThan(2000);
    // Words it cannot vouch for are left to the full lookup.
    for (const w of ['Ab', 'O’Brien', 'Ünal', 'Ab-c', 'A1c']) expect(openingOf(w, 0, w.length), w).toBe(-1);
  });
});
