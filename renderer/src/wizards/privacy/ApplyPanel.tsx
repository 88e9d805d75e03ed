import { PII_TYPE_NAMES } from '../../../../electron/contract/pii.js';
import { usePrivacyStore } from '../../stores/privacyStore.js';
import { TYPE_LABEL } from './labels.js';
import { JobProgress } from '../../components/JobProgress.js';

/** Mask or pseudonyms, which kinds, then a new version. */
export function ApplyPanel() {
  const mode = usePrivacyStore((s) => s.mode);
  const setMode = usePrivacyStore((s) => s.setMode);
  const policy = usePrivacyStore((s) => s.policy);
  const togglePolicy = usePrivacyStore((s) => s.togglePolicy);
  const apply = usePrivacyStore((s) => s.apply);
  const applyJobId = usePrivacyStore((s) => s.applyJobId);
  const status = usePrivacyStore((s) => s.status);
  const toReplace = PII_TYPE_NAMES.reduce((n, t) => n + (policy.includes(t) ? (status?.current?.[t] ?? 0) : 0), 0);

  return (
    <div className="pii-apply">
      <fieldset>
        <legend>How to replace them</legend>
        <label className="pii-mode">
          <input type="radio" name="pii-mode" value="mask" checked={mode === 'mask'} onChange={() => setMode('mask')} />
          <span>
            <strong>Mask</strong>: each one becomes its kind in brackets. “[NAME] called on [DATE]”. Simple, but the model learns from brackets instead of
            real-looking text.
          </span>
        </label>
        <label className="pii-mode">
          <input type="radio" name="pii-mode" value="pseudonym" checked={mode === 'pseudonym'} onChange={() => setMode('pseudonym')} />
          <span>
            <strong>Consistent pseudonyms</strong>: made-up but realistic values. The same person gets the same invented name in every example; dates move by
            the same number of days within an example, so intervals stay right.
          </span>
        </label>
      </fieldset>
      <details>
        <summary>
          Which kinds to replace ({policy.length} of {PII_TYPE_NAMES.length})
        </summary>
        <div className="pii-policy">
          {PII_TYPE_NAMES.map((t) => (
            <label key={t}>
              <input type="checkbox" checked={policy.includes(t)} onChange={(e) => togglePolicy(t, e.target.checked)} /> {TYPE_LABEL[t]}
            </label>
          ))}
        </div>
      </details>
      {applyJobId ? (
        <JobProgress jobId={applyJobId} label="Redaction progress" cancelLabel="Cancel the redaction" />
      ) : (
        <button type="button" disabled={policy.length === 0 || !status?.scan} onClick={() => void apply()}>
          Make a redacted version ({toReplace} to replace)
        </button>
      )}
      <p className="muted small">The current version stays as it is; the redacted text becomes a new version with its report.</p>
    </div>
  );
}
