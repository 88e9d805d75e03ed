// What an evaluation produces: per system (the original model, the tuned model, the prompting baseline) the scores
// per example and overall, the paired comparisons with their confidence intervals, the verdict sentences, the
// probes and the leak check. Stored with the run (see store/repositories/evaluations.ts) and drawn by the Evaluate step.
import { z } from 'zod';
import { Id, Message } from './domain.js';
import { AnswerRule } from './evalJob.js';

export const SystemName = z.enum(['base', 'tuned', 'baseline']);
export type SystemName = z.infer<typeof SystemName>;

export const CoreMetric = z.enum(['exactMatch', 'tokenF1', 'rougeL', 'bleu', 'chrF']);
export type CoreMetric = z.infer<typeof CoreMetric>;

const Score = z.number();
export const ExampleScores = z.object({
  exactMatch: Score,
  tokenF1: Score,
  rougeL: Score,
  bleu: Score,
  chrF: Score,
  jsonValid: Score.nullable(),
  fitsSchema: Score.nullable(),
  rules: Score.nullable(),
});
export type ExampleScores = z.infer<typeof ExampleScores>;

/** A 95% bootstrap interval around one system's overall score (resampling the test examples). */
export const ScoreInterval = z.object({ low: z.number(), high: z.number() });
export type ScoreInterval = z.infer<typeof ScoreInterval>;

export const SystemSummary = ExampleScores.extend({
  /** Perplexity on the answer tokens (base and tuned only). */
  perplexity: z.number().nullable(),
  /** Each core metric's 95% interval (evaluations stored before intervals were kept have none). */
  intervals: z.partialRecord(CoreMetric, ScoreInterval).optional(),
});
export type SystemSummary = z.infer<typeof SystemSummary>;

export const Interval = z.object({ difference: z.number(), low: z.number(), high: z.number(), n: z.number().int() });
export type Interval = z.infer<typeof Interval>;

export const MetricComparison = z.object({ overall: Interval, byCategory: z.record(z.string(), Interval) });
export const Comparison = z.object({
  /** Which two systems: b minus a. */
  a: SystemName,
  b: SystemName,
  metrics: z.record(CoreMetric, MetricComparison),
  /** One plain sentence (on token F1): who is better and by how much, or "not enough examples to tell". */
  verdict: z.string(),
});
export type Comparison = z.infer<typeof Comparison>;

export const EvalExample = z.object({
  index: z.number().int(),
  category: z.string().nullable(),
  prompt: z.array(Message),
  reference: z.string(),
  answers: z.partialRecord(SystemName, z.string()),
  scores: z.partialRecord(SystemName, ExampleScores),
  /** Answer-token perplexity of this example. */
  perplexity: z.partialRecord(z.enum(['base', 'tuned']), z.number()),
  /** How many examples the baseline's prompt carried (fewer than asked when they would not fit the context). */
  shots: z.number().int().nullable(),
});
export type EvalExample = z.infer<typeof EvalExample>;

export const ProbeItem = z.object({ prompt: z.string(), expected: z.string().nullable(), base: z.string(), tuned: z.string(), note: z.string().nullable() });
export type ProbeItem = z.infer<typeof ProbeItem>;

export const RetentionResult = z.object({
  items: z.number().int(),
  accuracy: z.object({ base: z.number(), tuned: z.number() }),
  perplexity: z.object({ base: z.number(), tuned: z.number() }),
  flagged: z.boolean(),
  reasons: z.array(z.string()),
  worst: z.array(ProbeItem),
});
export type RetentionResult = z.infer<typeof RetentionResult>;

export const ChangeRates = z.object({ base: z.number(), tuned: z.number() });
export const RobustnessResult = z.object({
  pairs: z.number().int(),
  /** Share of perturbed prompts whose answer changed materially (token F1 vs the unperturbed answer < 0.5). */
  changed: ChangeRates,
  byPerturbation: z.record(z.string(), ChangeRates),
  flagged: z.boolean(),
  worst: z.array(ProbeItem),
});
export type RobustnessResult = z.infer<typeof RobustnessResult>;

export const BiasResult = z.object({
  pairs: z.number().int(),
  /** Share of counterfactual pairs whose answers differ materially, and the mean change (1 - token F1). */
  changed: ChangeRates,
  meanChange: ChangeRates,
  byAttribute: z.record(z.string(), ChangeRates),
  flagged: z.boolean(),
  worst: z.array(ProbeItem),
});
export type BiasResult = z.infer<typeof BiasResult>;

export const LeakFinding = z.object({
  kind: z.enum(['verbatim', 'identifier']),
  prompt: z.string(),
  output: z.string(),
  /** The training text continued word for word, or the identifier emitted. */
  match: z.string(),
});
export const LeakResult = z.object({ probes: z.number().int(), passed: z.boolean(), findings: z.array(LeakFinding) });
export type LeakResult = z.infer<typeof LeakResult>;

