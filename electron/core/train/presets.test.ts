import { describe, expect, it } from 'vitest';
import { outsideSafeRange, TrainingSettings } from '../../contract/training.js';
import { computePresets } from './presets.js';

describe('training presets', () => {
  it('pins the three presets for a tiny CPU dataset, a medium one and a large GPU one', () => {
    const tiny = computePresets({ examples: 20, p95Tokens: 70, maxTokens: 90, gpu: false, threads: 2 });
    expect(tiny.map((p) => p.id)).toEqual(['quick', 'balanced', 'thorough']);
    expect(tiny[0]!.settings).toEqual({ rank: 8, alpha: 16, lr: 1e-3, epochs: 3, maxSeq: 128, gradAccum: 1, threads: 2 });
    expect(tiny[1]!.settings).toEqual({ rank: 16, alpha: 32, lr: 1e-3, epochs: 6, maxSeq: 128, gradAccum: 1, threads: 2 });
    expect(tiny[2]!.settings).toEqual({ rank: 32, alpha: 64, lr: 5e-4, epochs: 10, maxSeq: 128, gradAccum: 2, earlyStop: 3, threads: 2 });
    const medium = computePresets({ examples: 900, p95Tokens: 300, maxTokens: 1500, gpu: false, threads: 8 });
    expect(medium[0]!.settings).toMatchObject({ lr: 5e-4, epochs: 1, maxSeq: 320 });
    expect(medium[1]!.settings).toMatchObject({ epochs: 3, maxSeq: 1024, gradAccum: 4, earlyStop: 3 });
    const large = computePresets({ examples: 50_000, p95Tokens: 900, maxTokens: 6000, gpu: true, threads: 16 });
    expect(large[0]!.settings).toMatchObject({ lr: 2e-4, epochs: 1, maxSeq: 960 });
    expect(large[2]!.settings).toMatchObject({ lr: 1e-4, epochs: 3, maxSeq: 6016, gradAccum: 8 });
    // every preset is valid for the contract, within the safe ranges, and says why in one line
    for (const p of [...tiny, ...medium, ...large]) {
      expect(TrainingSettings.safeParse(p.settings).success).toBe(true);
      expect(outsideSafeRange(p.settings)).toEqual([]);
      expect(p.why).toMatch(/example/);
      expect(p.why.split('\n')).toHaveLength(1);
    }
  });
});
