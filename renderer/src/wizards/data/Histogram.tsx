import type { TokenStatsResult } from '../../../../electron/contract/datasets.js';
import { number } from './labels.js';

const W = 640;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 40 };

/**
 * Token-length histogram as SVG: every bar has a text title, the chart as a whole has a summary as its accessible
 * name, and the same numbers sit in a table for screen readers. Bars past the max length are drawn in the warning
 * colour, and colours come from the theme's CSS variables, so dark mode needs nothing extra.
 */
export function Histogram({ stats }: { stats: TokenStatsResult }) {
  const bins = stats.histogram;
  const peak = Math.max(1, ...bins.map((b) => b.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = plotW / Math.max(1, bins.length);
  const end = bins.at(-1)?.to ?? 1;
  const xOf = (tokens: number) => PAD.left + (plotW * tokens) / end;
  const labelEvery = Math.ceil(bins.length / 8);
  const summary = `Histogram of example lengths in tokens: ${stats.count} examples, most between ${number(stats.min)} and ${number(stats.p95)} tokens; ${stats.overMax} longer than the max length of ${number(stats.maxLength)}.`;

  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="token-histogram">
        <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} className="axis" />
        <text x={PAD.left - 6} y={PAD.top + 4} className="tick" textAnchor="end">
          {number(peak)}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotH} className="tick" textAnchor="end">
          0
        </text>
        {bins.map((b, i) => {
          const h = (plotH * b.count) / peak;
          return (
            <g key={b.from}>
              <rect
                x={PAD.left + i * barW + 1}
                y={PAD.top + plotH - h}
                width={Math.max(1, barW - 2)}
                height={h}
                className={b.from >= stats.maxLength ? 'bar over' : 'bar'}
              >
                <title>{`${number(b.from)}–${number(b.to)} tokens: ${b.count} examples`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * barW} y={H - PAD.bottom + 16} className="tick" textAnchor="middle">
                  {number(b.from)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={xOf(stats.maxLength)} y1={PAD.top} x2={xOf(stats.maxLength)} y2={PAD.top + plotH} className="limit" />
        <text x={Math.min(xOf(stats.maxLength) + 4, W - 90)} y={PAD.top + 12} className="tick">
          max {number(stats.maxLength)}
        </text>
        <text x={PAD.left + plotW / 2} y={H - 6} className="tick" textAnchor="middle">
          tokens per example
        </text>
      </svg>
      <figcaption className="muted">Each bar counts the examples of that length. Bars right of the dashed line are longer than the max length.</figcaption>
      <table className="visually-hidden">
        <caption>Examples per length range</caption>
        <thead>
          <tr>
            <th scope="col">Tokens</th>
            <th scope="col">Examples</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.from}>
              <td>{`${b.from}–${b.to}`}</td>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
