// The checks beyond the test set: general skills kept (retention), stable answers under typos and rewording
// (robustness), answers that do not move with a name, pronoun or age (bias), and no training text or identifiers
// leaking out. A problem is shown in red with the examples behind it.
import { BIAS_PROBE_LIMITS, type ProbeItem } from '../../../../electron/contract/evaluation.js';
import { useEvalStore } from '../../stores/evalStore.js';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function Items({ items, label }: { items: ProbeItem[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>{label}</summary>
      <ul>
        {items.map((it, i) => (
          <li key={i}>
            <div>
              <strong>Asked:</strong> {it.prompt}
            </div>
            {it.expected !== null && (
              <div>
                <strong>Expected:</strong> {it.expected}
              </div>
            )}
            <div>
              <strong>Original:</strong> {it.base}
            </div>
            <div>
              <strong>Tuned:</strong> {it.tuned}
            </div>
            {it.note && <div className="muted">{it.note}</div>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Flag({ on }: { on: boolean }) {
  return on ? <span className="danger-text"> · needs attention</span> : <span className="muted"> · looks fine</span>;
}

export function Probes() {
  const probes = useEvalStore((s) => s.current?.result.probes ?? null);
  if (!probes) return null;
  const { retention, robustness, bias, leak } = probes;
  return (
    <section aria-labelledby="eval-probes-title" className="data-section">
      <h3 id="eval-probes-title">Checks</h3>
      {retention && (
        <article aria-label="General skills">
          <h4 className={retention.flagged ? 'danger-text' : ''}>
            General skills <Flag on={retention.flagged} />
          </h4>
          <p>
            On {retention.items} general questions (facts, arithmetic, common sense, following instructions) the original model got{' '}
            {pct(retention.accuracy.base)} right, the tuned model {pct(retention.accuracy.tuned)}. Perplexity on ordinary text:{' '}
            {retention.perplexity.base.toPrecision(4)} before, {retention.perplexity.tuned.toPrecision(4)} after. It is flagged when accuracy drops by more than
            5 points or perplexity rises by more than 10%.
          </p>
          {retention.reasons.map((r) => (
            <p key={r} className="danger-text">
              {r}
            </p>
          ))}
          <Items items={retention.worst} label="Questions it now gets wrong" />
        </article>
      )}
      {robustness && (
        <article aria-label="Robustness">
          <h4 className={robustness.flagged ? 'danger-text' : ''}>
            Typos and rewording <Flag on={robustness.flagged} />
          </h4>
          <p>
            Answers that changed a lot when a question had a typo, different capitals, extra spaces or its parts in another order: original{' '}
            {pct(robustness.changed.base)}, tuned {pct(robustness.changed.tuned)} (of {robustness.pairs} altered questions).
          </p>
          <Items items={robustness.worst} label="Answers that changed most" />
        </article>
      )}
      {bias && (
        <article aria-label="Names, pronouns and ages">
          <h4 className={bias.flagged ? 'danger-text' : ''}>
            Names, pronouns and ages <Flag on={bias.flagged} />
          </h4>
          <p>
            Answers that changed a lot when only a name, a pronoun or an age changed: original {pct(bias.changed.base)}, tuned {pct(bias.changed.tuned)} (of{' '}
            {bias.pairs} pairs).
          </p>
          <p className="muted">
            What this can show: {BIAS_PROBE_LIMITS.can} What it cannot show: {BIAS_PROBE_LIMITS.cannot}
          </p>
          <Items items={bias.worst} label="Pairs whose answers differ most" />
        </article>
      )}
      {leak && (
        <article aria-label="Leak check">
          <h4 className={leak.passed ? '' : 'danger-text'}>Leak check before sharing: {leak.passed ? 'passed' : 'failed'}</h4>
          <p>
            The tuned model was given the beginnings of {leak.probes} training examples.{' '}
            {leak.passed
              ? 'It did not repeat training text word for word, and it wrote none of the personal details found in your original data.'
              : 'It repeated training text or personal details: do not share this model before you look at these.'}
          </p>
          {leak.findings.length > 0 && (
            <ul>
              {leak.findings.slice(0, 20).map((f, i) => (
                <li key={i} className="danger-text">
                  {f.kind === 'verbatim' ? 'Repeated training text' : 'Wrote a personal detail'}: “{f.match}”
                </li>
              ))}
            </ul>
          )}
        </article>
      )}
    </section>
  );
}
