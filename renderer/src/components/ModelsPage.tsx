import { useState, type FormEvent } from 'react';
import { useModelsStore } from '../stores/modelsStore.js';

function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Base models: registered where they lie (path, size and fingerprint recorded), never copied. */
export function ModelsPage() {
  const models = useModelsStore((s) => s.models);
  const error = useModelsStore((s) => s.error);
  const register = useModelsStore((s) => s.register);
  const remove = useModelsStore((s) => s.remove);
  const browse = useModelsStore((s) => s.browse);
  const canBrowse = useModelsStore((s) => s.canBrowse());
  const [path, setPath] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (path.trim()) await register(path.trim());
  }

  async function pick() {
    const chosen = await browse();
    if (chosen) setPath(chosen);
  }

  return (
    <section className="panel" aria-labelledby="models-title">
      <h1 id="models-title">Base models</h1>
      <p>
        A base model is the general-purpose model you start from, as a <strong>.gguf</strong> file (from LM Studio, Ollama, or a download you made). Fieldtune
        reads it where it is and records a fingerprint, so it can later check that an adapter matches it.
      </p>
      <form className="row" aria-label="Add a model" onSubmit={(e) => void submit(e)}>
        <label htmlFor="model-path">Model file</label>
        <input id="model-path" className="grow" value={path} placeholder="/path/to/model.gguf" onChange={(e) => setPath(e.target.value)} />
        {canBrowse && (
          <button type="button" className="ghost" onClick={() => void pick()}>
            Browse…
          </button>
        )}
        <button type="submit" disabled={!path.trim()}>
          Add model
        </button>
      </form>
      {error && (
        <p className="danger-text" role="alert">
          {error}
        </p>
      )}
      <table className="models">
        <caption className="visually-hidden">Registered base models</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Architecture</th>
            <th scope="col">Size</th>
            <th scope="col">Location</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id}>
              <td>{m.label}</td>
              <td>
                {String(m.metadata['architecture'] ?? '?')}, {String(m.metadata['layers'] ?? '?')} layers
              </td>
              <td>{megabytes(m.sizeBytes)}</td>
              <td className="path" title={`sha256 ${m.sha256}`}>
                {m.path}
              </td>
              <td>
                <button type="button" className="ghost" aria-label={`Remove ${m.label} from the list`} onClick={() => void remove(m.id)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {models.length === 0 && <p className="muted">No models yet.</p>}
    </section>
  );
}
