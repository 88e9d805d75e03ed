import { useEffect, useRef } from 'react';
import { RATING_ASPECTS, type ReviewRatings, type ShownVerdict } from '../../../../electron/contract/reviewRequests.js';
import { useReviewStore } from '../../stores/reviewStore.js';

const KEYS: Record<string, ShownVerdict> = { '1': 'first', ArrowLeft: 'first', '2': 'second', ArrowRight: 'second', t: 'tie', T: 'tie', ArrowDown: 'tie' };
const ASPECT: Record<(typeof RATING_ASPECTS)[number], string> = { accuracy: 'Accuracy', relevance: 'Relevance', style: 'Style' };
const VERDICTS: Array<{ verdict: ShownVerdict; label: string; key: string }> = [
  { verdict: 'first', label: 'Answer 1 is better', key: '1 or ←' },
  { verdict: 'tie', label: 'About the same', key: 'T or ↓' },
  { verdict: 'second', label: 'Answer 2 is better', key: '2 or →' },
];

/**
 * One pair, keyboard first: 1 / ← picks answer 1, 2 / → answer 2, T / ↓ a tie, Enter saves and goes on. The pair
 * itself holds the focus (and gets it back after each click and each move), so a reviewer doing hundreds never
 * needs the mouse; typing in the comment or a rating list never triggers a shortcut.
 */
export function ReviewPair() {
  const session = useReviewStore((s) => s.session)!;
  const index = useReviewStore((s) => s.index);
  const draft = useReviewStore((s) => s.draft);
  const busy = useReviewStore((s) => s.busy);
  const choose = useReviewStore((s) => s.choose);
  const rate = useReviewStore((s) => s.rate);
  const setComment = useReviewStore((s) => s.setComment);
  const saveAndNext = useReviewStore((s) => s.saveAndNext);
  const go = useReviewStore((s) => s.go);
  const ref = useRef<HTMLElement>(null);
  const item = session.items[index]!;

  useEffect(() => {
    ref.current?.focus();
  }, [index]);

  function onKeyDown(e: React.KeyboardEvent) {
    const target = e.target as HTMLElement;
    const typing = target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT';
    if (typing) {
      // Ctrl+Enter saves from the comment box; everything else there is typing.
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void saveAndNext();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const verdict = KEYS[e.key];
    if (verdict) {
      e.preventDefault();
      choose(verdict);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void saveAndNext();
    }
  }

  const ratingSelect = (side: 'first' | 'second', aspect: keyof ReviewRatings) => {
    const id = `rating-${side}-${aspect}`;
    return (
      <span key={aspect} className="rating">
        <label htmlFor={id}>
          {ASPECT[aspect]} of answer {side === 'first' ? 1 : 2}
        </label>
        <select id={id} value={draft.ratings[side][aspect] ?? ''} onChange={(e) => rate(side, aspect, e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">–</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </span>
    );
  };

  return (
    <section
      ref={ref}
      className="review-pair"
      tabIndex={-1}
      aria-label={`Pair ${index + 1} of ${session.total}`}
      aria-describedby="review-keys"
      onKeyDown={onKeyDown}
    >
      <div className="row review-progress">
        <span>
          Pair {index + 1} of {session.total}
        </span>
        <progress max={session.total} value={session.judged} aria-label="Pairs judged">
          {session.judged} of {session.total}
        </progress>
        <span className="muted small">{session.judged} judged</span>
      </div>
      <p id="review-keys" className="muted small">
        Keys: 1 or ← answer 1 is better · 2 or → answer 2 is better · T or ↓ about the same · Enter save and go on
      </p>
      <div className="review-prompt">
        <strong>Question{item.category ? ` (${item.category})` : ''}:</strong> {item.prompt}
      </div>
      <div className="review-answers">
        {item.answers.map((text, i) => {
          const side = i === 0 ? 'first' : 'second';
          return (
            <article key={side} className={`review-answer${draft.verdict === side ? ' picked' : ''}`} aria-label={`Answer ${i + 1}`}>
              <h4>Answer {i + 1}</h4>
              <p>{text || <em className="muted">(empty answer)</em>}</p>
            </article>
          );
        })}
      </div>
      <div className="row review-verdicts" role="group" aria-label="Which answer is better?">
        {VERDICTS.map((v) => (
          <button
            key={v.verdict}
            type="button"
            className={draft.verdict === v.verdict ? undefined : 'ghost'}
            aria-pressed={draft.verdict === v.verdict}
            onClick={() => {
              choose(v.verdict);
              ref.current?.focus(); // so Enter goes on, instead of pressing this button again
            }}
          >
            {v.label} <span className="muted small">({v.key})</span>
          </button>
        ))}
      </div>
      <details className="review-extras">
        <summary>Rate the answers and comment (optional)</summary>
        <p className="muted small">1 is poor, 5 is excellent. Leave any you do not want to rate.</p>
        <div className="review-ratings">
          {(['first', 'second'] as const).map((side) => (
            <div key={side} className="row">
              {RATING_ASPECTS.map((aspect) => ratingSelect(side, aspect))}
            </div>
          ))}
        </div>
        <label htmlFor="review-comment">Comment</label>
        <textarea
          id="review-comment"
          rows={2}
          value={draft.comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="What made the difference? (Ctrl+Enter saves)"
        />
      </details>
      <div className="row">
        <button type="button" className="ghost" disabled={index === 0} onClick={() => go(index - 1)}>
          Previous pair
        </button>
        <button type="button" disabled={busy || !draft.verdict} onClick={() => void saveAndNext()}>
          Save and go on
        </button>
        <button type="button" className="ghost" disabled={index >= session.items.length - 1} onClick={() => go(index + 1)}>
          Skip for now
        </button>
      </div>
    </section>
  );
}
