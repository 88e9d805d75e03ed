// Every evaluation of this project, so a later run's numbers can be compared with earlier ones (drift): a plain
// sentence where a later evaluation scored worse than an earlier one beyond its interval, a chart per headline metric
// (original and tuned model over the evaluations, intervals shaded), and the table with the exact numbers.
import { useMemo } from 'react';
import { useEvalStore } from '../../stores/evalStore.js';
import { DriftChart, type DriftMetric } from './DriftChart.js';
import { formatMetric, SYSTEM_COLOR, SYSTEM_LABEL } from './format.js';

const HEADLINE: DriftMetric[] = ['tokenF1', 'exactMatch', 'rougeL', 'bleu', 'chrF', 'perplexity'];

export function History() {
  const history = useEvalStore((s) => s.history);
  const drift = useEvalStore((s) => s.drift);
  const current = useEvalStore((s) => s.current);
  const show = useEvalStore((s) => s.show);
  // the store keeps the newest first (as the list request returns it); the charts and numbers count from the oldest
  const oldestFirst = useMemo(() => [...history].reverse(), [history]);
  if (history.length === 0) return null;
  const number = new Map(oldestFirst.map((h, i) => [h.id, i + 1]));
  return (
    <section aria-labelledby="eval-history-title" className="data-section">
      <h3 id="eval-history-title">Your evaluations over time</h3>
      {drift.length > 0 ? (
        <div className="drift-warning" role="status" aria-label="Drift">
          {drift.map((d) => (
            <p key={`${d.system}-${d.laterId}-${d.earlierId}`} className="danger-text">
              <strong>
                Evaluation #{number.get(d.laterId)} is worse than #{number.get(d.earlierId)}.
              </strong>{' '}
              {d.sentence}
            </p>
          ))}
        </div>
      ) : (
        history.length > 1 && (
          <p className="muted">No evaluation scored worse than an earlier one by more than its 95% interval allows: nothing here points to drift.</p>
        )
      )}
      {history.length > 1 ? (
        <>
          <p className="muted">
            <span style={{ color: SYSTEM_COLOR.tuned }}>■</span> {SYSTEM_LABEL.tuned} · <span style={{ color: SYSTEM_COLOR.base }}>■</span> {SYSTEM_LABEL.base}
            {' · '}shaded: the range the score could take on another draw of test examples (95% interval), where the evaluation kept one.
          </p>
          <div className="drift-charts">
            {HEADLINE.map((m) => (
              <DriftChart key={m} metric={m} oldestFirst={oldestFirst} />
            ))}
          </div>
        </>
      ) : (
        <p className="muted">A chart of the scores over time appears after a second evaluation.</p>
      )}
      <table>
        <caption>Exact numbers</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Run</th>
            <th scope="col">Original word overlap</th>
            <th scope="col">Tuned word overlap</th>
            <th scope="col">Tuned BLEU</th>
            <th scope="col">Leak check</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id} aria-current={current?.id === h.id ? 'true' : undefined}>
              <td>{number.get(h.id)}</td>
              <td>{new Date(h.createdAt).toLocaleString()}</td>
              <td>{h.runId.slice(0, 8)}</td>
              <td>{formatMetric('tokenF1', h.systems.base?.tokenF1)}</td>
              <td>{formatMetric('tokenF1', h.systems.tuned?.tokenF1)}</td>
              <td>{formatMetric('bleu', h.systems.tuned?.bleu)}</td>
              <td className={h.leakPassed === false ? 'danger-text' : ''}>{h.leakPassed === null ? 'not run' : h.leakPassed ? 'passed' : 'failed'}</td>
              <td>
                <button type="button" className="ghost" onClick={() => void show(h.id)} disabled={current?.id === h.id}>
                  Show #{number.get(h.id)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
