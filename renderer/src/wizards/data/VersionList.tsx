import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { useLineageStore } from '../../stores/lineageStore.js';

/** Plain names of what made a version (also used by the lineage view). */
export const OPERATION: Record<string, string> = {
  import: 'Imported',
  clean: 'Cleaned',
  remove: 'Examples removed',
  edit: 'Edited',
  split: 'Split',
  redact: 'Personal data protected',
  inbox: 'Suggestions added',
  erase: 'Example erased',
};

function describe(operation: string, details: Record<string, unknown>): string {
  if (operation === 'import') return `from ${String(details['source'] ?? 'a file')} (${String(details['format'] ?? '?')})`;
  if (operation === 'edit') return `example #${Number(details['position'] ?? 0) + 1} corrected`;
  if (operation === 'inbox') {
    const synthetic = Number(details['synthetic'] ?? 0);
    const leftOut = Number(details['leakedLeftOut'] ?? 0);
    return (
      `${String(details['added'] ?? 0)} accepted suggestions added` +
      (synthetic > 0 ? `, ${synthetic} of them synthetic (written by a model)` : '') +
      (leftOut > 0 ? `; ${leftOut} left out because they copied a test example` : '')
    );
  }
  if (operation === 'erase')
    return `${String(details['removed'] ?? 0)} erased at a person's request${details['reason'] ? ` (${String(details['reason'])})` : ''}`;
  if (operation === 'clean' || operation === 'remove') return `${String(details['removed'] ?? 0)} removed`;
  if (operation === 'split') {
    const c = details['counts'] as { train?: number; validation?: number; test?: number } | undefined;
    return c ? `train ${c.train ?? 0} / validation ${c.validation ?? 0} / test ${c.test ?? 0}` : '';
  }
  return '';
}

/** Every version of the project's datasets, oldest first; choosing one makes it the version the other tasks work on. */
export function VersionList({ compact }: { compact: boolean }) {
  const datasets = useDatasetsStore((s) => s.datasets);
  const versionId = useDatasetsStore((s) => s.versionId);
  const select = useDatasetsStore((s) => s.selectVersion);
  const projectId = useDatasetsStore((s) => s.projectId);
  const showLineage = useLineageStore((s) => s.show);

  if (compact) {
    return (
      <div className="row version-picker">
        <label htmlFor="version-select">Working on</label>
        <select id="version-select" value={versionId ?? ''} onChange={(e) => select(e.target.value)}>
          {datasets.map((d) => (
            <optgroup key={d.id} label={d.name}>
              {d.versions.map((v, i) => (
                <option key={v.id} value={v.id}>
                  {d.name} v{i + 1}: {OPERATION[v.operation] ?? v.operation}, {v.examples} examples
                  {Number(v.details['synthetic'] ?? 0) > 0 ? `, ${String(v.details['synthetic'])} synthetic` : ''}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    );
  }
  return (
    <section aria-labelledby="versions-title">
      <h3 id="versions-title">Versions</h3>
      <p className="muted">
        The content code is computed from a version’s examples: two versions with the same code hold exactly the same examples (technically, a fingerprint or
        hash of the content).
      </p>
      {datasets.map((d) => {
        const number = new Map(d.versions.map((v, i) => [v.id, i + 1]));
        return (
          <table key={d.id} className="models versions">
            <caption>
              {d.name} <span className="muted">({d.kind === 'chat' ? 'questions and answers' : 'documents'})</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">What happened</th>
                <th scope="col">Examples</th>
                <th scope="col">Content code</th>
                <th scope="col">Made from</th>
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.versions.map((v) => (
                <tr key={v.id} className={v.id === versionId ? 'selected' : undefined}>
                  <td>v{number.get(v.id)}</td>
                  <td>
                    {OPERATION[v.operation] ?? v.operation} <span className="muted">{describe(v.operation, v.details)}</span>
                    {v.erasedExamples && (
                      <span className="badge erased-badge" title="An erasure replaced these examples' text with “[erased]” in this version">
                        {v.erasedExamples} erased here
                      </span>
                    )}
                  </td>
                  <td>{v.examples}</td>
                  <td className="path" title={v.hash}>
                    {v.hash.slice(0, 12)}
                  </td>
                  <td>
                    {v.parentId ? `v${number.get(v.parentId) ?? '?'}` : 'the file'}
                    {!v.parentId && projectId && typeof v.details['source'] === 'string' && (
                      <button
                        type="button"
                        className="ghost version-lineage"
                        aria-label={`Where is the data from ${v.details['source']} used?`}
                        onClick={() => void showLineage({ kind: 'file', projectId, fileName: String(v.details['source']) })}
                      >
                        where is it used?
                      </button>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="ghost"
                      aria-pressed={v.id === versionId}
                      aria-label={`Work on ${d.name} v${number.get(v.id)}`}
                      onClick={() => select(v.id)}
                    >
                      {v.id === versionId ? 'Selected' : 'Select'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
