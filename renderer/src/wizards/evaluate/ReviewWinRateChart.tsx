import type { ReviewReveal } from '../../../../electron/contract/reviewRequests.js';
import { pct } from './reviewWords.js';

const W = 480;

/**
 * Two bars: how the pairs split (A better / same / B better), and B's share with its likely range against the 50%
 * line, so "is the range clear of 50%?" is something one sees rather than reads.
 */
export function WinRateChart({ reveal }: { reveal: ReviewReveal }) {
  const { result, labelA, labelB } = reveal;
  const n = Math.max(1, result.total);
  const a = (result.winsA / n) * W;
  const t = (result.ties / n) * W;
  const { rate, low, high } = result.winRateB;
  const label =
    `${labelA} better in ${result.winsA} pairs, about the same in ${result.ties}, ${labelB} better in ${result.winsB}. ` +
    `${labelB} preferred in ${pct(rate)}, likely range ${pct(low)} to ${pct(high)}.`;
  return (
    <svg className="winrate-chart" viewBox={`0 0 ${W} 92`} width="100%" role="img" aria-label={label}>
      <rect x={0} y={4} width={a} height={22} className="bar-a" />
      <rect x={a} y={4} width={t} height={22} className="bar-tie" />
      <rect x={a + t} y={4} width={W - a - t} height={22} className="bar-b" />
      <text x={4} y={40} className="chart-text">
        {labelA} better: {result.winsA}
      </text>
      <text x={W / 2} y={40} textAnchor="middle" className="chart-text">
        same: {result.ties}
      </text>
      <text x={W - 4} y={40} textAnchor="end" className="chart-text">
        {labelB} better: {result.winsB}
      </text>
      <line x1={0} x2={W} y1={64} y2={64} className="axis" />
      <line x1={W / 2} x2={W / 2} y1={52} y2={76} className="half" />
      <rect x={low * W} y={58} width={Math.max(2, (high - low) * W)} height={12} className="range" />
      <circle cx={rate * W} cy={64} r={5} className="point" />
      <text x={0} y={90} className="chart-text">
        0%
      </text>
      <text x={W / 2} y={90} textAnchor="middle" className="chart-text">
        50%
      </text>
      <text x={W} y={90} textAnchor="end" className="chart-text">
        100%
      </text>
    </svg>
  );
}
