// The one description of the trainer's settings. From this table come: the validation of every request and CLI flag
// (TrainingSettings), the trainer's argument list (core/train/supervisor.ts trainerArgs), the `fieldtune train` flags
// and usage text (electron/cli/commands/train.ts), and the wizard's settings form (renderer). A test compares it with
// `fieldtune-train --help`, so a flag added to the trainer and not here (or the other way round) fails CI.
import { z } from 'zod';

interface OptionBase {
  /** The trainer's flag; the CLI uses the same spelling. */
  flag: `--${string}`;
  /** Short name for a form field. */
  label: string;
  /** One or two plain sentences: what it does and when to change it. */
  help: string;
  /** Shown only under Advanced in the wizard. */
  advanced: boolean;
}

interface NumberOption extends OptionBase {
  type: 'int' | 'number';
  /** The trainer's own default (null: it decides, e.g. from the data or the machine). */
  default: number | null;
  /** Hard limits: outside them the request is refused. */
  min: number;
  max: number;
  /** Values a specialist can use without thinking twice; outside them the wizard asks for a confirmation. */
  safe: readonly [number, number];
  /** Placeholder for the CLI usage line (N, RATE, STEPS). */
  placeholder: string;
}

interface EnumOption extends OptionBase {
  type: 'enum';
  values: readonly [string, ...string[]];
  default: string;
}

interface ListOption extends OptionBase {
  type: 'list';
  values: readonly string[];
  default: readonly string[];
}

interface FlagOption extends OptionBase {
  type: 'boolean';
  default: false;
}

export type TrainingOption = NumberOption | EnumOption | ListOption | FlagOption;

export const LORA_TARGETS = ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down', 'attn_qkv'] as const;

const option = <T extends TrainingOption>(o: T): T => o;

// In the order the trainer's arguments are written.
export const trainingOptions = {
  rank: option({
    flag: '--rank',
    type: 'int',
    default: 8,
    min: 1,
    max: 512,
    safe: [4, 64],
    placeholder: 'N',
    advanced: false,
    label: 'Adapter size (LoRA rank)',
    help: 'How much the adapter can learn. Larger adapters learn more detail but need more memory and data.',
  }),
  alpha: option({
    flag: '--alpha',
    type: 'number',
    default: 16,
    min: 0.01,
    max: 4096,
    safe: [1, 128],
    placeholder: 'N',
    advanced: true,
    label: 'Adapter strength (LoRA alpha)',
    help: 'Scales what the adapter adds (by alpha / rank). Twice the adapter size is a common choice.',
  }),
  lr: option({
    flag: '--lr',
    type: 'number',
    default: 2e-4,
    min: 1e-7,
    max: 1,
    safe: [1e-5, 2e-3],
    placeholder: 'RATE',
    advanced: false,
    label: 'Learning speed (learning rate)',
    help: 'How big each learning step is. Too high and the loss jumps or becomes NaN; too low and nothing changes.',
  }),
  epochs: option({
    flag: '--epochs',
    type: 'int',
    default: 3,
    min: 1,
    max: 1000,
    safe: [1, 20],
    placeholder: 'N',
    advanced: false,
    label: 'Passes over the data',
    help: 'How many times the model reads every training example. More passes learn more, until it starts to memorise.',
  }),
  maxSteps: option({
    flag: '--max-steps',
    type: 'int',
    default: null,
    min: 1,
    max: 10_000_000,
    safe: [1, 100_000],
    placeholder: 'N',
    advanced: true,
    label: 'Stop after this many steps',
    help: 'A hard limit on training steps; it replaces the number of passes when set.',
  }),
  maxSeq: option({
    flag: '--max-seq',
    type: 'int',
    default: null,
    min: 16,
    max: 1_048_576,
    safe: [128, 8192],
    placeholder: 'N',
    advanced: false,
    label: 'Longest example (tokens)',
    help: 'Examples longer than this are skipped or cut (see the next setting). Longer limits need more memory.',
  }),
  longExamples: option({
    flag: '--long-examples',
    type: 'enum',
    values: ['skip', 'truncate'],
    default: 'skip',
    advanced: false,
    label: 'Examples longer than that',
    help: 'Skip them, or keep their beginning up to the limit (truncate). Cutting keeps more examples, but an answer may end mid-sentence.',
  }),
  threads: option({
    flag: '--threads',
    type: 'int',
    default: null,
    min: 1,
    max: 1024,
    safe: [1, 256],
    placeholder: 'N',
    advanced: true,
    label: 'CPU threads',
    help: 'How many processor threads training uses; by default all cores.',
  }),
  gradAccum: option({
    flag: '--grad-accum',
    type: 'int',
    default: 1,
    min: 1,
    max: 1024,
    safe: [1, 32],
    placeholder: 'N',
    advanced: true,
    label: 'Examples per update (gradient accumulation)',
    help: 'Averages this many examples before each update: smoother learning at no extra memory.',
  }),
  warmup: option({
    flag: '--warmup',
    type: 'int',
    default: 0,
    min: 0,
    max: 100_000,
    safe: [0, 200],
    placeholder: 'STEPS',
    advanced: true,
    label: 'Warm-up steps',
    help: 'Steps at the start during which the learning speed rises from zero: steadier first steps.',
  }),
  weightDecay: option({
    flag: '--weight-decay',
    type: 'number',
    default: 0,
    min: 0,
    max: 1,
    safe: [0, 0.1],
    placeholder: 'X',
    advanced: true,
    label: 'Weight decay',
    help: 'Pulls the adapter gently towards zero; a little can reduce memorising.',
  }),
  seed: option({
    flag: '--seed',
    type: 'int',
    default: 42,
    min: 0,
    max: 2_147_483_647,
    safe: [0, 2_147_483_647],
    placeholder: 'N',
    advanced: true,
    label: 'Random seed',
    help: 'The same seed, data and settings give the same adapter: change it only to try another random start.',
  }),
  evalEvery: option({
    flag: '--eval-every',
    type: 'int',
    default: null,
    min: 1,
    max: 10_000_000,
    safe: [1, 100_000],
    placeholder: 'N',
    advanced: true,
    label: 'Check on validation data every N steps',
    help: 'By default once per pass when validation data is given.',
  }),
  earlyStop: option({
    flag: '--early-stop',
    type: 'int',
    default: null,
    min: 1,
    max: 1000,
    safe: [1, 20],
    placeholder: 'N',
    advanced: true,
    label: 'Stop when validation stops improving',
    help: 'Stops after this many validation checks without improvement, keeping the best result.',
  }),
  checkpointEvery: option({
    flag: '--checkpoint-every',
    type: 'int',
    default: null,
    min: 1,
    max: 10_000_000,
    safe: [10, 100_000],
    placeholder: 'N',
    advanced: true,
    label: 'Save progress every N steps',
    help: 'A checkpoint lets a stopped run continue; one is always written when a run is stopped.',
  }),
  gpuLayers: option({
    flag: '--gpu-layers',
    type: 'int',
    default: 0,
    min: 0,
    max: 10_000,
    safe: [0, 10_000],
    placeholder: 'N',
    advanced: true,
    label: 'Layers on the GPU',
    help: 'How many of the model’s layers run on the graphics card (needs a GPU build of the trainer).',
  }),
  schedule: option({
    flag: '--schedule',
    type: 'enum',
    values: ['constant', 'linear', 'cosine'],
    default: 'cosine',
    advanced: true,
    label: 'Learning speed over time',
    help: 'Cosine and linear slow the learning down towards the end, which usually settles the result.',
  }),
  targets: option({
    flag: '--targets',
    type: 'list',
    values: LORA_TARGETS,
    default: ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down'],
    advanced: true,
    label: 'Parts of the model to adapt',
    help: 'Which weight matrices get an adapter. All attention and feed-forward parts is the thorough default.',
  }),
  lowMemory: option({
    flag: '--low-memory',
    type: 'boolean',
    default: false,
    advanced: true,
    label: 'Save memory',
    help: 'Skips a copy of the model’s weights that speeds up training: less memory, slower steps.',
  }),
} as const satisfies Record<string, TrainingOption>;

