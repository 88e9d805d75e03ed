import type { FitAnswers } from '../../../../electron/contract/generate.js';
import type { Project } from '../../../../electron/contract/domain.js';
import { Messages } from '../../components/Messages.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { useGenerateStore } from '../../stores/generateStore.js';
import { useWizardStore } from '../../stores/wizardStore.js';
import './generate.css';

type Question<K extends keyof FitAnswers> = { key: K; label: string; options: ReadonlyArray<{ value: FitAnswers[K]; label: string }> };

const QUESTIONS: [Question<'goodExamples'>, Question<'vocabulary'>, Question<'format'>, Question<'usage'>, Question<'wrongCost'>] = [
  {
    key: 'goodExamples',
    label: 'How many good examples (a question and the answer an expert would give) do you have today?',
    options: [
      { value: 'none', label: 'None yet' },
      { value: 'dozens', label: 'A few dozen' },
      { value: 'hundreds', label: 'Hundreds' },
      { value: 'thousands', label: 'Thousands' },
    ],
  },
  {
    key: 'vocabulary',
    label: 'How specialised are the words of your field?',
    options: [
      { value: 'everyday', label: 'Everyday language' },
      { value: 'some', label: 'Some terms of the trade' },
      { value: 'specialist', label: 'Full of specialist terms and abbreviations' },
    ],
  },
  {
    key: 'format',
    label: 'How fixed is the shape of a good answer?',
    options: [
      { value: 'free', label: 'Free text' },
      { value: 'usual', label: 'A usual layout' },
      { value: 'strict', label: 'A strict form, code or template' },
    ],
  },
  {
    key: 'usage',
    label: 'How often will people ask the model?',
    options: [
      { value: 'occasionally', label: 'Now and then' },
      { value: 'daily', label: 'Every day' },
      { value: 'constantly', label: 'All day, by many people' },
    ],
  },
  {
    key: 'wrongCost',
    label: 'What does a wrong answer cost?',
    options: [
      { value: 'little', label: 'Little: someone notices and asks again' },
      { value: 'some', label: 'Some time or money' },
      { value: 'serious', label: 'Serious harm (health, legal, financial)' },
    ],
  },
];

const ROUTE_TITLE = { prompting: 'Try prompting first', 'fine-tune': 'Fine-tune', 'collect-more': 'Collect more data first' } as const;

/** The guided check at project start: five plain questions, then what to do and why. */
export function FitCheck({ project }: { project: Project }) {
  const fit = useGenerateStore((s) => s.fit);
  const setFit = useGenerateStore((s) => s.setFit);
  const check = useGenerateStore((s) => s.checkFit);
  const rec = useGenerateStore((s) => s.recommendation);
  const error = useGenerateStore((s) => s.error);
  const setStep = useWizardStore((s) => s.setStep);
  const setTab = useDatasetsStore((s) => s.setTab);

  return (
    <section className="data-section" aria-labelledby="fit-title">
      <h3 id="fit-title">Is fine-tuning the right tool?</h3>
      <p className="muted">
        Tuning a model takes data and time. Often a clear system prompt with a few examples is enough. Five questions, and Fieldtune says which route fits and
        why.
      </p>
      <form
        className="fit-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        {QUESTIONS.map((q) => (
          <fieldset key={q.key}>
            <legend>{q.label}</legend>
            {q.options.map((o) => (
              <label key={o.value} className="choice">
                <input type="radio" name={`fit-${q.key}`} checked={fit[q.key] === o.value} onChange={() => setFit({ [q.key]: o.value })} /> {o.label}
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit">Recommend</button>
      </form>
      <Messages error={error} notice={null} />
      {rec && (
        <div role="region" aria-label="Recommendation" className="recommendation">
          <h4>
            {ROUTE_TITLE[rec.route]}: {rec.headline}
          </h4>
          <ul>
            {rec.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className={rec.route === 'prompting' ? undefined : 'ghost'} onClick={() => setStep(project.id, 'playground')}>
              Try prompting in the Playground
            </button>
            {rec.route === 'collect-more' && (
              <button type="button" className="ghost" onClick={() => setTab('generate')}>
                Write questions from my documents
              </button>
            )}
            {rec.route === 'fine-tune' && (
              <button type="button" className="ghost" onClick={() => setTab('import')}>
                Import my examples
              </button>
            )}
          </div>
          <p className="muted small">
            The Playground opens with this project’s system prompt{project.systemPrompt ? '' : ' (none is set yet: you can write one there)'}.
          </p>
        </div>
      )}
    </section>
  );
}
