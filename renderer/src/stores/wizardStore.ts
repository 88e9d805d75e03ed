import { create } from 'zustand';

export const WIZARD_STEPS = ['data', 'train', 'evaluate', 'export', 'playground'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

interface WizardState {
  /** The step each project was last on, so switching projects returns you where you were. */
  stepByProject: Record<string, WizardStep>;
  setStep(projectId: string, step: WizardStep): void;
}

export const useWizardStore = create<WizardState>((set) => ({
  stepByProject: {},
  setStep(projectId, step) {
    set((state) => ({ stepByProject: { ...state.stepByProject, [projectId]: step } }));
  },
}));