export type TrainingOptionKey = keyof typeof trainingOptions;
export const TRAINING_OPTION_KEYS = Object.keys(trainingOptions) as TrainingOptionKey[];

/** Flags of `fieldtune-train` that are not settings: files, resume plumbing, the up-front base check. */
export const TRAINER_PLUMBING_FLAGS = [
  '--base',
  '--train',
  '--text',
  '--out',
  '--val',
  '--resume',
  '--checkpoint-dir',
  '--base-sha256',
  '--init-adapter',
  '--no-shuffle',
  '--no-stdin-watch',
  '--dry-run',
  '--check-base',
] as const;

function schemaOf(o: TrainingOption): z.ZodType {
  switch (o.type) {
    case 'int':
      return z
        .number()
        .int(`${o.label} must be a whole number`)
        .min(o.min, `${o.label} must be at least ${o.min}`)
        .max(o.max, `${o.label} must be at most ${o.max}`);
    case 'number':
      return z.number().min(o.min, `${o.label} must be at least ${o.min}`).max(o.max, `${o.label} must be at most ${o.max}`);
    case 'enum':
      return z.enum(o.values);
    case 'list':
      return z.array(z.enum(o.values as readonly [string, ...string[]])).min(1, 'Choose at least one part of the model to adapt');
    case 'boolean':
      return z.boolean();
  }
}

type SettingValue<O> = O extends { type: 'int' | 'number' }
  ? number
  : O extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : O extends { type: 'list'; values: readonly (infer V)[] }
      ? V[]
      : boolean;

/** Every setting is optional: what is not given, the trainer decides (see each option's default). */
export type TrainingSettings = { -readonly [K in TrainingOptionKey]?: SettingValue<(typeof trainingOptions)[K]> };

export const TrainingSettings = z
  .object(Object.fromEntries(TRAINING_OPTION_KEYS.map((k) => [k, schemaOf(trainingOptions[k]).optional()])))
  .strict() as unknown as z.ZodType<TrainingSettings>;

/** Settings outside their safe range: the wizard asks for a confirmation before it starts with them. */
export function outsideSafeRange(settings: TrainingSettings): TrainingOptionKey[] {
  return TRAINING_OPTION_KEYS.filter((k) => {
    const o: TrainingOption = trainingOptions[k];
    const v = settings[k];
    return (o.type === 'int' || o.type === 'number') && typeof v === 'number' && (v < o.safe[0] || v > o.safe[1]);
  });
}
