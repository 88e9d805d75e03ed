// The review's one-sentence result names a winner only when the likely range is clear of 50%.
import { describe, expect, it } from 'vitest';
import { verdictSentence } from './reviewWords.js';

const tally = (winsA: number, winsB: number, ties: number, low: number, high: number, winner: 'A' | 'B' | 'unclear') => ({
  labelA: 'Original model',
  labelB: 'Tuned model',
  result: {
    total: winsA + winsB + ties,
    winsA,
    winsB,
    ties,
    winRateB: { rate: (winsB + ties / 2) / (winsA + winsB + ties), low, high },
    winner,
    byCategory: [],
    meanRatings: { A: { accuracy: null, relevance: null, style: null }, B: { accuracy: null, relevance: null, style: null } },
  },
});

describe('the review verdict sentence', () => {
  it('says "not enough pairs to tell" when the range includes 50%', () => {
    expect(verdictSentence(tally(4, 6, 0, 0.31, 0.83, 'unclear'))).toBe(
      'Tuned model was preferred in 60% of the 10 pairs, counting a tie as half (likely range 31% to 83%). Not enough pairs to tell which is better: the likely range includes 50%.',
    );
  });
  it('names the better model when the range is clear of 50%, either way', () => {
    expect(verdictSentence(tally(1, 18, 1, 0.72, 0.98, 'B'))).toMatch(/Tuned model is better than Original model in this review\.$/);
    expect(verdictSentence(tally(15, 0, 0, 0, 0.2, 'A'))).toMatch(
      /^Tuned model was preferred in 0% .* Original model is better than Tuned model in this review\.$/,
    );
  });
});
