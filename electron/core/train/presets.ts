// Three presets from what is known before training: how many examples, how long they are in the base model's own
// tokens, and the machine. Each says in one line why. The numbers follow common LoRA practice for small datasets
// (higher learning rates and more passes when there are few examples) and keep a CPU run short enough to wait for.
import type { Preset } from '../../contract/train.js';

export interface PresetProfile {
  examples: number;
  /** Token lengths of the rendered examples (prompt and answer). */
  p95Tokens: number;
  maxTokens: number;
  /** Whether the trainer can use a GPU here. */
  gpu: boolean;
  threads: number;
}

const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;

export function computePresets(p: PresetProfile): Preset[] {
  const small = p.examples < 200;
  const medium = p.examples < 2000;
  const lr = small ? 1e-3 : medium ? 5e-4 : 2e-4;
  // the window: long enough for nearly every example, a multiple of 64; the quick look caps it harder
  const fit = Math.max(64, roundUp(p.p95Tokens, 64));
  const full = Math.max(64, roundUp(p.maxTokens, 64));
  const cpuCap = p.gpu ? 4096 : 1024;
  const threads = p.threads;
  const size = `${p.examples} example${p.examples === 1 ? '' : 's'}`;
  return [
    {
      id: 'quick',
      label: 'Quick look',
      why: `A short first try on ${size}: a small adapter and few passes, to see within minutes whether the data teaches anything.`,
      settings: { rank: 8, alpha: 16, lr, epochs: small ? 3 : 1, maxSeq: Math.min(fit, p.gpu ? 1024 : 512), gradAccum: 1, threads },
    },
    {
      id: 'balanced',
      label: 'Balanced',
      why: `The usual choice for ${size}: enough passes to learn the style and facts, checked on the validation split as it goes.`,
      settings: {
        rank: 16,
        alpha: 32,
        lr,
        epochs: small ? 6 : medium ? 3 : 2,
        maxSeq: Math.min(full, cpuCap),
        gradAccum: small ? 1 : 4,
        threads,
        ...(small ? {} : { earlyStop: 3 }),
      },
    },
    {
      id: 'thorough',
      label: 'Thorough',
      why: `More capacity and passes for ${size}, stopping early when the validation loss stops improving; takes the longest.`,
      settings: {
        rank: 32,
        alpha: 64,
        lr: lr / 2,
        epochs: small ? 10 : medium ? 5 : 3,
        maxSeq: Math.min(full, cpuCap * 2),
        gradAccum: small ? 2 : 8,
        earlyStop: 3,
        threads,
      },
    },
  ];
}
