// Choosing what to train: the base model, the dataset versions (several, with weights: a multi-task mix), whether to
// teach an earlier run more, and how thoroughly (a preset, or every setting under Advanced).
import { useTrainStore, effectiveSettings } from '../../stores/trainStore.js';
import { FoundModels } from './FoundModels.js';
import { SettingsFields } from './SettingsFields.js';

const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;

export function RunSetup() {
  const s = useTrainStore();
  const done = s.runs.filter((r) => r.status === 'succeeded');
  return (
    <section aria-labelledby="train-setup-title" className="data-section">
      <h3 id="train-setup-title">1. What to teach</h3>
      <label htmlFor="train-model">Base model</label>
      <select id="train-model" value={s.modelId ?? ''} onChange={(e) => s.setModel(e.target.value)}>
        {s.models.length === 0 && <option value="">No model yet: add one under Models</option>}
        {s.models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
      <FoundModels />
      <fieldset>
        <legend>Examples to learn from</legend>
        {s.versions.length === 0 && <p className="muted">Import examples in the Data step first.</p>}
        {s.versions.map((v) => (
          <div key={v.id} className="row">
            <label>
              <input type="checkbox" checked={v.id in s.chosen} onChange={(e) => s.toggleVersion(v.id, e.target.checked)} /> {v.label} ({v.examples} examples)
            </label>
            {v.id in s.chosen && Object.keys(s.chosen).length > 1 && (
              <label>
                share{' '}
                <input
                  type="number"
                  min={0.1}
                  step={0.1}
                  aria-label={`Share of ${v.label}`}
                  value={s.chosen[v.id]}
                  onChange={(e) => s.setWeight(v.id, Number(e.target.value) || 1)}
                />
              </label>
            )}
          </div>
        ))}
      </fieldset>
      {done.length > 0 && (
        <fieldset>
          <legend>Teach it more without forgetting</legend>
          <label htmlFor="train-continue">Start from an earlier run’s result</label>
          <select id="train-continue" value={s.continueFrom ?? ''} onChange={(e) => s.setContinue(e.target.value || null)}>
            <option value="">No: start fresh</option>
            {done.map((r) => (
              <option key={r.id} value={r.id}>
                Run of {new Date(r.createdAt).toLocaleString()}
              </option>
            ))}
          </select>
          {s.continueFrom && (
            <label>
              Share of the earlier examples to repeat, so it keeps what it learned{' '}
              <input
                type="number"
                min={0}
                max={1}
                step={0.05}
                aria-label="Share of earlier examples to repeat"
                value={s.replay}
                onChange={(e) => s.setContinue(s.continueFrom, Number(e.target.value))}
              />
            </label>
          )}
        </fieldset>
      )}

      <h3>2. How thoroughly</h3>
      <div role="radiogroup" aria-label="Preset" className="presets">
        {s.presets.map((p) => (
          <label key={p.id} className="preset">
            <input type="radio" name="preset" checked={s.preset === p.id} onChange={() => s.setPreset(p.id)} /> <strong>{p.label}</strong>
            <span className="muted"> {p.why}</span>
          </label>
        ))}
      </div>
      <label>
        <input type="checkbox" checked={s.advanced} onChange={(e) => s.setAdvanced(e.target.checked)} /> Advanced: show every setting
      </label>
      <SettingsFields value={effectiveSettings(s)} advanced={s.advanced} onChange={(next) => s.setOverrides(next)} />
      {s.hardware && (
        <p className="muted">
          This computer: {s.hardware.cpu}, {s.hardware.threads} threads ({s.hardware.instructionSet}), {gb(s.hardware.ramBytes)} memory
          {s.hardware.gpus.length ? `, ${s.hardware.gpus.map((g) => g.name).join(', ')}` : ', no graphics card in use'}. {s.hardware.notes.join(' ')}
        </p>
      )}
    </section>
  );
}
