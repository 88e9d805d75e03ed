// Every evaluation of this project, newest first, so a later run's numbers can be compared with earlier ones.
import { useEvalStore } from '../../stores/evalStore.js';
import { formatMetric } from './format.js';

export function History() {
  const history = useEvalStore((s) => s.history);
  const current = useEvalStore((s) => s.current);
  const show = useEvalStore((s) => s.show);
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="eval-history-title" className="data-section">
      <h3 id="eval-history-title">Earlier evaluations</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Run</th>
            <th scope="col">Tuned word overlap</th>
            <th scope="col">Tuned BLEU</th>
            <th scope="col">Leak check</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id} aria-current={current?.id === h.id ? 'true' : undefined}>
              <td>{new Date(h.createdAt).toLocaleString()}</td>
              <td>{h.runId.slice(0, 8)}</td>
              <td>{formatMetric('tokenF1', h.systems.tuned?.tokenF1)}</td>
              <td>{formatMetric('bleu', h.systems.tuned?.bleu)}</td>
              <td className={h.leakPassed === false ? 'danger-text' : ''}>{h.leakPassed === null ? 'not run' : h.leakPassed ? 'passed' : 'failed'}</td>
              <td>
                <button type="button" className="ghost" onClick={() => void show(h.id)} disabled={current?.id === h.id}>
                  Show
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
