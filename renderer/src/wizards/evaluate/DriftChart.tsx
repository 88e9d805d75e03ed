// One headline metric over the project's evaluations, oldest first (#1, #2, ...): the original model's and the tuned
// model's scores as lines, each with its 95% interval shaded where the evaluation stored one (uPlot, canvas; as in
// the Train step's loss chart, the figure's accessible name carries the numbers).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { METRIC_INFO, type CoreMetric, type EvaluationSummary } from '../../../../electron/contract/evaluation.js';
import { formatMetric, SYSTEM_COLOR, SYSTEM_LABEL } from './format.js';

export type DriftMetric = CoreMetric | 'perplexity';
const LINES = ['base', 'tuned'] as const;
const SHADE = { base: 'rgba(138, 143, 152, 0.22)', tuned: 'rgba(37, 99, 235, 0.18)' };

/** Shares are drawn as percentages, so the axis reads like the tables. */
const shown = (metric: DriftMetric, v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? null : METRIC_INFO[metric].scale === 'fraction' ? 100 * v : v;

function data(metric: DriftMetric, oldestFirst: readonly EvaluationSummary[]): uPlot.AlignedData {
  const xs = oldestFirst.map((_, i) => i + 1);
  const value = (s: 'base' | 'tuned') => oldestFirst.map((e) => shown(metric, e.systems[s]?.[metric]));
  const edge = (s: 'base' | 'tuned', end: 'low' | 'high') =>
    oldestFirst.map((e) => (metric === 'perplexity' ? null : shown(metric, e.systems[s]?.intervals?.[metric]?.[end])));
  return [xs, value('base'), value('tuned'), edge('base', 'high'), edge('base', 'low'), edge('tuned', 'high'), edge('tuned', 'low')] as uPlot.AlignedData;
}

/** Large perplexities as 12k / 3.4M, so the axis labels fit. */
const compact = (v: number) => (Math.abs(v) >= 1e6 ? `${+(v / 1e6).toFixed(1)}M` : Math.abs(v) >= 1e4 ? `${+(v / 1e3).toFixed(0)}k` : String(+v.toFixed(2)));

export function DriftChart({ metric, oldestFirst }: { metric: DriftMetric; oldestFirst: readonly EvaluationSummary[] }) {
  const box = useRef<HTMLDivElement>(null);
  const info = METRIC_INFO[metric];
  const n = oldestFirst.length;

  useEffect(() => {
    if (!box.current) return;
    const edge = { stroke: 'transparent', width: 0, points: { show: false } };
    const plot = new uPlot(
      {
        width: Math.max(300, box.current.clientWidth || 360),
        height: 170,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [0.7, n + 0.3] } },
        axes: [
          { splits: () => oldestFirst.map((_, i) => i + 1), values: (_u, splits) => splits.map((v) => `#${v}`) },
          { values: (_u, splits) => splits.map((v) => (info.scale === 'fraction' ? `${v}%` : compact(v))), size: 56 },
        ],
        series: [
          {},
          ...LINES.map((s) => ({ label: SYSTEM_LABEL[s], stroke: SYSTEM_COLOR[s], width: 2, spanGaps: true, points: { show: true, size: 7 } })),
          edge,
          edge,
          edge,
          edge,
        ],
        bands: [
          { series: [3, 4], fill: SHADE.base },
          { series: [5, 6], fill: SHADE.tuned },
        ],
      },
      data(metric, oldestFirst),
      box.current,
    );
    return () => plot.destroy();
  }, [metric, oldestFirst, n, info.scale]);

  const spoken = LINES.map(
    (s) => `${SYSTEM_LABEL[s].toLowerCase()} ${oldestFirst.map((e, i) => `#${i + 1} ${formatMetric(metric, e.systems[s]?.[metric])}`).join(', ')}`,
  );
  return (
    <figure className="drift-chart" role="img" aria-label={`${info.label} over ${n} evaluations, oldest first: ${spoken.join('; ')}`}>
      <figcaption>
        <strong>{info.label}</strong> <span className="muted">{metric === 'perplexity' ? 'lower is better' : 'higher is better'}</span>
      </figcaption>
      <div ref={box} />
    </figure>
  );
}
