import type { WizardStep } from '../stores/wizardStore.js';

export interface StepInfo {
  id: WizardStep;
  title: string;
  /** What this step will do, in plain words. */
  purpose: string;
  /** Honest status while the step is not built yet. */
  status: string;
}

export const STEPS: readonly StepInfo[] = [
  {
    id: 'data',
    title: 'Data',
    purpose:
      'Bring in your spreadsheets, chat logs, notes and documents; clean them, find duplicates, protect personal data, and split them for training and testing.',
    status: 'Built: import, versions, cleaning, personal-data protection, splits and token statistics.',
  },
  {
    id: 'train',
    title: 'Train',
    purpose:
      'Teach a local model your field on this computer’s graphics card or processor, by training a small add-on to it (a LoRA adapter) instead of the whole model, with a time and memory estimate before you start.',
    status: 'Built: presets, an estimate before you start, a live chart, stop and resume, run history, comparison and the candidate run.',
  },
  {
    id: 'evaluate',
    title: 'Evaluate',
    purpose: 'Compare the original and the tuned model on examples the model never saw, and check it did not forget general skills.',
    status:
      'Built: base vs tuned vs prompting baseline with confidence intervals, general-skills, robustness, bias and leak checks, the weakest answers, and a report.',
  },
  {
    id: 'export',
    title: 'Export',
    purpose: 'Save the result for llama.cpp, Ollama or other tools, or as a signed bundle colleagues can import.',
    status:
      'Built: llama.cpp adapter, merged model, Ollama, Hugging Face PEFT, signed share bundles, training job packages, the model card and adapter versions.',
  },
  {
    id: 'playground',
    title: 'Playground',
    purpose: 'Chat with the original and the tuned model side by side, and turn any answer into a suggestion for the training data.',
    status:
      'Built: streamed answers from the original model or any run, side by side, the strength of the training, instructions, answer settings, stop, speed, and ratings and corrections sent to Data → Suggestions.',
  },
];
