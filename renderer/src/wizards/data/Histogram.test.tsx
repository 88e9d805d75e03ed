import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TokenStatsResult } from '../../../../electron/contract/datasets.js';
import { countTicks, Histogram } from './Histogram.js';

describe('token histogram', () => {
  it('labels the count axis at round steps, not only 0 and the maximum', () => {
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(23)).toEqual([0, 10, 20, 30]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it('draws the gridline values and says when every example is under the max length', () => {
    const stats = {
      versionId: 'v',
      count: 9,
      histogram: [
        { from: 0, to: 10, count: 2 },
        { from: 10, to: 20, count: 7 },
      ],
      min: 4,
      max: 18,
      mean: 12,
      median: 12,
      p95: 18,
      totalTokens: 100,
      maxLength: 1024,
      overMax: 0,
      overMaxShare: 0,
    } as unknown as TokenStatsResult;
    const html = renderToStaticMarkup(<Histogram stats={stats} />);
    expect(html.match(/data-testid="count-tick"/g)).toHaveLength(5);
    expect(html).toContain('>8</text>');
    expect(html).toContain('Every example is shorter than the max length (1,024)');
    expect(html).not.toContain('class="limit"');
  });
});
