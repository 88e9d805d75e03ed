import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useReviewStore } from '../../stores/reviewStore.js';

/** Shown once every pair has a verdict: the reviewer signs with their name, and only then are the sides revealed. */
export function ReviewSignOff({ onRevisit }: { onRevisit(): void }) {
  const session = useReviewStore((s) => s.session)!;
  const busy = useReviewStore((s) => s.busy);
  const signOff = useReviewStore((s) => s.signOff);
  const [name, setName] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) void signOff(name.trim());
  }

  return (
    <form className="review-signoff" aria-label="Sign off the review" onSubmit={submit}>
      <h4>All {session.total} pairs have a verdict</h4>
      <p>
        Signing off records your name, the time and the result in the project's audit log. Your verdicts can no longer change afterwards, and only then does
        Fieldtune show which model wrote which answer.
      </p>
      <label htmlFor="review-reviewer">Your name</label>
      <input id="review-reviewer" ref={ref} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      <div className="row">
        <button type="button" className="ghost" onClick={onRevisit}>
          Look at the pairs again
        </button>
        <button type="submit" disabled={busy || !name.trim()}>
          Sign off and reveal
        </button>
      </div>
    </form>
  );
}
