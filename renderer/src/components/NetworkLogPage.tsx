import { useEffect } from 'react';
import { useNetworkStore } from '../stores/networkStore.js';
import { Messages } from './Messages.js';

/** Every attempt to reach another computer that Fieldtune stopped: from the page, the window or the core itself. */
export function NetworkLogPage() {
  const { status, entries, error } = useNetworkStore();
  const load = useNetworkStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  const where = { core: 'Fieldtune itself', page: 'this page', window: 'the app window' } as Record<string, string>;
  return (
    <section className="panel" aria-labelledby="network-title">
      <h1 id="network-title">Network log</h1>
      <p>
        Fieldtune works offline: your data, models and results never leave this computer. Anything that tries to reach another computer is stopped and listed
        here. The goal is an empty list.
      </p>
      <Messages error={error} notice={null} />
      {status && (
        <p role="status">
          {status.blocked === 0 ? 'Nothing has tried to reach the network.' : `${status.blocked} attempt${status.blocked === 1 ? '' : 's'} stopped.`}
          {status.guarded ? ' Connections to other computers are refused.' : ''}
        </p>
      )}
      {entries.length > 0 && (
        <table aria-label="Blocked attempts">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Where to</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.subject}</td>
                <td>{where[String(e.details?.['source'])] ?? String(e.details?.['source'] ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
