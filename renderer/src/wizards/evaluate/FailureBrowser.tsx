// The failure browser: the weakest test examples by any metric, the three systems' answers side by side, filterable
// by words and by where the tuned model did worse; any of them can go back to Data with a corrected answer.
import { useMemo, useState } from 'react';
import { METRIC_INFO, type EvalExample, type ExampleScores, type SystemName } from '../../../../electron/contract/evaluation.js';
import { useEvalStore } from '../../stores/evalStore.js';
import { formatMetric, lastUserText, SYSTEM_LABEL } from './format.js';

const CORE: (keyof ExampleScores)[] = ['tokenF1', 'exactMatch', 'rougeL', 'bleu', 'chrF'];
/** Offered only when the evaluation scored them (answers are JSON, or the specialist wrote rules). */
const OPTIONAL: (keyof ExampleScores)[] = ['jsonValid', 'fitsSchema', 'rules'];
const SHOWN = 20;

function SendForm({ example, onDone }: { example: EvalExample; onDone: () => void }) {
  const sendToData = useEvalStore((s) => s.sendToData);
  const [text, setText] = useState(example.reference);
  const [busy, setBusy] = useState(false);
  const answers = (Object.keys(example.answers) as SystemName[]).map((s) => ({ label: SYSTEM_LABEL[s], text: example.answers[s] ?? '' }));
  return (
    <form
      aria-label="Send to Data"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void sendToData({ prompt: example.prompt, answers, correction: text }).then((ok) => {
          setBusy(false);
          if (ok) onDone();
        });
      }}
    >
      <label>
        Corrected answer
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} required />
      </label>
      <div className="row">
        <button type="submit" disabled={busy || text.trim() === ''}>
          Send to the Data inbox
        </button>
        <button type="button" className="ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function FailureBrowser() {
  const current = useEvalStore((s) => s.current);
  const [metric, setMetric] = useState<keyof ExampleScores>('tokenF1');
  const [query, setQuery] = useState('');
  const [onlyWorse, setOnlyWorse] = useState(false);
  const [sending, setSending] = useState<number | null>(null);
  const examples = current?.result.examples;
  const worst = useMemo(() => {
    if (!examples) return [];
    const score = (e: EvalExample, s: SystemName) => e.scores[s]?.[metric] ?? 0;
    const main: SystemName = examples[0]?.scores.tuned ? 'tuned' : 'base';
    const q = query.trim().toLowerCase();
    return examples
      .filter((e) => !onlyWorse || score(e, 'tuned') < score(e, 'base'))
      .filter((e) => !q || [lastUserText(e.prompt), e.reference, ...Object.values(e.answers)].some((t) => t?.toLowerCase().includes(q)))
      .sort((a, b) => score(a, main) - score(b, main));
  }, [examples, metric, query, onlyWorse]);
  if (!current) return null;
  const systems = Object.keys(current.result.systems) as SystemName[];
  const sortable = [...CORE, ...OPTIONAL.filter((m) => systems.some((s) => current.result.systems[s]?.[m] !== null))];
  return (
    <section aria-labelledby="eval-failures-title" className="data-section">
      <h3 id="eval-failures-title">Weakest answers</h3>
      <div className="row">
        <label>
          Sort by
          <select value={metric} onChange={(e) => setMetric(e.target.value as keyof ExampleScores)}>
            {sortable.map((m) => (
              <option key={m} value={m}>
                {METRIC_INFO[m].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {systems.includes('tuned') && (
          <label>
            <input type="checkbox" checked={onlyWorse} onChange={(e) => setOnlyWorse(e.target.checked)} /> Only where the tuned model did worse
          </label>
        )}
      </div>
      <p className="muted">
        {worst.length} of {current.result.examples.length} examples{worst.length > SHOWN ? `, the ${SHOWN} weakest shown` : ''}.
      </p>
      <ul className="failures">
        {worst.slice(0, SHOWN).map((e) => (
          <li key={e.index} aria-label={`Example ${e.index + 1}`}>
            <p>
              <strong>Question:</strong> {lastUserText(e.prompt)}
              {e.category && <span className="muted"> · {e.category}</span>}
            </p>
            <p>
              <strong>Expected:</strong> {e.reference}
            </p>
            <div className="side-by-side">
              {systems.map((s) => (
                <div key={s}>
                  <strong>{SYSTEM_LABEL[s]}</strong> <span className="muted">({formatMetric(metric, e.scores[s]?.[metric])})</span>
                  <p>{e.answers[s] || <em>(no answer)</em>}</p>
                </div>
              ))}
            </div>
            {e.perplexity.base !== undefined && (
              <p className="muted">
                How surprised each model is by the expected answer (perplexity, lower is better): original {formatMetric('perplexity', e.perplexity.base)}
                {e.perplexity.tuned !== undefined && `, tuned ${formatMetric('perplexity', e.perplexity.tuned)}`}.
              </p>
            )}
            {sending === e.index ? (
              <SendForm example={e} onDone={() => setSending(null)} />
            ) : (
              <button type="button" className="ghost" onClick={() => setSending(e.index)}>
                Send to Data
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
