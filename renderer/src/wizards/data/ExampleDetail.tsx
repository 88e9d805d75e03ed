import { useEffect, useRef, useState } from 'react';
import type { Message } from '../../../../electron/contract/domain.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { useLineageStore } from '../../stores/lineageStore.js';

const ROLE: Record<Message['role'], { label: string; help: string }> = {
  system: { label: 'Instructions to the model', help: 'Given to the model before the conversation (sometimes called the system prompt).' },
  user: { label: 'Question', help: 'What the person asks.' },
  assistant: { label: 'Answer', help: 'What the model should learn to reply.' },
};

/**
 * One example in full (mounted with the position as its key, so another example starts out of edit mode): every message of the conversation (or the whole text), its labels and split, and a way to
 * correct it. Saving makes a new version, like every other change; the version it was read from stays.
 */
export function ExampleDetail() {
  const position = useDatasetsStore((s) => s.detail);
  const row = useDatasetsStore((s) => (s.detail === null ? undefined : s.rows[s.detail]));
  const close = useDatasetsStore((s) => s.openDetail);
  const save = useDatasetsStore((s) => s.saveExample);
  const busy = useDatasetsStore((s) => s.busy === 'edit');
  const error = useDatasetsStore((s) => s.error);
  const versionId = useDatasetsStore((s) => s.versionId);
  const showLineage = useLineageStore((s) => s.show);
  const [editing, setEditing] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);
  const [text, setText] = useState('');
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (position !== null && !ref.current?.open) ref.current?.showModal();
  }, [position]);

  if (position === null || !row) return null;
  const startEditing = () => {
    setMessages(row.messages?.map((m) => ({ ...m })) ?? []);
    setText(row.text ?? '');
    setEditing(true);
  };
  const labels = Object.entries(row.metadata ?? {});

  return (
    <dialog ref={ref} className="example-detail" aria-labelledby="detail-title" onClose={() => close(null)}>
      <h2 id="detail-title">Example #{position + 1}</h2>
      <p className="muted">
        {row.split ? `In the ${row.split} part of the split.` : 'Not split yet.'}{' '}
        {labels.length ? `Labels: ${labels.map(([k, v]) => `${k}: ${String(v)}`).join(', ')}.` : ''}
      </p>
      {row.messages ? (
        <ol className="conversation">
          {(editing ? messages : row.messages).map((m, i) => (
            <li key={i} className={`message ${m.role}`}>
              {editing ? (
                <>
                  <label htmlFor={`detail-message-${i}`} title={ROLE[m.role].help}>
                    {ROLE[m.role].label}
                  </label>
                  <textarea
                    id={`detail-message-${i}`}
                    value={m.content}
                    rows={Math.min(12, Math.max(3, Math.ceil(m.content.length / 70)))}
                    onChange={(e) => setMessages(messages.map((x, j) => (j === i ? { ...x, content: e.target.value } : x)))}
                  />
                </>
              ) : (
                <>
                  <h3 title={ROLE[m.role].help}>{ROLE[m.role].label}</h3>
                  <p className="message-text">{m.content}</p>
                </>
              )}
            </li>
          ))}
        </ol>
      ) : editing ? (
        <>
          <label htmlFor="detail-text">Text</label>
          <textarea id="detail-text" value={text} rows={14} onChange={(e) => setText(e.target.value)} />
        </>
      ) : (
        <p className="message-text">{row.text}</p>
      )}
      {error && (
        <p className="danger-text" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        {editing && <span className="muted">Saving makes a new version; this one stays as it is.</span>}
        <span className="spacer" />
        {editing ? (
          <>
            <button type="button" className="ghost" onClick={() => setEditing(false)}>
              Discard changes
            </button>
            <button type="button" disabled={busy} onClick={() => void save(position, row.messages ? { messages } : { text })}>
              {busy ? 'Saving…' : 'Save as a new version'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="ghost" onClick={() => close(null)}>
              Close
            </button>
            {versionId && (
              <button
                type="button"
                className="ghost"
                title="Versions, trained models and exports that include this example, and how to erase it"
                onClick={() => {
                  close(null);
                  void showLineage({ kind: 'example', versionId, position });
                }}
              >
                Where is this used?
              </button>
            )}
            <button type="button" onClick={startEditing}>
              Correct this example
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
