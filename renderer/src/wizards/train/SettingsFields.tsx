// The training settings form, generated from the contract's table (electron/contract/training.ts): every field has its
// plain label, its explanation and its safe range, and values outside that range are flagged for a confirmation.
import {
  outsideSafeRange,
  TRAINING_OPTION_KEYS,
  trainingOptions,
  type TrainingOption,
  type TrainingOptionKey,
  type TrainingSettings,
} from '../../../../electron/contract/training.js';

interface Props {
  value: TrainingSettings;
  onChange(next: TrainingSettings): void;
  /** Basic settings only, or every setting (Advanced). */
  advanced: boolean;
}

function Field({ k, option, value, onChange }: { k: TrainingOptionKey; option: TrainingOption; value: unknown; onChange(v: unknown): void }) {
  const id = `setting-${k}`;
  const help = (
    <p id={`${id}-help`} className="muted">
      {option.help}
    </p>
  );
  if (option.type === 'boolean') {
    return (
      <div className="setting">
        <input id={id} type="checkbox" checked={value === true} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.checked || undefined)} />
        <label htmlFor={id}>{option.label}</label>
        {help}
      </div>
    );
  }
  if (option.type === 'enum') {
    return (
      <div className="setting">
        <label htmlFor={id}>{option.label}</label>
        <select id={id} value={typeof value === 'string' ? value : option.default} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.target.value)}>
          {option.values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        {help}
      </div>
    );
  }
  if (option.type === 'list') {
    const chosen = Array.isArray(value) ? (value as string[]) : [...option.default];
    return (
      <fieldset className="setting">
        <legend>{option.label}</legend>
        {option.values.map((v) => (
          <label key={v}>
            <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))} />{' '}
            {v}
          </label>
        ))}
        {help}
      </fieldset>
    );
  }
  return (
    <div className="setting">
      <label htmlFor={id}>{option.label}</label>
      <input
        id={id}
        type="number"
        min={option.min}
        max={option.max}
        step={option.type === 'int' ? 1 : 'any'}
        aria-describedby={`${id}-help`}
        placeholder={option.default === null ? 'automatic' : String(option.default)}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      <span className="muted">
        {' '}
        Usual range: {option.safe[0]} to {option.safe[1]}
      </span>
      {help}
    </div>
  );
}

export function SettingsFields({ value, onChange, advanced }: Props) {
  const unusual = new Set(outsideSafeRange(value));
  return (
    <div className="settings-fields">
      {TRAINING_OPTION_KEYS.filter((k) => advanced || !trainingOptions[k].advanced).map((k) => (
        <div key={k}>
          <Field k={k} option={trainingOptions[k]} value={value[k]} onChange={(v) => onChange({ ...value, [k]: v })} />
          {unusual.has(k) && (
            <p role="status" className="warning-text">
              This is outside the usual range; you will be asked to confirm before training starts.
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
