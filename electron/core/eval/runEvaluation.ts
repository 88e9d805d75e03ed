// One evaluation of the test items: answers from the original model, the tuned model and the prompting baseline,
// scored per example and overall, compared in pairs with bootstrap intervals, and the verdict sentences. Pure of
// the workspace: the generators, the perplexities and the items come in, an EvaluationResult goes out.
import type { Comparison, EvalExample, EvaluationResult, SystemName, SystemSummary } from '../../contract/evaluation.js';
import type { Generators } from './generator.js';
import { baselinePrompt, type BaselineOptions, type TestItem } from './prompts.js';
import { ruleResults } from './ruleResults.js';
import { compareSystems, makeScorer, type ScoredSystem, type ScoringOptions } from './scoring.js';
import { systemIntervals } from './systemIntervals.js';
import { verdictSentence } from './verdict.js';

export interface EvaluationInput {
  items: readonly TestItem[];
  generators: Generators;
  /** Run the prompting baseline (on the base generator) with these shots. */
  baseline?: BaselineOptions;
  maxNewTokens: number;
  scoring?: ScoringOptions;
  seed?: number;
  /** Answer-token perplexity per example (computed by the caller: it needs the model, not the generator). */
  perplexity?: { base?: readonly number[]; tuned?: readonly number[]; overall?: { base?: number; tuned?: number } };
  signal?: AbortSignal;
  onProgress?: (phase: string, current: number, total: number) => void;
}

export const SYSTEM_WORDS: Record<SystemName, string> = { base: 'the original model', tuned: 'the tuned model', baseline: 'the prompting baseline' };

export async function runEvaluation(input: EvaluationInput): Promise<Omit<EvaluationResult, 'probes' | 'settings'>> {
  const { items, generators: g, maxNewTokens, signal } = input;
  // rules and schema are checked before any model work
  const score = makeScorer(input.scoring);
  const systems: SystemName[] = ['base', ...(g.tuned ? (['tuned'] as const) : []), ...(input.baseline ? (['baseline'] as const) : [])];
  const total = items.length * systems.length;
  let before = 0;
  const answers: Partial<Record<SystemName, string[]>> = {};
  const shots: (number | null)[] = items.map(() => null);
  for (const system of systems) {
    const generator = system === 'tuned' ? g.tuned! : g.base;
    const prompts =
      system === 'baseline'
        ? items.map((_, i) => {
            const b = baselinePrompt(items, i, input.baseline!, (p) => g.base.fits(p, maxNewTokens));
            shots[i] = b.shots;
            return b.prompt;
          })
        : items.map((it) => it.prompt);
    const offset = before;
    answers[system] = await generator.generate(prompts, {
      maxNewTokens,
      ...(signal ? { signal } : {}),
      onAnswer: (done) => input.onProgress?.(`answering (${SYSTEM_WORDS[system]})`, offset + done, total),
    });
    before += items.length;
  }
  const references = items.map((it) => it.reference);
  const scored: Partial<Record<SystemName, ScoredSystem>> = {};
  for (const s of systems) scored[s] = score(answers[s]!, references);

  const summaries: Partial<Record<SystemName, SystemSummary>> = {};
  for (const s of systems) {
    const ppl = s === 'baseline' ? undefined : input.perplexity?.overall?.[s];
    summaries[s] = { ...scored[s]!.overall, perplexity: ppl ?? null, intervals: systemIntervals(scored[s]!, { seed: input.seed ?? 12345 }) };
  }

  const categories = items.map((it) => it.category);
  const comparisons: Comparison[] = [];
  const pairs: [SystemName, SystemName][] = [];
  if (scored.tuned) pairs.push(['base', 'tuned']);
  if (scored.tuned && scored.baseline) pairs.push(['baseline', 'tuned']);
  if (!scored.tuned && scored.baseline) pairs.push(['base', 'baseline']);
  for (const [a, b] of pairs) {
    const metrics = compareSystems(scored[a]!, scored[b]!, categories, { seed: input.seed ?? 12345 });
    comparisons.push({
      a,
      b,
      metrics,
      verdict: verdictSentence({
        a: SYSTEM_WORDS[a],
        b: SYSTEM_WORDS[b],
        metric: 'token F1 (word overlap with the expected answer)',
        scale: 'percent',
        interval: metrics.tokenF1.overall,
      }),
    });
  }

  const examples: EvalExample[] = items.map((it, i) => ({
    index: i,
    category: it.category,
    prompt: it.prompt,
    reference: it.reference,
    answers: Object.fromEntries(systems.map((s) => [s, answers[s]![i]!])),
    scores: Object.fromEntries(systems.map((s) => [s, scored[s]!.perExample[i]!])),
    perplexity: {
      ...(input.perplexity?.base?.[i] !== undefined ? { base: input.perplexity.base[i] } : {}),
      ...(input.perplexity?.tuned?.[i] !== undefined ? { tuned: input.perplexity.tuned[i] } : {}),
    },
    shots: shots[i] ?? null,
  }));
  const rules = ruleResults(input.scoring?.rules ?? [], Object.fromEntries(systems.map((s) => [s, scored[s]!.ruleOutcomes])));
  return { systems: summaries, comparisons, examples, rules };
}
