import { useState } from 'react';
import type { InboxItem } from '../../../../electron/contract/inboxRequests.js';
import { useInboxStore } from '../../stores/inboxStore.js';

const SOURCE: Record<InboxItem['source'], string> = {
  evaluate: 'from the evaluation',
  playground: 'from the Playground',
  review: 'from an expert review',
};

/** Who suggested it, where, and what they said about the answer, in one line. */
function origin(item: InboxItem): string {
  const verdict = item.correction
    ? 'typed a better answer'
    : item.choice !== null && item.answers.length > 1
      ? 'chose the better answer'
      : item.rating === 'up'
        ? 'liked this answer'
        : item.rating === 'down'
          ? 'disliked this answer'
          : 'suggested it';
  // 'user' is the core's name for whoever sits at this computer when no name was given
  const who = item.author === 'user' ? 'You' : item.author;
  return `${who} ${verdict} ${SOURCE[item.source]}, ${new Date(item.createdAt).toLocaleString()}`;
}

/** One waiting suggestion: the question, the answers given, and the answer that would join the data (editable). */
export function SuggestionCard({ item, index, onDecided }: { item: InboxItem; index: number; onDecided(): void }) {
  const accept = useInboxStore((s) => s.accept);
  const reject = useInboxStore((s) => s.reject);
  const busy = useInboxStore((s) => s.busy);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const question = item.prompt.filter((m) => m.role !== 'system').at(-1)?.content ?? '';
  const system = item.prompt.find((m) => m.role === 'system')?.content;
  const boxId = `suggestion-answer-${item.id}`;

  return (
    <article className="suggestion" aria-labelledby={`suggestion-title-${item.id}`}>
      <h4 id={`suggestion-title-${item.id}`}>
        Suggestion {index + 1}: {question}
      </h4>
      <p className="muted small">{origin(item)}</p>
      {system && <p className="muted small">Instructions given: {system}</p>}
      <ul className="suggestion-answers" aria-label="Answers the models gave">
        {item.answers.map((a, i) => (
          <li key={i} className={item.choice === i ? 'chosen' : undefined}>
            <strong>
              {a.label}
              {item.choice === i ? ' (chosen)' : ''}:
            </strong>{' '}
            {a.text}
          </li>
        ))}
      </ul>
      <label htmlFor={boxId}>Answer to keep</label>
      <textarea id={boxId} rows={3} value={answer} placeholder="Type the answer the model should give" onChange={(e) => setAnswer(e.target.value)} />
      <div className="row">
        <button type="button" disabled={busy !== null || !answer.trim()} onClick={() => void accept(item.id, answer).then((ok) => ok && onDecided())}>
          Accept
        </button>
        <button type="button" className="ghost" disabled={busy !== null} onClick={() => void reject(item.id).then((ok) => ok && onDecided())}>
          Reject
        </button>
      </div>
    </article>
  );
}
