// The win-rate interval on known cases: Newcombe (1998), "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no continuity
// correction): 81/263 -> 0.2553-0.3662, 15/148 -> 0.0624-0.1605, 0/20 -> 0-0.1611, 1/29 -> 0.0061-0.1718.
import { describe, expect, it } from 'vitest';
import { shownFirstA } from './order.js';
import { tally, wilsonInterval } from './winRate.js';

describe('Wilson score interval', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i gives %f to %f', (x, n, low, high) => {
    const w = wilsonInterval(x, n);
    expect(w.rate).toBeCloseTo(x / n, 10);
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });
});

describe('tally of verdicts', () => {
  it('counts a tie as half a win and names a winner only when the interval clears 50%', () => {
    const clear = tally([...Array<'B'>(18).fill('B'), 'A', 'tie']);
    expect(clear).toMatchObject({ total: 20, winsA: 1, winsB: 18, ties: 1, winner: 'B' });
    expect(clear.winRateB.rate).toBeCloseTo(18.5 / 20, 10);
    // 6 of 10: the interval (0.31-0.83) spans 50%, so nobody wins.
    expect(tally(['B', 'B', 'B', 'B', 'B', 'B', 'A', 'A', 'A', 'A']).winner).toBe('unclear');
    expect(tally(Array<'A'>(15).fill('A')).winner).toBe('A');
    expect(tally([])).toMatchObject({ total: 0, winner: 'unclear' });
  });
});

describe('shown order', () => {
  it('is the same for the same seed, differs between seeds, and shows each side first about half the time', () => {
    expect(shownFirstA(7, 50)).toEqual(shownFirstA(7, 50));
    expect(shownFirstA(7, 50)).not.toEqual(shownFirstA(8, 50));
    const firsts = shownFirstA(12345, 2000).filter(Boolean).length;
    expect(firsts).toBeGreaterThan(900);
    expect(firsts).toBeLessThan(1100);
  });
});
