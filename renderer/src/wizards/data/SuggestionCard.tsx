import { useRef, useState, type KeyboardEvent } from 'react';
import type { InboxItem } from '../../../../electron/contract/inboxRequests.js';
import { useInboxStore } from '../../stores/inboxStore.js';

const SOURCE: Record<InboxItem['source'], string> = {
  evaluate: 'from the evaluation',
  playground: 'from the Playground',
  review: 'from an expert review',
  documents: 'from your documents',
  augment: 'as a variation of your data',
};

const KIND: Record<NonNullable<InboxItem['provenance']>['kind'], string> = {
  question: 'a question about a passage',
  reword: 'the question in other words',
  register: 'the question in another tone',
  typos: 'the question with typing slips',
};

/** Who suggested it, where, and what they said about the answer, in one line. */
function origin(item: InboxItem): string {
  if (item.provenance)
    return `Synthetic: ${item.provenance.modelLabel} wrote ${KIND[item.provenance.kind]} ${SOURCE[item.source]}, ${new Date(item.createdAt).toLocaleString()}`;
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

const typing = (e: KeyboardEvent) => e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;

/**
 * One waiting suggestion: the question, the answers given, and the answer that would join the data (editable). A
 * generated one also shows the passage it cites and lets the question be rewritten. Keyboard first: on the card, A
 * accepts, R rejects, E edits the answer; in a text box, Ctrl+Enter accepts.
 */
export function SuggestionCard({ item, index, onDecided }: { item: InboxItem; index: number; onDecided(): void }) {
  const accept = useInboxStore((s) => s.accept);
  const reject = useInboxStore((s) => s.reject);
  const busy = useInboxStore((s) => s.busy);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const original = item.prompt.filter((m) => m.role !== 'system').at(-1)?.content ?? '';
  const [question, setQuestion] = useState(original);
  const answerRef = useRef<HTMLTextAreaElement>(null);
  const system = item.prompt.find((m) => m.role === 'system')?.content;
  const boxId = `suggestion-answer-${item.id}`;
  const generated = item.provenance !== null;

  const doAccept = () => {
    if (busy !== null || !answer.trim() || !question.trim()) return;
    onDecided(); // before the card leaves: the list moves the focus to the next card once it has re-rendered
    void accept(item.id, answer, generated ? question : undefined);
  };
  const doReject = () => {
    if (busy !== null) return;
    onDecided();
    void reject(item.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (typing(e)) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        doAccept();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'a') doAccept();
    else if (key === 'r') doReject();
    else if (key === 'e') answerRef.current?.focus();
    else return;
    e.preventDefault();
  };

  return (
    <article className="suggestion" aria-labelledby={`suggestion-title-${item.id}`} tabIndex={0} aria-keyshortcuts="A R E Control+Enter" onKeyDown={onKeyDown}>
      <h4 id={`suggestion-title-${item.id}`}>
        Suggestion {index + 1}: {original}
      </h4>
      <p className="muted small">{origin(item)}</p>
      {system && <p className="muted small">Instructions given: {system}</p>}
      {item.provenance?.passage && (
        <blockquote className="cited-passage" aria-label="Cited passage">
          <p className="muted small">From {item.provenance.source}:</p>
          {item.provenance.passage}
        </blockquote>
      )}
      {generated && (
        <>
          <label htmlFor={`suggestion-question-${item.id}`}>Question to keep</label>
          <textarea id={`suggestion-question-${item.id}`} rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} />
        </>
      )}
      {!generated && (
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
      )}
      <label htmlFor={boxId}>Answer to keep</label>
      <textarea
        ref={answerRef}
        id={boxId}
        rows={3}
        value={answer}
        placeholder="Type the answer the model should give"
        onChange={(e) => setAnswer(e.target.value)}
      />
      <div className="row">
        <button type="button" disabled={busy !== null || !answer.trim() || !question.trim()} onClick={doAccept}>
          Accept
        </button>
        <button type="button" className="ghost" disabled={busy !== null} onClick={doReject}>
          Reject
        </button>
      </div>
    </article>
  );
}
