import { useState } from 'react';
import { PII_TYPE_NAMES, type PiiType } from '../../../../electron/contract/pii.js';
import { usePrivacyStore } from '../../stores/privacyStore.js';
import { HighlightedText } from './HighlightedText.js';
import { STATUS_WORD, TYPE_LABEL } from './labels.js';

/** Found per type, with one-click decisions for a whole type and a filter. */
function TypeTable() {
  const status = usePrivacyStore((s) => s.status);
  const filter = usePrivacyStore((s) => s.filter);
  const setFilter = usePrivacyStore((s) => s.setFilter);
  const decide = usePrivacyStore((s) => s.decide);
  const busy = usePrivacyStore((s) => s.busy);
  const policy = usePrivacyStore((s) => s.policy);
  if (!status?.scan) return null;
  const rows = PII_TYPE_NAMES.filter((t) => (status.scan!.detected[t] ?? 0) + (status.current?.[t] ?? 0) > 0);
  if (rows.length === 0)
    return <p className="notice">Nothing that looks like personal data was found. If you spot something, select it in an example below.</p>;
  const all = (type: PiiType, decision: 'accept' | 'reject' | 'undo') => void decide([{ scope: 'type', decision, type }]);
  return (
    <table className="models pii-types">
      <caption>What was found, by kind</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Found</th>
          <th scope="col">To replace after your review</th>
          <th scope="col">Decide for all of this kind</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t} aria-current={filter === t ? 'true' : undefined}>
            <th scope="row">
              {TYPE_LABEL[t]} <span className="muted small">{t}</span>
            </th>
            <td>{status.scan!.detected[t]}</td>
            <td>{policy.includes(t) ? (status.current?.[t] ?? 0) : <span className="muted">none: not among the kinds chosen below</span>}</td>
            <td className="row wrap">
              <button type="button" className="ghost" aria-pressed={filter === t} onClick={() => setFilter(filter === t ? null : t)}>
                {filter === t ? 'Show all kinds' : 'Show only these'}
              </button>
              <button type="button" className="ghost" disabled={busy} aria-label={`Replace all: ${TYPE_LABEL[t]}`} onClick={() => all(t, 'accept')}>
                Replace all
              </button>
              <button type="button" className="ghost" disabled={busy} aria-label={`Keep all: ${TYPE_LABEL[t]}`} onClick={() => all(t, 'reject')}>
                Keep all
              </button>
              <button type="button" className="ghost" disabled={busy} aria-label={`Undo decisions: ${TYPE_LABEL[t]}`} onClick={() => all(t, 'undo')}>
                Undo
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the reviewer can do with the span they clicked (it applies to every identical string in the dataset). */
function SelectedBar() {
  const selected = usePrivacyStore((s) => s.selected);
  const decide = usePrivacyStore((s) => s.decide);
  const select = usePrivacyStore((s) => s.select);
  const busy = usePrivacyStore((s) => s.busy);
  if (!selected) return null;
  const change = (decision: 'accept' | 'reject' | 'undo') => void decide([{ scope: 'span', decision, type: selected.type, text: selected.text }]);
  return (
    <div className="pii-bar" role="region" aria-label="Selected identifier">
      <p>
        <strong>“{selected.text}”</strong> ({TYPE_LABEL[selected.type]}), {STATUS_WORD[selected.status]}. Your choice applies to every “{selected.text}” in this
        dataset.
      </p>
      <div className="row wrap">
        <button type="button" disabled={busy || selected.status === 'accepted'} onClick={() => change('accept')}>
          Personal: replace it
        </button>
        <button
          type="button"
          className="ghost"
          disabled={busy || selected.status === 'rejected'}
          onClick={() => change(selected.status === 'added' ? 'undo' : 'reject')}
        >
          Not personal: keep it
        </button>
        <button type="button" className="ghost" disabled={busy || selected.status === 'detected'} onClick={() => change('undo')}>
          Undo my decision
        </button>
        <button type="button" className="ghost" onClick={() => select(null)}>
          Close
        </button>
      </div>
    </div>
  );
}

/** Text the reviewer selected: pick what kind of identifier it is. */
function AddBar() {
  const pending = usePrivacyStore((s) => s.pendingAdd);
  const addSpan = usePrivacyStore((s) => s.addSpan);
  const setPendingAdd = usePrivacyStore((s) => s.setPendingAdd);
  const busy = usePrivacyStore((s) => s.busy);
  const [type, setType] = useState<PiiType>('NAME');
  if (!pending) return null;
  return (
    <form
      className="pii-bar"
      aria-label="Mark missed personal data"
      onSubmit={(e) => {
        e.preventDefault();
        void addSpan(type);
      }}
    >
      <p>
        Mark <strong>“{pending.text}”</strong> (example #{pending.position + 1}) as personal data, everywhere it appears as a whole word.
      </p>
      <div className="row wrap">
        <label htmlFor="pii-add-type">Kind</label>
        <select id="pii-add-type" value={type} onChange={(e) => setType(e.target.value as PiiType)}>
          {PII_TYPE_NAMES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy}>
          Mark as personal data
        </button>
        <button type="button" className="ghost" onClick={() => setPendingAdd(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The same without a mouse: type the missed text exactly as written (it is marked wherever it stands as whole words). */
function TypedAdd() {
  const decide = usePrivacyStore((s) => s.decide);
  const busy = usePrivacyStore((s) => s.busy);
  const [text, setText] = useState('');
  const [type, setType] = useState<PiiType>('NAME');
  return (
    <details className="pii-typed">
      <summary>Type a missed identifier instead</summary>
      <form
        className="row wrap"
        aria-label="Type a missed identifier"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim())
            void decide([{ scope: 'add', type, text: text.trim() }]).then(() => {
              if (!usePrivacyStore.getState().error) setText('');
            });
        }}
      >
        <label htmlFor="pii-typed-text">Text, exactly as written</label>
        <input id="pii-typed-text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        <label htmlFor="pii-typed-type" className="visually-hidden">
          Kind
        </label>
        <select id="pii-typed-type" value={type} onChange={(e) => setType(e.target.value as PiiType)}>
          {PII_TYPE_NAMES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        <button type="submit" className="ghost" disabled={busy || !text.trim()}>
          Mark it
        </button>
      </form>
    </details>
  );
}

/** The review screen: every example with identifiers, each one highlighted in context. */
export function ReviewPanel() {
  const records = usePrivacyStore((s) => s.records);
  const total = usePrivacyStore((s) => s.total);
  const offset = usePrivacyStore((s) => s.offset);
  const loadPage = usePrivacyStore((s) => s.loadPage);
  const pageSize = 10;
  return (
    <div className="pii-review">
      <p className="notice" role="note">
        This review shows personal data from your examples. It stays on this computer; avoid sharing screenshots of it.
      </p>
      <TypeTable />
      <p className="muted">Click a highlighted word to confirm it or keep it. To mark something that was missed, select it with the mouse in the text below.</p>
      <SelectedBar />
      <AddBar />
      <TypedAdd />
      <ul className="pii-records" aria-label="Examples with personal data">
        {records.map((r) => (
          <li key={r.position} aria-label={`Example #${r.position + 1}`}>
            <span className="muted small">Example #{r.position + 1}</span>
            {r.fields
              .filter((f) => f.spans.length > 0 || f.field.startsWith('m'))
              .map((f) => (
                <div key={f.field} className="pii-field">
                  <span className="pii-label">{f.label}</span>
                  <HighlightedText position={r.position} field={f.field} text={f.text} spans={f.spans} />
                </div>
              ))}
          </li>
        ))}
      </ul>
      {total > pageSize && (
        <div className="row">
          <button type="button" className="ghost" disabled={offset === 0} onClick={() => void loadPage(Math.max(0, offset - pageSize))}>
            Previous
          </button>
          <span>
            Examples {offset + 1}–{Math.min(total, offset + pageSize)} of {total} with personal data
          </span>
          <button type="button" className="ghost" disabled={offset + pageSize >= total} onClick={() => void loadPage(offset + pageSize)}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}
