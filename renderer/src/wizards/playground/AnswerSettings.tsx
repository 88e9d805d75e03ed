// How the model writes, behind "Answer settings": most people never need these, so each says what it does.
import type { SamplingSettings } from '../../../../electron/contract/playgroundRequests.js';
import { usePlaygroundStore } from '../../stores/playgroundStore.js';

function NumberField({
  label,
  help,
  value,
  min,
  max,
  step,
  onChange,
}: {
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(v: number): void;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          // an empty or out-of-range box keeps the last good value, so a send never carries a setting the core refuses
          if (e.target.value !== '' && Number.isFinite(v) && v >= min && v <= max) onChange(v);
        }}
      />
      <small>{help}</small>
    </label>
  );
}

export function AnswerSettings() {
  const sampling = usePlaygroundStore((s) => s.sampling);
  const setSampling = usePlaygroundStore((s) => s.setSampling);
  const set = (patch: Partial<SamplingSettings>) => setSampling(patch);
  return (
    <details className="wide answer-settings">
      <summary>Answer settings</summary>
      <div className="answer-settings-grid">
        <NumberField
          label="Creativity (temperature)"
          help="0 gives the same answer every time; higher gives more varied answers."
          value={sampling.temperature}
          min={0}
          max={2}
          step={0.1}
          onChange={(temperature) => set({ temperature })}
        />
        <NumberField
          label="Longest answer (tokens)"
          help="A token is a word or part of a word."
          value={sampling.maxTokens}
          min={1}
          max={4096}
          step={1}
          onChange={(maxTokens) => set({ maxTokens: Math.round(maxTokens) })}
        />
        <NumberField
          label="Word choice breadth (top-p)"
          help="Lower keeps to the likeliest words."
          value={sampling.topP}
          min={0.05}
          max={1}
          step={0.05}
          onChange={(topP) => set({ topP })}
        />
        <NumberField
          label="Words considered (top-k)"
          help="How many likely next words the model chooses among."
          value={sampling.topK}
          min={1}
          max={1000}
          step={1}
          onChange={(topK) => set({ topK: Math.round(topK) })}
        />
      </div>
    </details>
  );
}
