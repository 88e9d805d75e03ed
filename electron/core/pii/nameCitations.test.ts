// The citation scan of the name detector (nameCitations.ts) runs its regex sticky only at the capitals that can open
// a match: it must find exactly the matches of the global regex, on every labelled document but the blind split
// (whole, and in the windows the detector cuts around each " v."), and on edge strings the fixtures lack.
import { describe, expect, it } from 'vitest';
import { CITATION_REGEX, citationMatches, citationRanges, citationStarts, versusByIndexOf, versusFromWords } from './nameCitations.js';
import { tokenizeWords } from './wordTokens.js';
import { labelledTexts } from '../../../test/unit/piiTexts.js';

const texts = labelledTexts();

const edges = [
  '',
  'v.',
  ' v. ',
  'Roe v. Wade, 410 U.S. 113 (1973)',
  'See Terry v. Ohio, 392 U.S. 1 (1968); Ashcroft v. Iqbal, 556 U.S. 662 (2009).',
  'State v. Arreola-Botello,\n365 Or 695 (2019)',
  'Monell v. Department of\r\nSocial Services, 436 U.S. 658',
  'Smith\nv. Jones, 12 F.3d 45', // a line break before "v."
  'Smith\u00a0v.\u00a0Jones, 12 F.3d 45', // no-break spaces
  'Smith\tv.\tJones, 12 F.3d 45',
  'Smith v.Jones, 12 F.3d 45', // no blank after "v."
  'SMITHv. Jones, 12 F.3d 45', // no blank before "v."
  `${'A'.repeat(79)} v. Jones, 12 F.3d 45`, // the first party at its 81-letter limit and past it
  `${'A'.repeat(81)} v. Jones, 12 F.3d 45`,
  `${'A'.repeat(82)} v. Jones, 12 F.3d 45`,
  'Roe v. Wade, 410 U.S. v. 113 Doe v. Bolton, 410 U.S. 179', // " v." inside a reporter
  'Ørsted & Co. v. Ærø Ltd., 5 Ch. 10; Łódź v. Kraków, 7 P. 9',
  "O'Brien v. D’Arcy, 3 N.E. 4",
  '𝐀lpha v. 𝐁eta, 1 U.S. 2 and \ud835 v. Beta, 1 U.S. 2 \udc00X v. Y, 1 U.S. 2', // astral capitals, lone halves
  'Über v. Éclair, 2 F. 3, Ǆemal v. ǅ, 4 F. 5',
  'Jones (1999) v. Smith, 1 U.S. 2; Jones, v. Smith, 1 U.S. 2; Jones 3 v. Smith, 1 U.S. 2',
  'A v. B, 1 C 2 v. D, 3 E 4 v. F, 5 G 6',
];

function globalMatches(text: string): [number, string][] {
  return [...text.matchAll(CITATION_REGEX)].map((m) => [m.index, m[0]]);
}

function anchoredMatches(text: string): [number, string][] {
  return citationMatches(text).map((m) => [m.index, m[0]]);
}

/** Every window the detector cuts: 90 characters before each " v.", 200 after. */
function windows(input: string): string[] {
  const out: string[] = [];
  for (let at = input.indexOf(' v.'); at >= 0; at = input.indexOf(' v.', at + 3)) out.push(input.slice(Math.max(0, at - 90), at + 200));
  return out;
}

describe('citation scan', () => {
  it('finds what the global regex finds in every labelled document and every window around a " v."', () => {
    let found = 0;
    for (const text of [...texts, texts.join('\n')])
      for (const w of [text, ...windows(text)]) {
        const want = globalMatches(w);
        found += want.length;
        expect(anchoredMatches(w)).toEqual(want);
      }
    expect(found).toBeGreaterThan(5);
  });

  it('finds what the global regex finds in edge strings: line breaks, other blanks, limits, astral letters', () => {
    for (const text of edges) {
      expect(anchoredMatches(text)).toEqual(globalMatches(text));
      for (const w of windows(text)) expect(anchoredMatches(w)).toEqual(globalMatches(w));
    }
    expect(globalMatches(edges[12] ?? '')).toHaveLength(1);
    expect(globalMatches(edges[14] ?? '')).toHaveLength(1); // a later capital is within reach
    expect(anchoredMatches(edges[18] ?? '').length).toBeGreaterThan(0);
  });

  it('tries few starts: only capitals that reach a " v."', () => {
    const text = texts.join('\n');
    let capitals = 0;
    for (const ch of text) if (/\p{Lu}/u.test(ch)) capitals++;
    expect(citationStarts(text).length).toBeLessThan(capitals / 20);
  });

  it('reads the " v." off the words exactly where indexOf finds them', () => {
    let found = 0;
    for (const text of [...texts, texts.join('\n'), ...edges, ' v. v.v. 3 v.  v.. x v.4 v.’ av. v.a -v. é v. v', 'v. v.']) {
      const want = versusByIndexOf(text);
      found += want.length;
      expect(versusFromWords(tokenizeWords(text))).toEqual(want);
      expect(citationRanges(text, tokenizeWords(text))).toEqual(citationRanges(text));
    }
    expect(found).toBeGreaterThan(20);
  });

  it('keeps the citations that cover a " v." of the text', () => {
    const text = 'Intro text. See Terry v. Ohio, 392 U.S. 1 (1968). Then Mr. Smith v. nothing.';
    const ranges = citationRanges(text);
    // The first party may run back over blanks and dots to the first capital: the regex's own reach.
    expect(ranges).toEqual([[0, text.indexOf(' (1968)')]]);
  });
});
