import { useState } from 'react';
import { JobProgress } from '../../components/JobProgress.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { DuplicateGroups } from './DuplicateGroups.js';
import { percent } from './labels.js';

function RemoveBox({ position }: { position: number }) {
  const checked = useDatasetsStore((s) => s.remove[position] ?? false);
  const toggle = useDatasetsStore((s) => s.toggleRemove);
  return (
    <label className="row nowrap">
      <input type="checkbox" checked={checked} onChange={(e) => toggle(position, e.target.checked)} /> Remove #{position + 1}
    </label>
  );
}

/** Cleaning: a review first (nothing changes), then the chosen removals become a new version. */
export function CleanPanel() {
  const review = useDatasetsStore((s) => s.review);
  const conflicts = useDatasetsStore((s) => s.reviewConflicts);
  const remove = useDatasetsStore((s) => s.remove);
  const busy = useDatasetsStore((s) => s.busy);
  const reviewJobId = useDatasetsStore((s) => s.reviewJobId);
  const runReview = useDatasetsStore((s) => s.runReview);
  const applyClean = useDatasetsStore((s) => s.applyClean);
  const [threshold, setThreshold] = useState(0.7);
  const [normalize, setNormalize] = useState(true);
  const [minTokens, setMinTokens] = useState(0);
  const [maxTokens, setMaxTokens] = useState(0);
  const chosen = Object.values(remove).filter(Boolean).length;

  return (
    <section aria-labelledby="clean-title" className="data-section">
      <h3 id="clean-title">Clean</h3>
      <p className="muted">
        Duplicates make the model over-learn some answers, and a copy that ends up in both training and test data makes the test look better than the model is.
        Fieldtune finds identical examples and near copies (the same text with small changes); you decide what goes. Nothing changes until you apply.
      </p>
      <div className="row wrap">
        <label htmlFor="clean-threshold">How similar counts as a near copy</label>
        <input id="clean-threshold" type="range" min={0.5} max={0.95} step={0.05} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />
        <output htmlFor="clean-threshold">{percent(threshold)}</output>
        <button
          type="button"
          disabled={busy !== null || reviewJobId !== null}
          onClick={() => void runReview({ threshold, ...(minTokens ? { minTokens } : {}), ...(maxTokens ? { maxTokens } : {}) })}
        >
          {reviewJobId ? 'Looking…' : 'Find duplicates'}
        </button>
      </div>
      {reviewJobId && <JobProgress jobId={reviewJobId} label="Looking for copies" cancelLabel="Stop looking" />}
      <details>
        <summary>Advanced: length limits</summary>
        <div className="row wrap">
          <label htmlFor="clean-min">Remove examples shorter than (tokens)</label>
          <input id="clean-min" type="number" min={0} value={minTokens || ''} placeholder="no limit" onChange={(e) => setMinTokens(Number(e.target.value))} />
          <label htmlFor="clean-max">or longer than (tokens)</label>
          <input id="clean-max" type="number" min={0} value={maxTokens || ''} placeholder="no limit" onChange={(e) => setMaxTokens(Number(e.target.value))} />
        </div>
        <p className="muted small">Estimated at about 4 characters per token. Very short answers teach little; very long ones get cut off in training.</p>
      </details>
      {review && (
        <>
          <p role="status">
            Checked {review.examples} examples: {review.proposed.exact} identical copies, {review.proposed.near} near copies, {review.proposed.outOfRange} empty
            or out-of-range, and {review.counts.conflicts} question(s) answered in different ways.
          </p>
          <DuplicateGroups review={review} />
          {conflicts.length > 0 && (
            <div className="conflicts" role="region" aria-label="Conflicting answers">
              <h4>Same question, different answers</h4>
              <p className="muted">The model would learn both and pick one at random. Keep the right one, or keep both if both are right.</p>
              {conflicts.map((c) => (
                <div key={c.question} className="conflict">
                  <p>
                    <strong>“{c.question}”</strong>
                  </p>
                  <ul>
                    {c.answers.map((a) => (
                      <li key={a.answer}>
                        {a.answer} <span className="muted">(#{a.positions.map((p) => p + 1).join(', #')})</span>{' '}
                        {a.positions.map((p) => (
                          <RemoveBox key={p} position={p} />
                        ))}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {review.counts.conflicts > conflicts.length && (
                <p className="muted">…and {review.counts.conflicts - conflicts.length} more questions answered in different ways.</p>
              )}
            </div>
          )}
          <div className="row wrap">
            <input id="clean-normalize" type="checkbox" checked={normalize} onChange={(e) => setNormalize(e.target.checked)} />
            <label htmlFor="clean-normalize">
              Also tidy the text ({review.normalizedChanged} examples: invisible characters, odd spaces and accents written two ways)
            </label>
          </div>
          <button type="button" disabled={busy !== null || (chosen === 0 && !normalize)} onClick={() => void applyClean(normalize)}>
            {busy === 'clean' ? 'Saving…' : `Make a new version without ${chosen} example${chosen === 1 ? '' : 's'}`}
          </button>
        </>
      )}
    </section>
  );
}
