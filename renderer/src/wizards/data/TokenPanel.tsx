import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../stores/appStore.js';
import { selectedVersion, useDatasetsStore } from '../../stores/datasetsStore.js';
import { useModelsStore } from '../../stores/modelsStore.js';
import { Histogram } from './Histogram.js';
import { JobProgress } from '../../components/JobProgress.js';
import { number, percent } from './labels.js';

/** Token statistics with the chosen base model's tokenizer and chat template: what training will actually read. */
export function TokenPanel() {
  const models = useModelsStore((s) => s.models);
  const demoModelId = useAppStore((s) => s.info?.demoModelId ?? null);
  const stats = useDatasetsStore((s) => s.stats);
  const jobId = useDatasetsStore((s) => s.statsJobId);
  const runStats = useDatasetsStore((s) => s.runStats);
  const [chosen, setChosen] = useState<string | null>(null);
  const [maxTokens, setMaxTokens] = useState(512);
  const [part, setPart] = useState<'' | 'train' | 'validation' | 'test'>('');
  const isSplit = useDatasetsStore((s) => selectedVersion(s)?.operation === 'split');
  const modelId = chosen ?? demoModelId ?? models[0]?.id ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    void runStats({ maxTokens, ...(modelId ? { modelId } : {}), ...(isSplit && part ? { split: part } : {}) });
  }

  return (
    <section aria-labelledby="tokens-title" className="data-section">
      <h3 id="tokens-title">Token lengths</h3>
      <p className="muted">
        Models read text in <strong>tokens</strong> (pieces of words; a page of English is roughly 500). Each example is laid out the way the chosen model
        expects a conversation, then counted, so these are the numbers training will see.
      </p>
      <form className="row wrap" onSubmit={submit} aria-label="Token statistics settings">
        <label htmlFor="tokens-model">Base model</label>
        <select id="tokens-model" value={modelId} onChange={(e) => setChosen(e.target.value)}>
          <option value="">No model: a rough estimate (about 4 characters per token)</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        {isSplit && (
          <>
            <label htmlFor="tokens-part">Examples</label>
            <select id="tokens-part" value={part} onChange={(e) => setPart(e.target.value as typeof part)}>
              <option value="">All</option>
              <option value="train">Training part only</option>
              <option value="validation">Validation part only</option>
              <option value="test">Test part only</option>
            </select>
          </>
        )}
        <label htmlFor="tokens-max">Max length (tokens)</label>
        <input id="tokens-max" type="number" min={16} step={16} value={maxTokens} onChange={(e) => setMaxTokens(Number(e.target.value))} />
        <button type="submit" disabled={jobId !== null || maxTokens < 16}>
          {jobId ? 'Counting…' : 'Count tokens'}
        </button>
      </form>
      {jobId && <JobProgress jobId={jobId} label="Token counting progress" cancelLabel="Stop counting" />}
      {stats && (
        <div role="region" aria-label="Token statistics">
          <dl className="facts">
            <div>
              <dt>Total tokens</dt>
              <dd data-testid="total-tokens">{number(stats.totalTokens)}</dd>
              <dd className="muted">What the model reads in one pass over these {number(stats.count)} examples; training time grows with it.</dd>
            </div>
            <div>
              <dt>Typical example</dt>
              <dd>{number(stats.median)} tokens</dd>
              <dd className="muted">
                Half the examples are shorter, half longer (the median). 95 % are at most {number(stats.p95)}; the longest has {number(stats.max)}.
              </dd>
            </div>
            <div>
              <dt>Longer than {number(stats.maxLength)} tokens</dt>
              <dd data-testid="over-max">
                {percent(stats.overMaxShare)} ({number(stats.overMax)} examples)
              </dd>
              <dd className="muted">
                {stats.overMax === 0
                  ? 'None would be cut off in training.'
                  : 'These would be cut off in training, losing the end of the answer. Raise the max length (more memory) or shorten them.'}
              </dd>
            </div>
          </dl>
          <p className="muted small">
            Counted with{' '}
            {stats.tokenizer === 'model' ? `the tokenizer and chat template of ${stats.modelLabel ?? 'the model'}` : 'a rough estimate (no model chosen)'}.
          </p>
          <Histogram stats={stats} />
        </div>
      )}
    </section>
  );
}
