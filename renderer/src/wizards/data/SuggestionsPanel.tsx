import { useEffect, useRef, useState } from 'react';
import { LEAKAGE_CHECK, type InboxSource } from '../../../../electron/contract/inboxRequests.js';
import { Messages } from '../../components/Messages.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { useInboxStore } from '../../stores/inboxStore.js';
import { SuggestionCard } from './SuggestionCard.js';
import './suggestions.css';

/**
 * The project's candidate inbox: answers people corrected, liked or preferred in Evaluate, the Playground and expert
 * reviews. A specialist accepts each (editing the answer if needed) or rejects it; accepted ones join a dataset as
 * a new version, so nothing reaches the training data without a person's yes.
 */
export function SuggestionsPanel({ projectId, sources }: { projectId: string; sources?: readonly InboxSource[] }) {
  const open = useInboxStore((s) => s.open);
  const allItems = useInboxStore((s) => s.items);
  // the More examples tab shows generated suggestions only; the Suggestions tab shows everything
  const items = sources ? allItems.filter((i) => sources.includes(i.source)) : allItems;
  const busy = useInboxStore((s) => s.busy);
  const error = useInboxStore((s) => s.error);
  const notice = useInboxStore((s) => s.notice);
  const commit = useInboxStore((s) => s.commit);
  const reject = useInboxStore((s) => s.reject);
  const allDatasets = useDatasetsStore((s) => s.datasets);
  const datasets = allDatasets.filter((d) => d.kind === 'chat');
  const [datasetId, setDatasetId] = useState('');
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void open(projectId);
  }, [open, projectId]);

  const pending = items.filter((i) => i.status === 'pending');
  const accepted = items.filter((i) => i.status === 'accepted');
  const rejected = items.filter((i) => i.status === 'rejected');
  const committed = items.filter((i) => i.status === 'committed');
  const target = datasetId || datasets.at(-1)?.id || '';

  // After a decision the card leaves the list: the next card's answer box takes the focus, so a specialist can go
  // through many with the keyboard without hunting for their place.
  // (after the list has re-rendered without the decided card: focusing at once could land on the leaving card)
  const wantFocus = useRef(false);
  const focusNext = () => {
    wantFocus.current = true;
  };
  const pendingCount = items.filter((i) => i.status === 'pending').length;
  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    (listRef.current?.querySelector<HTMLElement>('article') ?? listRef.current)?.focus();
  }, [pendingCount]);

  return (
    <section className="data-section suggestions-panel" aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">{sources ? 'Review generated examples' : 'Suggestions'}</h3>
      <p>
        {sources
          ? 'Questions and answers a model wrote. Check each one against the passage it cites: accept it (edit it first if needed) or reject it.'
          : 'Answers people corrected or preferred while evaluating, in the Playground, or in an expert review. Check each one: accept it (edit the answer first if needed) or reject it.'}{' '}
        Accepted suggestions join your data as a new version; nothing is added without your yes.
      </p>
      <p className="muted small">Keyboard: A accepts, R rejects, E edits the answer; in a text box Ctrl+Enter accepts.</p>
      <Messages error={error} notice={notice} />
      <h4>Waiting for you ({pending.length})</h4>
      <div ref={listRef} tabIndex={-1} className="suggestion-list">
        {pending.length === 0 && <p className="muted">Nothing waiting. New suggestions appear here when someone corrects or rates an answer.</p>}
        {pending.map((item, i) => (
          <SuggestionCard key={item.id} item={item} index={i} onDecided={focusNext} />
        ))}
      </div>
      <h4>Accepted, not yet in your data ({accepted.length})</h4>
      {accepted.length > 0 && (
        <>
          <ul className="accepted-list" aria-label="Accepted suggestions">
            {accepted.map((i) => (
              <li key={i.id}>
                <strong>{i.reviewQuestion ?? i.prompt.at(-1)?.content}</strong> → {i.answer}{' '}
                <button type="button" className="ghost small" disabled={busy !== null} onClick={() => void reject(i.id)}>
                  Reject instead
                </button>
              </li>
            ))}
          </ul>
          {datasets.length === 0 ? (
            <p className="muted">Import a dataset first: accepted suggestions are added to one.</p>
          ) : (
            <div className="row">
              <label htmlFor="suggestions-dataset">Add to</label>
              <select id="suggestions-dataset" value={target} onChange={(e) => setDatasetId(e.target.value)}>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} (latest: version {d.versions.length}, {d.versions.at(-1)?.examples ?? 0} examples)
                  </option>
                ))}
              </select>
              <button type="button" disabled={busy !== null || !target} onClick={() => void commit(target)}>
                Add {accepted.length} accepted as a new version
              </button>
            </div>
          )}
        </>
      )}
      {(rejected.length > 0 || committed.length > 0) && (
        <details>
          <summary>
            Decided earlier: {committed.length} added to the data, {rejected.length} rejected
          </summary>
          <ul>
            {[...committed, ...rejected].map((i) => (
              <li key={i.id}>
                {i.status === 'committed' ? 'Added' : i.decidedBy === LEAKAGE_CHECK ? 'Left out (it copied a test example)' : 'Rejected'}:{' '}
                {i.reviewQuestion ?? i.prompt.at(-1)?.content}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
