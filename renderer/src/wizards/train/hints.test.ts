import { describe, expect, it } from 'vitest';
import { trainingHints, type Point } from './hints.js';

const curve = (losses: number[]): Point[] => losses.map((loss, i) => ({ step: i + 1, loss }));

describe('training hints (fake runs)', () => {
  it('says the learning rate is too high when the loss turns NaN or rises', () => {
    expect(trainingHints(curve([3, 2.5, NaN]), [])[0]).toMatchObject({ kind: 'diverging', text: expect.stringMatching(/learning rate/) });
    expect(trainingHints(curve([2, 2.1, 2.3, 2.6, 3, 3.5, 4.2, 5, 6]), [])[0]?.kind).toBe('diverging');
  });

  it('says to stop early when validation rises while training falls', () => {
    const hints = trainingHints(curve([3, 2.5, 2, 1.6, 1.2, 0.9]), curve([2.0, 2.1, 2.3]));
    expect(hints).toEqual([expect.objectContaining({ kind: 'overfitting', text: expect.stringMatching(/best checkpoint/) })]);
  });

  it('stays quiet on a healthy run', () => {
    expect(trainingHints(curve([3, 2.6, 2.2, 1.9, 1.7, 1.5, 1.4, 1.3, 1.2]), curve([2.2, 2.0, 1.9]))).toEqual([]);
  });
});
