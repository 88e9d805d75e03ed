// How the answers kept the specialist's rules: per rule, the share of answers passing it for the original model, the
// tuned model and the prompting baseline, and the answers that broke it (one click away, with the question).
import { useState } from 'react';
import type { RuleResult, SystemName } from '../../../../electron/contract/evaluation.js';
import { useEvalStore } from '../../stores/evalStore.js';
import { formatMetric, lastUserText, SYSTEM_LABEL } from './format.js';

function Failing({ rule, systems }: { rule: RuleResult; systems: SystemName[] }) {
  const examples = useEvalStore((s) => s.current?.result.examples ?? []);
  const rows = systems.flatMap((s) => (rule.failing[s] ?? []).map((i) => ({ s, e: examples[i] })));
  if (rows.length === 0) return <p className="muted">Every answer kept this rule.</p>;
  return (
    <ul aria-label={`Answers that broke: ${rule.words}`}>
      {rows.map(({ s, e }) =>
        e ? (
          <li key={`${s}-${e.index}`}>
            <strong>{SYSTEM_LABEL[s]}</strong>, example {e.index + 1} (“{lastUserText(e.prompt)}”): {e.answers[s] || <em>(no answer)</em>}
          </li>
        ) : null,
      )}
    </ul>
  );
}

export function RuleResults() {
  const current = useEvalStore((s) => s.current);
  const [open, setOpen] = useState<number | null>(null);
  const rules = current?.result.rules ?? [];
  if (!current || rules.length === 0) return null;
  const systems = Object.keys(current.result.systems) as SystemName[];
  return (
    <section aria-labelledby="eval-rules-title" className="data-section rule-results">
      <h3 id="eval-rules-title">How the answers kept your rules</h3>
      <table>
        <caption>Share of answers keeping each rule (higher is better)</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            {systems.map((s) => (
              <th key={s} scope="col">
                {SYSTEM_LABEL[s]}
              </th>
            ))}
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => {
            const broke = systems.reduce((n, s) => n + (r.failing[s]?.length ?? 0), 0);
            return [
              <tr key={i}>
                <th scope="row">The answer {r.words.replace(/^must match /, 'must match the pattern ')}</th>
                {systems.map((s) => (
                  <td key={s}>{formatMetric('rules', r.passRate[s])}</td>
                ))}
                <td>
                  <button type="button" className="ghost" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)} disabled={broke === 0}>
                    {broke === 0
                      ? 'No answer broke it'
                      : `${open === i ? 'Hide' : 'Show'} the ${broke} ${broke === 1 ? 'answer' : 'answers'} that broke rule ${i + 1}`}
                  </button>
                </td>
              </tr>,
              open === i && (
                <tr key={`${i}-failing`}>
                  <td colSpan={systems.length + 2} className="failing-list">
                    <Failing rule={r} systems={systems} />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </section>
  );
}
