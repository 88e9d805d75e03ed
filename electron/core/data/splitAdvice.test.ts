import { describe, expect, it } from 'vitest';
import { splitAdvice, suggestedShares } from './splitAdvice.js';

describe('split advice', () => {
  it('warns when nothing is set aside to evaluate on, and names shares for the size', () => {
    const a = splitAdvice({ train: 24, validation: 0, test: 0 });
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toContain('Nothing is set aside to evaluate on');
    expect(a.warnings[0]).toContain('For 24 examples, 70/15/15');
    expect(a.suggested).toEqual({ train: 70, validation: 15, test: 15 });
  });

  it('warns about a missing or tiny part, and says nothing about a sensible split', () => {
    expect(splitAdvice({ train: 90, validation: 10, test: 0 }).warnings[0]).toContain('No test part');
    expect(splitAdvice({ train: 20, validation: 0, test: 4 }).warnings.join(' ')).toMatch(/Only 4 example\(s\) for testing.*No validation part/);
    expect(splitAdvice({ train: 0, validation: 12, test: 12 }).warnings.join(' ')).toContain('Nothing is left for training');
    expect(splitAdvice({ train: 800, validation: 100, test: 100 }).warnings).toEqual([]);
  });

  it('keeps a smaller share aside as datasets grow, always adding up to 100', () => {
    const sizes = [10, 500, 5_000, 100_000];
    const held = sizes.map((n) => suggestedShares(n).validation);
    expect(held).toEqual([...held].sort((a, b) => b - a));
    expect(new Set(held).size).toBe(4);
    for (const n of sizes) {
      const s = suggestedShares(n);
      expect(s.train + s.validation + s.test).toBe(100);
    }
  });
});
