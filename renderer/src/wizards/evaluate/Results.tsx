// Base vs tuned vs prompting baseline: the verdicts first, then the score table (a line of explanation per metric),
// the charts with confidence intervals, and the per-category differences where the examples carry a category.
import { METRIC_INFO, type CoreMetric } from '../../../../electron/contract/evaluation.js';
import { useEvalStore } from '../../stores/evalStore.js';
import { formatMetric, SYSTEM_LABEL } from './format.js';
import { MetricChart } from './MetricChart.js';

const CORE: CoreMetric[] = ['exactMatch', 'tokenF1', 'rougeL', 'bleu', 'chrF'];
const ROWS = [...CORE, 'perplexity', 'jsonValid', 'fitsSchema', 'rules'] as const;

export function Results() {
  const current = useEvalStore((s) => s.current);
  const openReport = useEvalStore((s) => s.openReport);
  if (!current) return null;
  const r = current.result;
  const names = Object.keys(r.systems) as (keyof typeof r.systems)[];
  const categories = r.comparisons[0] ? Object.entries(r.comparisons[0].metrics.tokenF1?.byCategory ?? {}) : [];
  return (
    <section aria-labelledby="eval-results-title" className="data-section">
      <h3 id="eval-results-title">Results on {r.examples.length} test examples</h3>
      {r.comparisons.map((c) => (
        <p key={`${c.a}-${c.b}`} className="verdict">
          {c.verdict}
        </p>
      ))}
      <table>
        <caption>Scores (higher is better, except perplexity)</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {names.map((s) => (
              <th key={s} scope="col">
                {SYSTEM_LABEL[s]}
              </th>
            ))}
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.filter((m) => names.some((s) => r.systems[s]?.[m] !== null && r.systems[s]?.[m] !== undefined)).map((m) => (
            <tr key={m}>
              <th scope="row">{METRIC_INFO[m].label}</th>
              {names.map((s) => (
                <td key={s}>{formatMetric(m, r.systems[s]?.[m])}</td>
              ))}
              <td className="muted">{METRIC_INFO[m].explain}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="charts">
        {CORE.map((m) => (
          <MetricChart key={m} metric={m} systems={r.systems} comparisons={r.comparisons} />
        ))}
      </div>
      {categories.length > 0 && r.comparisons[0] && (
        <table>
          <caption>
            Word overlap by category: {SYSTEM_LABEL[r.comparisons[0].b]} minus {SYSTEM_LABEL[r.comparisons[0].a].toLowerCase()}
          </caption>
          <tbody>
            {categories.map(([cat, i]) => (
              <tr key={cat}>
                <th scope="row">{cat}</th>
                <td>
                  {formatMetric('tokenF1', i.difference)} (95% interval {formatMetric('tokenF1', i.low)} to {formatMetric('tokenF1', i.high)}; {i.n} examples)
                  {!(i.low > 0 || i.high < 0) && ' · not enough examples to tell'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => void openReport()}>
        Open the report
      </button>
    </section>
  );
}
