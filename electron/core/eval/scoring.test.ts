import { describe, expect, it } from 'vitest';
import { corpusBleu } from './bleu.js';
import { corpusChrf } from './chrf.js';
import { compareSystems, makeScorer } from './scoring.js';

const refs = ['Take two tablets after meals.', 'The clinic opens at 9 am.', 'Call us to cancel.', '{"dose": 5}'];
const good = ['Take two tablets after meals.', 'The clinic opens at 9 am.', 'Call us to cancel.', '{"dose": 5}'];
const poor = ['Eat something.', 'Opens later.', 'Cancel online.', 'five'];

describe('scoring a system', () => {
  it('overall BLEU and chrF are corpus scores; JSON validity only where answers are JSON; rules per example', () => {
    const score = makeScorer({ rules: [{ kind: 'mustNotContain', text: 'online' }] });
    const s = score(poor, refs);
    expect(s.overall.bleu).toBeCloseTo(corpusBleu(poor, [refs]), 10);
    expect(s.overall.chrF).toBeCloseTo(corpusChrf(poor, [refs]), 10);
    expect(s.perExample.map((e) => e.jsonValid)).toEqual([null, null, null, 0]);
    expect(s.perExample.map((e) => e.rules)).toEqual([1, 1, 0, 1]);
    expect(s.overall.rules).toBe(0.75);
    const perfect = score(good, refs).overall;
    expect(perfect).toMatchObject({ exactMatch: 1, tokenF1: 1, rougeL: 1, jsonValid: 1 });
    expect(perfect.bleu).toBeCloseTo(100, 8);
    expect(perfect.chrF).toBeCloseTo(100, 8);
  });

  it('compares two systems with intervals overall and per category', () => {
    const score = makeScorer();
    const c = compareSystems(score(poor, refs), score(good, refs), ['a', 'a', 'b', 'b'], { seed: 3 });
    expect(c.tokenF1.overall.difference).toBeGreaterThan(0.5);
    expect(c.bleu.overall.difference).toBeCloseTo(100 - corpusBleu(poor, [refs]), 8);
    expect(Object.keys(c.exactMatch.byCategory)).toEqual(['a', 'b']);
    expect(c.exactMatch.byCategory['a']!.difference).toBe(1);
  });
});
