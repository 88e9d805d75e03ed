import { useEffect } from 'react';
import type { VariationKind } from '../../../../electron/contract/generate.js';
import { JobProgress } from '../../components/JobProgress.js';
import { Messages } from '../../components/Messages.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { useGenerateStore } from '../../stores/generateStore.js';
import { useModelsStore } from '../../stores/modelsStore.js';
import { SuggestionsPanel } from './SuggestionsPanel.js';
import './generate.css';

const KINDS: ReadonlyArray<{ value: VariationKind; label: string }> = [
  { value: 'reword', label: 'Other words, same meaning' },
  { value: 'register', label: 'Another tone (formal or casual)' },
  { value: 'typos', label: 'Typing slips a hurried person makes' },
];

/**
 * More examples from what a specialist already has: questions and answers a local model writes from their documents,
 * and variations of the questions in their data. Everything lands in the review list below; nothing joins the data
 * until a person accepts it.
 */
export function GeneratePanel({ projectId }: { projectId: string }) {
  const s = useGenerateStore();
  const models = useModelsStore((m) => m.models);
  const loadModels = useModelsStore((m) => m.load);
  const versionId = useDatasetsStore((d) => d.versionId);
  const hasChat = useDatasetsStore((d) => d.datasets.some((x) => x.kind === 'chat'));
  const busy = s.jobId !== null;

  useEffect(() => {
    void loadModels();
  }, [loadModels]);
  // A model registered before the header fact existed has no `chatTemplate`: it stays pickable (the core checks).
  const canWrite = (m: (typeof models)[number]) => m.metadata['chatTemplate'] !== false;
  const firstWriter = models.find(canWrite);
  const modelId = s.questions.modelId || firstWriter?.id || '';
  useEffect(() => {
    if (!s.questions.modelId && firstWriter) s.setQuestions({ modelId: firstWriter.id });
  }, [firstWriter, s]);

  return (
    <>
      <section className="data-section generate-section" aria-labelledby="generate-title">
        <h3 id="generate-title">More examples from what you have</h3>
        <p className="muted">
          A model on this computer reads your documents and writes questions with answers, each citing the passage it came from, or rewrites questions already
          in your data. Generated examples are marked as synthetic wherever they go. How good they are depends on the model you pick: check every one.
        </p>
        <div className="row">
          <label htmlFor="generate-model">Model that writes</label>
          <select id="generate-model" value={modelId} onChange={(e) => s.setQuestions({ modelId: e.target.value })}>
            {models.map((m) => (
              <option key={m.id} value={m.id} disabled={!canWrite(m)}>
                {canWrite(m) ? m.label : `${m.label} (not a chat model: it cannot write examples)`}
              </option>
            ))}
          </select>
        </div>
        {!firstWriter && <p className="muted">Add a chat model under Models first.</p>}

        <h4>Questions from your documents</h4>
        <form
          aria-label="Questions from documents"
          onSubmit={(e) => {
            e.preventDefault();
            void s.startQuestions(projectId);
          }}
        >
          <label htmlFor="generate-paths">Documents (PDF, Word, text or Markdown; one path per line, or a folder)</label>
          <div className="generate-paths">
            <textarea
              id="generate-paths"
              className="grow"
              rows={2}
              value={s.questions.paths}
              placeholder="/home/me/Documents/guidelines.pdf"
              onChange={(e) => s.setQuestions({ paths: e.target.value })}
            />
            <button type="button" className="ghost" onClick={() => void s.browse()}>
              Browse…
            </button>
          </div>
          <div className="generate-settings">
            <label htmlFor="generate-per-passage">Questions per passage</label>
            <input
              id="generate-per-passage"
              type="number"
              min={1}
              max={5}
              value={s.questions.questionsPerPassage}
              onChange={(e) => s.setQuestions({ questionsPerPassage: Number(e.target.value) })}
            />
            <label htmlFor="generate-passage">Longest passage, in characters</label>
            <input
              id="generate-passage"
              type="number"
              min={200}
              step={100}
              value={s.questions.passageChars}
              onChange={(e) => s.setQuestions({ passageChars: Number(e.target.value) })}
            />
            <label htmlFor="generate-tokens">Longest question or answer, in word pieces</label>
            <input
              id="generate-tokens"
              type="number"
              min={8}
              value={s.questions.maxNewTokens}
              onChange={(e) => s.setQuestions({ maxNewTokens: Number(e.target.value) })}
            />
          </div>
          <button type="submit" disabled={busy || !modelId || !s.questions.paths.trim()}>
            Write questions
          </button>
        </form>

        <h4>Variations of your questions</h4>
        {hasChat && versionId ? (
          <form
            aria-label="Variations of your questions"
            onSubmit={(e) => {
              e.preventDefault();
              void s.startAugment(projectId, versionId);
            }}
          >
            <p className="muted small">
              Each variation keeps the original answer. Only training examples are varied (never test ones), and copies of questions you already have are left
              out.
            </p>
            <fieldset>
              <legend>Kinds of variation</legend>
              {KINDS.map((k) => (
                <label key={k.value} className="choice">
                  <input
                    type="checkbox"
                    checked={s.augment.kinds.includes(k.value)}
                    onChange={(e) => s.setAugment({ kinds: e.target.checked ? [...s.augment.kinds, k.value] : s.augment.kinds.filter((x) => x !== k.value) })}
                  />{' '}
                  {k.label}
                </label>
              ))}
            </fieldset>
            <div className="generate-settings">
              <label htmlFor="augment-limit">Examples to vary</label>
              <input id="augment-limit" type="number" min={1} value={s.augment.limit} onChange={(e) => s.setAugment({ limit: Number(e.target.value) })} />
            </div>
            <div className="row">
              <button type="submit" disabled={busy || !modelId || s.augment.kinds.length === 0}>
                Write variations
              </button>
            </div>
          </form>
        ) : (
          <p className="muted">Import a dataset of questions and answers to vary its questions.</p>
        )}
        {s.jobId && <JobProgress jobId={s.jobId} label="Writing progress" cancelLabel="Stop writing" />}
        <Messages error={s.error} notice={s.notice} />
      </section>
      <SuggestionsPanel projectId={projectId} sources={['documents', 'augment']} />
    </>
  );
}
