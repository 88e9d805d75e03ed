// The runs of name-like words (nameRuns.ts) the name detector scores: particles inside, one blank or an initial's
// dot between words, pronouns never opening a longer run, citations and list words left out, six words at most.
import { describe, expect, it } from 'vitest';
import { citationWords } from './nameCitations.js';
import { findNameRuns, wordsJoin } from './nameRuns.js';
import { capitalizedWordFacts } from './nameWords.js';
import { loadPiiResources } from './resources.js';
import { tokenizeWords } from './wordTokens.js';

const res = loadPiiResources();

function runs(text: string): string[] {
  const t = tokenizeWords(text);
  const { first, last } = findNameRuns(t, capitalizedWordFacts(t, res), citationWords(t));
  return first.map((f, r) => text.slice(t.start[f], t.end[last[r] ?? f]));
}

describe('findNameRuns', () => {
  it('joins words by one blank or an initial, with particles between two name words', () => {
    expect(runs('witness Ana de la Cruz said')).toEqual(['Ana de la Cruz']);
    expect(runs('signed by J. Smith and J.Smith')).toEqual(['J. Smith', 'J.Smith']);
    expect(runs('Mendoza    Insured')).toEqual(['Mendoza', 'Insured']);
    expect(runs('Ana de la')).toEqual(['Ana']);
  });

  it('keeps pronouns and greetings from opening a longer run, stops at six words, leaves citations out', () => {
    expect(runs('He Smith')).toEqual(['Smith']);
    expect(runs('Anna Bella Carla Dora Emma Fiona Greta')).toEqual(['Anna Bella Carla Dora Emma Fiona', 'Greta']);
    expect(runs('See Terry v. Ohio, 392 U.S. 1 (1968). Ana Ruiz')).toEqual(['Ana Ruiz']);
  });

  it('takes an initial before a capital, but not a transcript mark opening a line', () => {
    expect(runs('x K. Na was')).toEqual(['K. Na']);
    expect(runs('x\nK. Na was')).toEqual(['K. Na']);
    expect(runs('x Q. Andersen')).toEqual(['Q. Andersen']);
    expect(runs('x\nQ. Andersen')).toEqual(['Andersen']);
    expect(runs('x\nA. Na was')).toEqual(['Na']);
  });

  it('wordsJoin tests the gap by character', () => {
    const t = tokenizeWords('A. B  C D.E');
    expect([wordsJoin(t, 0, 1), wordsJoin(t, 1, 2), wordsJoin(t, 2, 3), wordsJoin(t, 3, 4)]).toEqual([true, false, true, true]);
  });
});
