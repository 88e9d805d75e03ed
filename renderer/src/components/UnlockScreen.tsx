import { useState, type FormEvent } from 'react';
import { useEncryptionStore } from '../stores/encryptionStore.js';
import { Messages } from './Messages.js';

/** Shown instead of everything else while the workspace is encrypted and waits for its passphrase. */
export function UnlockScreen({ workspace, desktop }: { workspace: string; desktop: boolean }) {
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const { busy, error, unlock } = useEncryptionStore();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await unlock(passphrase, desktop ? remember : undefined)) setPassphrase('');
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
          {desktop && (
            // the desktop app keeps it in the system's keychain (Electron safeStorage); browser mode never stores it
            <label className="inline">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
              Remember on this computer (in the system’s keychain: anyone who can log in as you can then open it)
            </label>
          )}
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
