import { useEffect, useState, type FormEvent } from 'react';
import { selectedVersion, useDatasetsStore } from '../../stores/datasetsStore.js';

/** Train / validation / test split with a fixed seed, optional stratification, and the leakage check. */
export function SplitPanel() {
  const columns = useDatasetsStore((s) => s.columns);
  const result = useDatasetsStore((s) => s.splitResult);
  const busy = useDatasetsStore((s) => s.busy);
  const runSplit = useDatasetsStore((s) => s.runSplit);
  const checkLeakage = useDatasetsStore((s) => s.checkLeakage);
  const alreadySplit = useDatasetsStore((s) => selectedVersion(s)?.operation === 'split');
  const versionId = useDatasetsStore((s) => s.versionId);
  const loadColumns = useDatasetsStore((s) => s.loadColumns);
  useEffect(() => {
    void loadColumns();
  }, [versionId, loadColumns]);
  const [train, setTrain] = useState(80);
  const [validation, setValidation] = useState(10);
  const [test, setTest] = useState(10);
  const [seed, setSeed] = useState(42);
  const [stratifyBy, setStratifyBy] = useState('');
  const sum = train + validation + test;

  function submit(event: FormEvent) {
    event.preventDefault();
    void runSplit({ seed, shares: { train, validation, test }, ...(stratifyBy ? { stratifyBy } : {}) });
  }
  const share = (label: string, id: string, value: number, set: (n: number) => void, help: string) => (
    <div className="field">
      <label htmlFor={id}>{label} (%)</label>
      <input id={id} type="number" min={0} max={100} value={value} onChange={(e) => set(Number(e.target.value))} aria-describedby={`${id}-help`} />
      <span id={`${id}-help`} className="muted small">
        {help}
      </span>
    </div>
  );

  return (
    <section aria-labelledby="split-title" className="data-section">
      <h3 id="split-title">Split</h3>
      <p className="muted">
        The model learns only from the <strong>training</strong> part. The <strong>validation</strong> part is checked during training to catch over-learning,
        and the <strong>test</strong> part is kept aside to measure the result honestly afterwards.
      </p>
      <form onSubmit={submit} aria-label="Split settings">
        <div className="row wrap">
          {share('Training', 'split-train', train, setTrain, 'what the model learns from')}
          {share('Validation', 'split-validation', validation, setValidation, 'checked while training')}
          {share('Test', 'split-test', test, setTest, 'kept aside for the final check')}
        </div>
        <div className="row wrap">
          <div className="field">
            <label htmlFor="split-seed">Seed</label>
            <input id="split-seed" type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value))} aria-describedby="split-seed-help" />
            <span id="split-seed-help" className="muted small">
              The same seed always gives the same split, so a run can be repeated.
            </span>
          </div>
          <div className="field">
            <label htmlFor="split-stratify">Keep the mix of</label>
            <select id="split-stratify" value={stratifyBy} onChange={(e) => setStratifyBy(e.target.value)} aria-describedby="split-stratify-help">
              <option value="">(nothing: split at random)</option>
              {columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.distinct} values)
                </option>
              ))}
            </select>
            <span id="split-stratify-help" className="muted small">
              Each part then gets the same share of every label (e.g. every category).
            </span>
          </div>
        </div>
        {sum !== 100 && <p className="muted">The shares add up to {sum}; they are used in proportion.</p>}
        <button type="submit" disabled={busy !== null || sum <= 0}>
          {busy === 'split' ? 'Splitting…' : 'Split into training, validation and test'}
        </button>
      </form>
      {alreadySplit && !result && (
        <p>
          This version is already split.{' '}
          <button type="button" className="ghost" disabled={busy !== null} onClick={() => void checkLeakage()}>
            {busy === 'leakage' ? 'Checking…' : 'Check it for leakage'}
          </button>
        </p>
      )}
      {result && (
        <div className="split-result" role="region" aria-label="Split result">
          <p role="status">
            This version holds <strong>{result.counts.train}</strong> for training, <strong>{result.counts.validation}</strong> for validation,{' '}
            <strong>{result.counts.test}</strong> for testing.
          </p>
          {result.leakage.ok ? (
            <p className="notice">Leakage check passed: no example appears, exactly or nearly, in two parts.</p>
          ) : (
            <div className="problem" role="alert">
              <p>
                Leakage: {result.leakage.exact} identical and {result.leakage.near} near-identical pair(s) sit in different parts;{' '}
                {result.leakage.leakedEvalItems} validation/test example(s) have a copy in training, so their scores would look better than the model is. Remove
                the copies in Clean, then split again.
              </p>
              <ul>
                {result.leakage.pairs.slice(0, 20).map((p) => (
                  <li key={`${p.a.position}-${p.b.position}`}>
                    #{p.a.position + 1} ({p.splitA}) and #{p.b.position + 1} ({p.splitB}): {p.a.preview}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
