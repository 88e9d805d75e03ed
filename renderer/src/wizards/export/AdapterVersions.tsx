// Which adapter the project uses now, its earlier ones, and promote / roll back.
import { useExportStore } from '../../stores/exportStore.js';

export function AdapterVersions() {
  const versions = useExportStore((s) => s.versions);
  const runId = useExportStore((s) => s.runId);
  const promote = useExportStore((s) => s.promote);
  const rollback = useExportStore((s) => s.rollback);
  if (!versions) return null;
  const current = versions.versions.find((v) => v.current);
  return (
    <section aria-label="Adapter versions">
      <h3>Adapter in use</h3>
      <p>
        {current
          ? `Version ${current.version}, from the run of ${new Date(current.promotedAt).toLocaleDateString()}, is the project’s current adapter.`
          : 'No adapter has been made the current one yet.'}
      </p>
      {versions.versions.length > 0 && (
        <ol>
          {versions.versions.map((v) => (
            <li key={v.runId}>
              Version {v.version} ({v.origin}){v.current ? ' — in use' : ''}
            </li>
          ))}
        </ol>
      )}
      {runId && runId !== versions.currentRunId && (
        <button type="button" onClick={() => void promote(runId)}>
          Use the chosen run’s adapter
        </button>
      )}
      {versions.versions.length > 1 && (
        <button type="button" onClick={() => void rollback()}>
          Go back to the previous adapter
        </button>
      )}
    </section>
  );
}
