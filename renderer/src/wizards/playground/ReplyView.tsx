// One reply as it is written: the text, how fast it came, and the specialist's verdict on it (good, poor, or a better
// answer typed in), saved as a suggestion for the training data (reviewed later in Data → Suggestions).
import { useState } from 'react';
import { isWriting, usePlaygroundStore, type ColumnId, type Reply } from '../../stores/playgroundStore.js';

const WAITING: Partial<Record<Reply['state'], string>> = {
  sending: 'Sending…',
  waiting: 'Waiting for the other answer to finish…',
  loading: 'Loading the model…',
  writing: 'Writing…',
};

function seconds(ms: number): string {
  return ms < 1000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Speed in plain words: when the first words came, and how fast the rest followed. */
function speed(reply: Reply): string | null {
  const st = reply.stats;
  if (!st || st.tokens === 0 || st.firstTokenMs === null) return null;
  const parts = [`First words after ${seconds(st.firstTokenMs)}`];
  if (reply.scale !== null) parts.unshift(`Training at ${Math.round(reply.scale * 100)}%`);
  if (st.tokensPerSecond !== null) parts.push(`${st.tokensPerSecond.toFixed(1)} tokens a second`);
  parts.push(`${st.tokens} token${st.tokens === 1 ? '' : 's'}`);
  if (st.loadMs >= 500) parts.push(`loading the model took ${seconds(st.loadMs)} first`);
  return parts.join(' · ');
}

function savedWords(reply: Reply): string {
  const s = reply.saved!;
  const what = s.correction ? 'Your better answer was' : s.rating === 'up' ? 'Marked as a good answer and' : 'Marked as a poor answer and';
  return `${what} saved to the project’s suggestions: review it in Data → Suggestions before it joins the training data.`;
}

export function ReplyView({ reply, turnId, column, label, number }: { reply: Reply; turnId: number; column: ColumnId; label: string; number: number }) {
  const saveFeedback = usePlaygroundStore((s) => s.saveFeedback);
  const [rating, setRating] = useState<'up' | 'down' | null>(null);
  const [editing, setEditing] = useState(false);
  const [better, setBetter] = useState('');
  const writing = isWriting(reply);
  const info = speed(reply);
  const boxId = `better-${turnId}-${column}`;

  function openEditor(r: 'down' | null) {
    setRating(r);
    setBetter(reply.text);
    setEditing(true);
  }

  return (
    <article className="reply" aria-label={`${label}’s reply ${number}`} aria-busy={writing}>
      {reply.text ? <p className="reply-text">{reply.text}</p> : null}
      {writing && (
        <p className="muted small" role="status">
          {WAITING[reply.state]}
        </p>
      )}
      {reply.state === 'stopped' && <p className="muted small">Stopped{reply.text ? ' here' : ' before it began'}.</p>}
      {reply.state === 'done' && !reply.text && <p className="muted small">The model gave an empty answer.</p>}
      {reply.error && (
        <p className="danger-text" role="alert">
          {reply.error}
        </p>
      )}
      {info && <p className="reply-speed small">{info}</p>}
      {!writing && reply.text && !reply.saved && !editing && (
        <div className="row reply-actions">
          <button type="button" className="ghost" disabled={reply.saving} onClick={() => void saveFeedback(turnId, column, { rating: 'up', correction: null })}>
            Good answer
          </button>
          <button type="button" className="ghost" disabled={reply.saving} onClick={() => openEditor('down')}>
            Poor answer
          </button>
          <button type="button" className="ghost" disabled={reply.saving} onClick={() => openEditor(null)}>
            Write a better answer
          </button>
        </div>
      )}
      {editing && !reply.saved && (
        <form
          className="reply-correct"
          onSubmit={(e) => {
            e.preventDefault();
            const changed = better.trim() && better.trim() !== reply.text.trim() ? better : null;
            void saveFeedback(turnId, column, { rating, correction: changed }).then((ok) => ok && setEditing(false));
          }}
        >
          <label htmlFor={boxId}>Better answer</label>
          <textarea id={boxId} rows={4} value={better} onChange={(e) => setBetter(e.target.value)} />
          <p className="muted small">
            {rating === 'down' ? 'Say what the answer should have been, or save as it is to mark it as poor.' : 'Type the answer you would have given.'}
          </p>
          <div className="row">
            <button type="submit" disabled={reply.saving || (rating === null && better.trim() === reply.text.trim())}>
              Save as a suggestion
            </button>
            <button type="button" className="ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {reply.saved && (
        <p className="notice small" role="status">
          {savedWords(reply)}
        </p>
      )}
    </article>
  );
}
