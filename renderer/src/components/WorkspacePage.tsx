import { useState, type FormEvent } from 'react';
import { useAppStore } from '../stores/appStore.js';
import { useEncryptionStore } from '../stores/encryptionStore.js';
import { Messages } from './Messages.js';

const MIN = 8;

/** Where the workspace lives and its encryption: turn it on, or change the passphrase. */
export function WorkspacePage() {
  const info = useAppStore((s) => s.info);
  const { busy, error, notice } = useEncryptionStore();
  return (
    <section className="panel" aria-labelledby="workspace-title">
      <h1 id="workspace-title">Workspace</h1>
      <p>
        Everything Fieldtune keeps is in one folder on this computer: <code>{info?.workspace}</code>
      </p>
      <h2>Encryption</h2>
      <p>
        Encryption makes the workspace unreadable without a passphrase: the imported data, redacted copies and their pseudonym lists, trained models,
        checkpoints and evaluation reports. Someone who copies the folder or the disk gets nothing they can read. Models you added from elsewhere and what you
        export stay as they are. While a model trains or answers, a temporary readable copy of what it needs exists in a private folder and is deleted
        afterwards.
      </p>
      <p className="banner warning">
        <strong>A lost passphrase means lost data.</strong> Nobody can open the workspace without it, not even Fieldtune. Keep it somewhere safe.
      </p>
      {info?.encrypted ? <ChangeForm /> : <EncryptForm />}
      <Messages error={error} notice={busy ? 'Working…' : notice} />
    </section>
  );
}

function EncryptForm() {
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const { busy, encrypt } = useEncryptionStore();
  const problem =
    first.length > 0 && first.length < MIN
      ? `A passphrase needs at least ${MIN} characters; a long sentence is best.`
      : again && again !== first
        ? 'The two passphrases differ.'
        : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await encrypt(first)) {
      setFirst('');
      setAgain('');
    }
  };
  return (
    <form className="passphrase-form" onSubmit={(e) => void submit(e)} aria-label="Encrypt this workspace">
      <label>
        New passphrase
        <input type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} />
      </label>
      <label>
        Repeat the passphrase
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />I understand that without this passphrase the data
        cannot be opened again
      </label>
      {problem && <p className="danger-text">{problem}</p>}
      <button type="submit" disabled={busy || !understood || problem !== null || first.length < MIN || again !== first}>
        Encrypt this workspace
      </button>
      <p className="muted">Close other Fieldtune windows first, and wait for running tasks to finish.</p>
    </form>
  );
}

function ChangeForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { busy, changePassphrase } = useEncryptionStore();
  const problem =
    next.length > 0 && next.length < MIN
      ? `A passphrase needs at least ${MIN} characters.`
      : again && again !== next
        ? 'The two new passphrases differ.'
        : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await changePassphrase(current, next)) {
      setCurrent('');
      setNext('');
      setAgain('');
    }
  };
  return (
    <form className="passphrase-form" onSubmit={(e) => void submit(e)} aria-label="Change the passphrase">
      <p role="note">This workspace is encrypted.</p>
      <label>
        Current passphrase
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label>
        New passphrase
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label>
        Repeat the new passphrase
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      {problem && <p className="danger-text">{problem}</p>}
      <button type="submit" disabled={busy || current.length === 0 || problem !== null || next.length < MIN || again !== next}>
        Change passphrase
      </button>
    </form>
  );
}
