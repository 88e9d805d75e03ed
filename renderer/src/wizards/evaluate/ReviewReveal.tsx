import { useEffect, useRef } from 'react';
import type { ReviewReveal as Reveal, ReviewSession } from '../../../../electron/contract/reviewRequests.js';
import { pct, verdictSentence } from './reviewWords.js';
import { Messages } from '../../components/Messages.js';
import { useReviewStore } from '../../stores/reviewStore.js';
import { WinRateChart } from './ReviewWinRateChart.js';

const seenAs = (r: Reveal, position: number, shown: 0 | 1): string => {
  const first = r.firstShown.find((f) => f.position === position)?.side;
  const side = shown === 0 ? first : first === 'A' ? 'B' : 'A';
  return side === 'A' ? r.labelA : r.labelB;
};

function verdictLabel(r: Reveal, item: ReviewSession['items'][number]): string {
  if (item.verdict === 'tie') return 'About the same';
  if (item.verdict === null) return '–';
  return seenAs(r, item.position, item.verdict === 'first' ? 0 : 1);
}

/** After the sign-off: the result with its chart, the ratings, and which model wrote which answer in every pair. */
export function ReviewReveal() {
  const session = useReviewStore((s) => s.session)!;
  const busy = useReviewStore((s) => s.busy);
  const sendToInbox = useReviewStore((s) => s.sendToInbox);
  const notice = useReviewStore((s) => s.notice);
  const r = session.reveal!;
  const heading = useRef<HTMLHeadingElement>(null);
  // The sign-off form that had the focus is gone: the result's heading takes it, so a keyboard or screen-reader user
  // lands on the reveal instead of the top of the page.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const { result } = r;
  const mean = (x: number | null) => (x === null ? '–' : x.toFixed(1));
  const rated = [result.meanRatings.A, result.meanRatings.B].some((m) => Object.values(m).some((v) => v !== null));

  return (
    <section className="review-reveal" aria-labelledby="review-reveal-title">
      <h4 id="review-reveal-title" ref={heading} tabIndex={-1}>
        Result: which model wrote which answer
      </h4>
      <p className="muted small">
        Signed off by {session.reviewer} on {new Date(session.signedOffAt!).toLocaleString()}.
      </p>
      <p className="review-verdict" role="status">
        {verdictSentence(r)}
      </p>
      <WinRateChart reveal={r} />
      <p className="muted small">
        The likely range is where the share would most likely fall if the review were repeated with other, similar questions (a 95% Wilson interval). When it
        includes 50%, the review cannot tell the two apart yet: more pairs narrow it.
      </p>
      {result.byCategory.length > 1 && (
        <table aria-label="Result by category">
          <thead>
            <tr>
              <th>Category</th>
              <th>Pairs</th>
              <th>{r.labelA} better</th>
              <th>Same</th>
              <th>{r.labelB} better</th>
              <th>{r.labelB} preferred (likely range)</th>
            </tr>
          </thead>
          <tbody>
            {result.byCategory.map((c) => (
              <tr key={c.category}>
                <td>{c.category}</td>
                <td>{c.total}</td>
                <td>{c.winsA}</td>
                <td>{c.ties}</td>
                <td>{c.winsB}</td>
                <td>
                  {pct(c.winRateB.rate)} ({pct(c.winRateB.low)}–{pct(c.winRateB.high)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rated && (
        <table aria-label="Average ratings">
          <thead>
            <tr>
              <th>Average rating (1-5)</th>
              <th>Accuracy</th>
              <th>Relevance</th>
              <th>Style</th>
            </tr>
          </thead>
          <tbody>
            {(['A', 'B'] as const).map((side) => (
              <tr key={side}>
                <td>{side === 'A' ? r.labelA : r.labelB}</td>
                <td>{mean(result.meanRatings[side].accuracy)}</td>
                <td>{mean(result.meanRatings[side].relevance)}</td>
                <td>{mean(result.meanRatings[side].style)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table aria-label="Which side was which">
        <thead>
          <tr>
            <th>Pair</th>
            <th>Question</th>
            <th>Answer 1 was</th>
            <th>Answer 2 was</th>
            <th>You preferred</th>
          </tr>
        </thead>
        <tbody>
          {session.items.map((it) => (
            <tr key={it.position}>
              <td>{it.position + 1}</td>
              <td className="review-question">{it.prompt}</td>
              <td>{seenAs(r, it.position, 0)}</td>
              <td>{seenAs(r, it.position, 1)}</td>
              <td>{verdictLabel(r, it)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Messages error={null} notice={notice} />
      {session.inboxSentAt ? (
        <p className="muted small">The choices were sent to Suggestions on {new Date(session.inboxSentAt).toLocaleString()}.</p>
      ) : (
        <button type="button" className="ghost" disabled={busy || result.winsA + result.winsB === 0} onClick={() => void sendToInbox()}>
          Send the {result.winsA + result.winsB} preferred answers to Suggestions
        </button>
      )}
    </section>
  );
}
