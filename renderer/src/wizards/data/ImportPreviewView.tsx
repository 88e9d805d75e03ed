import type { ColumnField, ImportPreview } from '../../../../electron/contract/datasets.js';
import { useDatasetsStore } from '../../stores/datasetsStore.js';
import { FIELD_LABELS } from './labels.js';

const FIX_HINT = {
  encoding: 'Choose it under “Text encoding” above: files saved by Excel are often windows-1252.',
  mapping: 'Choose below which column holds the question and which holds the answer.',
  format: 'Choose the format above.',
  file: '',
} as const;

function firstOf(messages: ReadonlyArray<{ role: string; content: string }> | undefined, role: string): string {
  return messages?.find((m) => m.role === role)?.content ?? '';
}

/** What the import would make of the file: the problem to fix first, the column mapping, the first rows. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const map = useDatasetsStore((s) => s.form.map);
  const setColumn = useDatasetsStore((s) => s.setColumn);
  const mapping = preview.mapping ? { ...preview.mapping, ...map } : null;

  return (
    <div className="import-preview">
      {preview.problem && (
        <div className="problem" role="alert">
          <p>
            <strong>This file cannot be imported as it is.</strong> {preview.problem.message}
          </p>
          {/* the message already carries the advice when the error names the setting that fixes it */}
          {!preview.problem.fix && FIX_HINT[preview.problem.kind] && <p>{FIX_HINT[preview.problem.kind]}</p>}
        </div>
      )}
      {preview.headers && mapping && (
        <fieldset className="mapping">
          <legend>What each column holds</legend>
          <p className="muted">Fieldtune guessed from the column names. Every row becomes one example: a question and its answer.</p>
          {preview.headers.map((h, i) => (
            <div key={h} className="row">
              <label htmlFor={`map-${i}`} className="column-name">
                Column “{h}”
              </label>
              <select id={`map-${i}`} value={mapping[h] ?? 'ignore'} onChange={(e) => setColumn(h, e.target.value as ColumnField)}>
                {(Object.keys(FIELD_LABELS) as ColumnField[]).map((f) => (
                  <option key={f} value={f}>
                    {FIELD_LABELS[f]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      {preview.rows.length > 0 && (
        <table className="models preview-rows">
          <caption>
            {preview.rows.length === 1 ? 'The first example as it would be imported' : `First ${preview.rows.length} examples as they would be imported`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {preview.rows.some((r) => r.messages) ? (
                <>
                  <th scope="col">Question</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Labels</th>
                </>
              ) : (
                <th scope="col">Text</th>
              )}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                {r.messages ? (
                  <>
                    <td>{firstOf(r.messages, 'user')}</td>
                    <td>{firstOf(r.messages, 'assistant')}</td>
                    <td className="muted">
                      {Object.entries(r.metadata ?? {})
                        .map(([k, v]) => `${k}: ${String(v)}`)
                        .join(', ')}
                    </td>
                  </>
                ) : (
                  <td>{(r.text ?? '').slice(0, 300)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.rejected.length > 0 && (
        <div className="notice">
          <p>{preview.rejected.length} bad row(s) near the top of the file. An import stops at the first one unless you choose “Skip bad rows”.</p>
          <ul>
            {preview.rejected.map((r) => (
              <li key={r.line}>
                Line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
