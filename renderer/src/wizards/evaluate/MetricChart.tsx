// One chart per metric: a bar per system, and under it each comparison's difference as a dot with its 95% interval
// on a line through zero. A grey whisker crossing zero means "not enough examples to tell".
import { METRIC_INFO, type Comparison, type CoreMetric, type SystemName, type SystemSummary } from '../../../../electron/contract/evaluation.js';
import { formatMetric, SYSTEM_COLOR, SYSTEM_LABEL } from './format.js';

export function MetricChart({
  metric,
  systems,
  comparisons,
}: {
  metric: CoreMetric;
  systems: Partial<Record<SystemName, SystemSummary>>;
  comparisons: Comparison[];
}) {
  const names = Object.keys(systems) as SystemName[];
  const max = METRIC_INFO[metric].scale === 'points' ? 100 : 1;
  const barsHeight = names.length * 22;
  const height = barsHeight + comparisons.length * 26 + 8;
  const x = (v: number) => 330 + Math.max(-1, Math.min(1, v / max)) * 150;
  return (
    <figure className="metric-chart">
      <figcaption>
        <strong>{METRIC_INFO[metric].label}</strong> <span className="muted">{METRIC_INFO[metric].explain}</span>
      </figcaption>
      <svg
        viewBox={`0 0 520 ${height}`}
        width="100%"
        style={{ maxWidth: 520 }}
        role="img"
        aria-label={`${METRIC_INFO[metric].label} by system, with the confidence interval of each difference`}
      >
        {names.map((s, i) => {
          const v = systems[s]![metric];
          const w = Math.max(0, Math.min(1, v / max)) * 260;
          return (
            <g key={s}>
              <text x="0" y={15 + i * 22} fontSize="12" fill="currentColor">
                {SYSTEM_LABEL[s]}
              </text>
              <rect x="140" y={4 + i * 22} width={w} height="14" fill={SYSTEM_COLOR[s]} />
              <text x={146 + w} y={15 + i * 22} fontSize="12" fill="currentColor">
                {formatMetric(metric, v)}
              </text>
            </g>
          );
        })}
        {comparisons.map((c, j) => {
          const i = c.metrics[metric]?.overall;
          if (!i) return null;
          const y = barsHeight + 14 + j * 26;
          const crosses = !(i.low > 0 || i.high < 0);
          const color = crosses ? '#8a8f98' : i.low > 0 ? '#15803d' : '#b91c1c';
          return (
            <g key={`${c.a}-${c.b}`}>
              <text x="0" y={y + 4} fontSize="11" fill="currentColor">
                {`${SYSTEM_LABEL[c.b]} − ${SYSTEM_LABEL[c.a].toLowerCase()}`}
              </text>
              <line x1="180" y1={y} x2="480" y2={y} stroke="#ccc" />
              <line x1="330" y1={y - 7} x2="330" y2={y + 7} stroke="#666" />
              <line x1={x(i.low)} y1={y} x2={x(i.high)} y2={y} stroke={color} strokeWidth="4" />
              <circle cx={x(i.difference)} cy={y} r="5" fill={color} />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
