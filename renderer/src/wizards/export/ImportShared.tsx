// Bringing in an adapter a colleague shared: a Fieldtune bundle (its signature and contents are checked) joins this
// project as a run. Who signed it is shown as the first digits of their key, to compare with the sender.
import { useExportStore } from '../../stores/exportStore.js';

const SIGNER_WORDS = {
  own: 'signed with this workspace’s own key',
  trusted: 'signed by a sender you trust',
  unknown: 'signed by a sender this workspace does not know yet: ask them to read you the first digits of their key and compare',
} as const;

export function ImportShared() {
  const s = useExportStore();
  return (
    <section aria-label="Bring in a shared adapter">
      <h3>Bring in an adapter a colleague shared</h3>
      <label>
        Shared file
        <input value={s.importPath} placeholder="clinic.ftadapter" onChange={(e) => s.setImport({ importPath: e.target.value })} />
      </label>
      <label>
        Its passphrase (if it has one)
        <input type="password" value={s.importPassphrase} autoComplete="off" onChange={(e) => s.setImport({ importPassphrase: e.target.value })} />
      </label>
      <button type="button" onClick={() => void s.importAdapter()} disabled={s.importing}>
        Check and bring in
      </button>
      {s.imported && (
        <div role="status">
          <p>
            Added as a new run: {s.imported.signer ? SIGNER_WORDS[s.imported.signer.status] : 'not signed'}
            {s.imported.signer && ` (key ${s.imported.signer.shown.split(' ').slice(0, 4).join(' ')} …)`}.
          </p>
          {s.imported.signer?.status === 'unknown' && (
            <button type="button" onClick={() => void s.trustSigner()}>
              Trust this sender
            </button>
          )}
        </div>
      )}
    </section>
  );
}
