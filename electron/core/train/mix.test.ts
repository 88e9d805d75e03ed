import { describe, expect, it } from 'vitest';
import type { Sample } from '../../contract/domain.js';
import { mixSamples } from './mix.js';

const samples = (tag: string, n: number): Sample[] =>
  Array.from({ length: n }, (_, i) => ({
    messages: [
      { role: 'user', content: `${tag} ${i}` },
      { role: 'assistant', content: 'ok' },
    ],
  }));
const tagOf = (s: Sample) => s.messages[0]!.content.split(' ')[0];

describe('training mix', () => {
  it('takes each version in proportion to its weight, reproducibly from the seed', () => {
    const a = samples('a', 60);
    const b = samples('b', 40);
    const mixed = mixSamples(
      [
        { id: 'A', weight: 3, samples: a },
        { id: 'B', weight: 1, samples: b },
      ],
      7,
    );
    expect(mixed.samples).toHaveLength(100);
    expect(mixed.counts).toEqual({ A: 75, B: 25 });
    const share = mixed.samples.filter((s) => tagOf(s) === 'a').length / mixed.samples.length;
    expect(share).toBeCloseTo(0.75, 2);
    // a heavier small source repeats its examples, each once before any twice
    const heavy = mixSamples(
      [
        { id: 'A', weight: 1, samples: a },
        { id: 'B', weight: 4, samples: samples('b', 10) },
      ],
      7,
    );
    const perB = new Map<string, number>();
    for (const s of heavy.samples.filter((x) => tagOf(x) === 'b')) perB.set(s.messages[0]!.content, (perB.get(s.messages[0]!.content) ?? 0) + 1);
    expect(Math.max(...perB.values()) - Math.min(...perB.values())).toBeLessThanOrEqual(1);
    expect(
      mixSamples(
        [
          { id: 'A', weight: 3, samples: a },
          { id: 'B', weight: 1, samples: b },
        ],
        7,
      ),
    ).toEqual(mixed);
    expect(
      mixSamples(
        [
          { id: 'A', weight: 3, samples: a },
          { id: 'B', weight: 1, samples: b },
        ],
        8,
      ).samples,
    ).not.toEqual(mixed.samples);
  });

  it('replays the asked share of an earlier run’s examples', () => {
    const mixed = mixSamples([{ id: 'new', weight: 1, samples: samples('new', 80) }], 1, { samples: samples('old', 200), share: 0.2 });
    expect(mixed.replayed).toBe(20);
    expect(mixed.samples.filter((s) => tagOf(s) === 'old').length / mixed.samples.length).toBeCloseTo(0.2, 5);
    expect(mixSamples([{ id: 'new', weight: 1, samples: samples('new', 80) }], 1).replayed).toBe(0);
  });
});
