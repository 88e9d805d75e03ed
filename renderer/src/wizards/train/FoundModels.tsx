// 'Found on this computer': the models LM Studio, Ollama and the Hugging Face cache already hold, with what a person
// needs to choose one (name, size, how compressed, whether it can be trained here and why not). Picking one adds it.
import type { DiscoveredModel } from '../../../../electron/contract/models.js';
import { useDiscoverStore } from '../../stores/discoverStore.js';
import { useJobsStore } from '../../stores/jobsStore.js';
import { useTrainStore } from '../../stores/trainStore.js';

const SOURCES: Record<DiscoveredModel['source'], string> = { 'lm-studio': 'LM Studio', ollama: 'Ollama', 'hugging-face': 'Hugging Face', folder: 'a folder' };

function size(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

function billions(n: number | null): string {
  if (n === null) return '';
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)} billion parameters` : n >= 1e6 ? `${Math.round(n / 1e6)} million parameters` : `${n} parameters`;
}

function verdict(c: DiscoveredModel): string {
  if (c.trainable) return 'Yes';
  if (c.trainable === false) return `No: ${c.reason ?? 'not supported'}`;
  return c.reason ?? 'Not checked';
}

export function FoundModels() {
  const { candidates, looked, jobId, picking, error, look, cancel, pick } = useDiscoverStore();
  const progress = useJobsStore((s) => (jobId ? s.jobs[jobId]?.progress : undefined));
  const modelAdded = useTrainStore((s) => s.modelAdded);
  const chosenId = useTrainStore((s) => s.modelId);
  return (
    <section aria-labelledby="found-models-title" className="found-models">
      <h4 id="found-models-title">Found on this computer</h4>
      <p className="muted">
        Models you already have in LM Studio, Ollama or the Hugging Face cache can be used as they are. Fieldtune only reads them; it never changes or copies
        them.
      </p>
      <div className="row">
        <button type="button" onClick={() => void look()} disabled={jobId !== null}>
          Look for models
        </button>
        {jobId && (
          <>
            <progress aria-label="Looking for models" value={progress?.total ? progress.current : undefined} max={progress?.total ?? undefined} />
            <button type="button" className="ghost" onClick={() => void cancel()}>
              Stop looking
            </button>
            <span className="muted">{progress?.phase}</span>
          </>
        )}
      </div>
      {error && (
        <p className="danger-text" role="alert">
          {error}
        </p>
      )}
      {looked && candidates.length === 0 && <p className="muted">No models found in the usual places. Add one under Models with its file.</p>}
      {candidates.length > 0 && (
        <table className="models">
          <caption className="visually-hidden">Models found on this computer</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">Compression</th>
              <th scope="col">Can it be trained here?</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => {
              const chosen = c.registeredModelId !== null && c.registeredModelId === chosenId;
              return (
                <tr key={c.path}>
                  <td title={c.path}>
                    {c.name}
                    <span className="muted">
                      {' '}
                      from {SOURCES[c.source]}
                      {c.architecture ? `, ${c.architecture}` : ''}
                      {c.parameterCount ? `, ${billions(c.parameterCount)}` : ''}
                    </span>
                  </td>
                  <td>{size(c.sizeBytes)}</td>
                  <td>{c.quantization ?? 'unknown'}</td>
                  <td>{verdict(c)}</td>
                  <td>
                    {chosen ? (
                      <span className="muted">In use</span>
                    ) : (
                      <button
                        type="button"
                        className="ghost"
                        aria-label={`Use ${c.name}`}
                        disabled={c.trainable === false || picking !== null}
                        onClick={() => void pick(c, modelAdded)}
                      >
                        {picking === c.path ? 'Adding…' : 'Use this model'}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