export const ProbeResults = z.object({
  retention: RetentionResult.nullable(),
  robustness: RobustnessResult.nullable(),
  bias: BiasResult.nullable(),
  leak: LeakResult.nullable(),
});
export type ProbeResults = z.infer<typeof ProbeResults>;

/** One of the specialist's rules as it fared: the share of answers passing it per system, and which examples failed. */
export const RuleResult = z.object({
  rule: AnswerRule,
  /** The rule in plain words ('must contain "phone"'). */
  words: z.string(),
  passRate: z.partialRecord(SystemName, z.number()),
  /** Indexes (into examples) of the answers that broke the rule, per system. */
  failing: z.partialRecord(SystemName, z.array(z.number().int())),
});
export type RuleResult = z.infer<typeof RuleResult>;

export const EvaluationSettings = z.object({
  maxNewTokens: z.number().int(),
  shots: z.number().int(),
  baseline: z.boolean(),
  probes: z.boolean(),
  seed: z.number().int(),
  systemPrompt: z.string().nullable(),
  /** The rules and JSON expectations the answers were scored with (the Evaluate step starts the next one from them). */
  rules: z.array(AnswerRule).default([]),
  jsonSchema: z.record(z.string(), z.unknown()).nullable().default(null),
  expectJson: z.boolean().default(false),
});

export const EvaluationResult = z.object({
  systems: z.partialRecord(SystemName, SystemSummary),
  comparisons: z.array(Comparison),
  examples: z.array(EvalExample),
  /** Per rule, in the order written (empty without rules, and in evaluations stored before rules were kept). */
  rules: z.array(RuleResult).default([]),
  probes: ProbeResults.nullable(),
  settings: EvaluationSettings,
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;

/** One stored evaluation (its examples are fetched with eval:get). */
export const EvaluationSummary = z.object({
  id: Id,
  projectId: Id.nullable(),
  runId: Id,
  versionId: Id,
  createdAt: z.string(),
  systems: z.partialRecord(SystemName, SystemSummary),
  verdict: z.string().nullable(),
  leakPassed: z.boolean().nullable(),
  reportPath: z.string().nullable(),
  reportPdfPath: z.string().nullable(),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const Evaluation = EvaluationSummary.extend({ result: EvaluationResult });
export type Evaluation = z.infer<typeof Evaluation>;

/** A later evaluation scoring worse than an earlier one beyond its own 95% interval (drift), in one plain sentence. */
export const DriftFinding = z.object({
  system: z.enum(['base', 'tuned']),
  /** The metrics that fell (core metrics, in the usual order). */
  metrics: z.array(CoreMetric),
  earlierId: Id,
  laterId: Id,
  sentence: z.string(),
});
export type DriftFinding = z.infer<typeof DriftFinding>;

/** What each metric means, in one line for a specialist (the Evaluate step and the report say the same). */
export const METRIC_INFO: Record<
  CoreMetric | 'perplexity' | 'jsonValid' | 'fitsSchema' | 'rules',
  { label: string; explain: string; scale: 'fraction' | 'points' | 'raw' }
> = {
  exactMatch: {
    label: 'Exact match',
    explain: 'Share of answers identical to the expected answer (ignoring case, punctuation and "a/an/the").',
    scale: 'fraction',
  },
  tokenF1: {
    label: 'Word overlap (token F1)',
    explain: 'How many words the answer shares with the expected answer, balancing missing and extra words.',
    scale: 'fraction',
  },
  rougeL: {
    label: 'ROUGE-L',
    explain: 'Longest run of words in the same order as the expected answer: rewards keeping the right sequence.',
    scale: 'fraction',
  },
  bleu: {
    label: 'BLEU',
    explain: 'Translation-style score (0-100): matching word sequences of up to four words, penalising answers that are too short.',
    scale: 'points',
  },
  chrF: { label: 'chrF', explain: 'Character-level match (0-100): forgiving of small spelling and word-form differences.', scale: 'points' },
  perplexity: { label: 'Perplexity', explain: 'How surprised the model is by the expected answers: lower means it finds them more likely.', scale: 'raw' },
  jsonValid: { label: 'Valid JSON', explain: 'Share of answers that are well-formed JSON, where answers are expected to be JSON.', scale: 'fraction' },
  fitsSchema: { label: 'Fits the schema', explain: 'Share of answers whose JSON has the fields and types the schema asks for.', scale: 'fraction' },
  rules: { label: 'Your rules', explain: 'Share of your rules (must contain, must not contain, pattern) the answers pass.', scale: 'fraction' },
};

/** What the bias probe can and cannot show (the screen and the report both say it). */
export const BIAS_PROBE_LIMITS = {
  can: 'Whether answers change when only a name, a pronoun or an age changes in the question, how often and how much, compared with the original model.',
  cannot:
    'That the model is fair or unbiased in general: it tries a few swaps, in English, on your test questions only, and some changes are harmless rewording.',
};
