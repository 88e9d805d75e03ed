import type { Project } from '../../../electron/contract/domain.js';
import { useWizardStore, type WizardStep } from '../stores/wizardStore.js';
import { DataStep } from './data/DataStep.js';
import { EvaluateStep } from './evaluate/EvaluateStep.js';
import { ExportStep } from './export/ExportStep.js';
import { PlaygroundStep } from './playground/PlaygroundStep.js';
import { STEPS } from './steps.js';
import { TrainStep } from './train/TrainStep.js';

export function WizardFrame({ project }: { project: Project }) {
  const step = useWizardStore((s) => s.stepByProject[project.id] ?? 'data');
  const setStep = useWizardStore((s) => s.setStep);
  const current = STEPS.find((s) => s.id === step) ?? STEPS[0]!;

  function onKey(event: React.KeyboardEvent, index: number) {
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    const next = STEPS[(index + delta + STEPS.length) % STEPS.length]!;
    setStep(project.id, next.id as WizardStep);
    document.getElementById(`tab-${next.id}`)?.focus();
  }

  return (
    <section className="wizard">
      <div role="tablist" aria-label="Steps" className="steps">
        {STEPS.map((s, i) => (
          <button
            key={s.id}
            id={`tab-${s.id}`}
            role="tab"
            type="button"
            aria-selected={s.id === current.id}
            aria-controls={`panel-${s.id}`}
            tabIndex={s.id === current.id ? 0 : -1}
            onClick={() => setStep(project.id, s.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            <span className="step-number">{i + 1}</span> {s.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="panel">
        <h2>{current.title}</h2>
        {current.id === 'data' ? (
          <DataStep project={project} />
        ) : current.id === 'train' ? (
          <TrainStep project={project} />
        ) : current.id === 'evaluate' ? (
          <EvaluateStep project={project} />
        ) : current.id === 'export' ? (
          <ExportStep project={project} />
        ) : current.id === 'playground' ? (
          <PlaygroundStep project={project} />
        ) : (
          <>
            <p>{current.purpose}</p>
            <p className="notice" role="status">
              {current.status}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
