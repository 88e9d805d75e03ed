import { useEffect } from 'react';
import type { AuditExportFormat } from '../../../electron/contract/auditRequests.js';
import { useAuditStore } from '../stores/auditStore.js';
import { AUDIT_KINDS, auditLabel } from './auditLabels.js';
import { Messages } from './Messages.js';

function download(text: string, format: AuditExportFormat) {
  const url = URL.createObjectURL(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `fieldtune-audit-log.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The workspace's audit log: what happened and when, a check that nobody altered it, and a copy for an officer. */
export function AuditPage() {
  const { entries, filters, verdict, checking, error } = useAuditStore();
  const { load, setFilters, verify, exportText } = useAuditStore.getState();

  useEffect(() => {
    void load();
  }, [load]);

  async function save(format: AuditExportFormat) {
    const text = await exportText(format);
    if (text !== null) download(text, format);
  }

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <p>
        Every import, redaction, training run and export in this workspace is written here, and never changed afterwards. Each entry is sealed to the one before
        it, and the newest is signed with this workspace&apos;s key, so <strong>Check the log</strong> can tell whether anyone edited, removed or reordered an
        entry in the database file.
      </p>
      <div className="row">
        <button type="button" onClick={() => void verify()} disabled={checking}>
          {checking ? 'Checking…' : 'Check the log'}
        </button>
        <button type="button" className="ghost" onClick={() => void save('csv')}>
          Download as CSV
        </button>
        <button type="button" className="ghost" onClick={() => void save('json')}>
          Download as JSON
        </button>
      </div>
      {verdict && (
        <p className={verdict.ok ? 'notice' : 'danger-text'} role="status">
          {verdict.ok ? 'The log is intact. ' : 'The log was altered. '}
          {verdict.reason}
        </p>
      )}
      <Messages error={error} notice={null} />
      <fieldset className="row">
        <legend>Show only</legend>
        <label>
          What happened
          <select value={filters.action} onChange={(e) => void setFilters({ action: e.target.value })}>
            {AUDIT_KINDS.map(([label, prefix]) => (
              <option key={prefix} value={prefix}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          About (exact id)
          <input value={filters.subject} onChange={(e) => void setFilters({ subject: e.target.value })} />
        </label>
        <label>
          Since
          <input type="date" value={filters.since} onChange={(e) => void setFilters({ since: e.target.value })} />
        </label>
      </fieldset>
      {entries.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <table aria-label="Audit entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What happened</th>
              <th scope="col">About</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.actor}</td>
                <td title={e.action}>{auditLabel(e.action)}</td>
                <td>{e.subject}</td>
                <td>
                  {e.details && (
                    <details>
                      <summary>Show</summary>
                      <dl className="audit-details">
                        {Object.entries(e.details).map(([key, value]) => (
                          <div key={key}>
                            <dt>{key}</dt>
                            <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
