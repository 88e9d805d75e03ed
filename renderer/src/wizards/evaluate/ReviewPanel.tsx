import { useEffect } from 'react';
import type { Evaluation } from '../../../../electron/contract/evaluation.js';
import { Messages } from '../../components/Messages.js';
import { useReviewStore } from '../../stores/reviewStore.js';
import { ReviewPair } from './ReviewPair.js';
import { ReviewReveal } from './ReviewReveal.js';
import { ReviewSignOff } from './ReviewSignOff.js';
import { pct } from './reviewWords.js';
import './review.css';

/**
 * Blinded expert review: a specialist compares two models' answers to the same questions without knowing which model
 * wrote which, picks the better one or a tie, and signs off; only then are the sides revealed with the win rate.
 * The Evaluate step renders this in its "Expert review" section.
 */
export function ReviewPanel({ projectId, evaluation = null }: { projectId: string; evaluation?: Evaluation | null }) {
  const open = useReviewStore((s) => s.open);
  const sessions = useReviewStore((s) => s.sessions);
  const session = useReviewStore((s) => s.session);
  const openSession = useReviewStore((s) => s.openSession);
  const close = useReviewStore((s) => s.close);
  const error = useReviewStore((s) => s.error);
  const revisit = useReviewStore((s) => s.revisiting);
  const setRevisit = useReviewStore((s) => s.setRevisiting);
  const startFromEvaluation = useReviewStore((s) => s.startFromEvaluation);
  const busy = useReviewStore((s) => s.busy);

  useEffect(() => {
    void open(projectId);
  }, [open, projectId]);

  const current = session && session.projectId === projectId ? session : null;
  const allJudged = current !== null && current.judged === current.total;

  return (
    <section className="review-panel" aria-labelledby="review-title">
      <h3 id="review-title">Blinded expert review</h3>
      <p>
        Compare two models’ answers to the same questions without knowing which model wrote which: the order is shuffled for every pair. Pick the better answer
        or call it a tie. Which model was which is shown only after you sign off.
      </p>
      {current ? (
        <>
          <button type="button" className="ghost" onClick={close}>
            Back to the list of reviews
          </button>
          <Messages error={error} notice={null} />
          {current.reveal ? (
            <ReviewReveal />
          ) : allJudged && !revisit ? (
            <ReviewSignOff onRevisit={() => setRevisit(true)} />
          ) : (
            <>
              <ReviewPair />
              {allJudged && (
                <button type="button" onClick={() => setRevisit(false)}>
                  Done: go to the sign-off
                </button>
              )}
            </>
          )}
        </>
      ) : (
        <>
          <Messages error={error} notice={null} />
          {evaluation ? (
            <button type="button" disabled={busy} onClick={() => void startFromEvaluation(evaluation)}>
              Start a blind review of this evaluation’s answers
            </button>
          ) : (
            <p className="muted">Run an evaluation first: a review compares the answers the original and the tuned model gave in it.</p>
          )}
          {sessions.length === 0 ? (
            <p className="muted">No reviews yet.</p>
          ) : (
            <ul className="review-list" aria-label="Reviews">
              {sessions.map((s) => (
                <li key={s.id}>
                  <button type="button" className="ghost" onClick={() => void openSession(s.id)}>
                    {s.reveal
                      ? `Review of ${new Date(s.createdAt).toLocaleDateString()}: signed off by ${s.reviewer}, ${s.reveal.labelB} preferred in ${pct(s.reveal.result.winRateB.rate)}`
                      : `Review of ${new Date(s.createdAt).toLocaleDateString()}: ${s.judged} of ${s.total} pairs judged${s.judged ? ', continue' : ', start'}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
