import { useState, type FormEvent } from 'react';
import { useEncryptionStore } from '../stores/encryptionStore.js';
import { Messages } from './Messages.js';

/** Shown instead of everything else while the workspace is encrypted and waits for its passphrase. */
export function UnlockScreen({ workspace }: { workspace: string }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, unlock } = useEncryptionStore();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await unlock(passphrase)) setPassphrase('');
  };
  return (
    <main className="content">
      <section className="panel" aria-labelledby="unlock-title">
        <h1 id="unlock-title">This workspace is encrypted</h1>
        <p>
          Its data, models you trained and reports can only be read with its passphrase. Type it to open the workspace at <code>{workspace}</code>.
        </p>
        <form className="passphrase-form" onSubmit={(e) => void submit(e)}>
          <label>
            Passphrase
            <input type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus />
          </label>
          <button type="submit" disabled={busy || passphrase.length === 0}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </form>
        <Messages error={error} notice={null} />
        <p className="muted">Nobody can recover a lost passphrase, not even Fieldtune: without it the data stays unreadable.</p>
      </section>
    </main>
  );
}
