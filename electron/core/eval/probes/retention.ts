// Retention: did tuning cost general skills? A fixed probe of short general-knowledge, arithmetic, commonsense and
// instruction-following items (resources/eval/retention.jsonl, written for this project) answered by the original
// and the tuned model, plus perplexity on a general-text sample. Flagged (red in the app) when accuracy drops by
// more than 5 points or general-text perplexity rises by more than 10%.
import type { ProbeItem, RetentionResult } from '../../../contract/evaluation.js';
import type { GenerateOptions, Generator } from '../generator.js';
import { normalizeAnswer } from '../textMetrics.js';

export interface RetentionItem {
  prompt: string;
  answer: string;
  kind: string;
}

export const RETENTION_ACCURACY_DROP = 0.05;
export const RETENTION_PERPLEXITY_RISE = 0.1;

/** Correct when the expected answer appears, as whole words, in the normalized output. */
export function retentionCorrect(output: string, expected: string): boolean {
  const o = ` ${normalizeAnswer(output)} `;
  const e = normalizeAnswer(expected);
  return e.length > 0 && o.includes(` ${e} `);
}

/** The thresholds, on their own so they can be tested: the reasons a retention result is flagged. */
export function retentionReasons(accuracy: { base: number; tuned: number }, perplexity: { base: number; tuned: number }): string[] {
  const reasons: string[] = [];
  const drop = accuracy.base - accuracy.tuned;
  if (drop > RETENTION_ACCURACY_DROP + 1e-12) {
    reasons.push(`General-skills accuracy fell by ${(100 * drop).toFixed(1)} points (more than ${100 * RETENTION_ACCURACY_DROP}).`);
  }
  const rise = perplexity.base > 0 ? perplexity.tuned / perplexity.base - 1 : 0;
  if (rise > RETENTION_PERPLEXITY_RISE + 1e-12) {
    reasons.push(`Perplexity on general text rose by ${(100 * rise).toFixed(0)}% (more than ${100 * RETENTION_PERPLEXITY_RISE}%).`);
  }
  return reasons;
}

export async function retentionProbe(
  items: readonly RetentionItem[],
  g: { base: Generator; tuned: Generator },
  perplexity: { base: number; tuned: number },
  o: GenerateOptions,
): Promise<RetentionResult> {
  const prompts = items.map((it) => [{ role: 'user' as const, content: it.prompt }]);
  const base = await g.base.generate(prompts, o);
  const tuned = await g.tuned.generate(prompts, o);
  const okBase = items.map((it, i) => retentionCorrect(base[i]!, it.answer));
  const okTuned = items.map((it, i) => retentionCorrect(tuned[i]!, it.answer));
  const acc = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 0);
  const accuracy = { base: acc(okBase), tuned: acc(okTuned) };
  const reasons = retentionReasons(accuracy, perplexity);
  // worst first: items the original got right and the tuned model now gets wrong, then those both miss
  const order = items
    .map((_, i) => i)
    .filter((i) => !okTuned[i])
    .sort((a, b) => Number(okBase[b]) - Number(okBase[a]));
  const worst: ProbeItem[] = order.slice(0, 10).map((i) => ({
    prompt: items[i]!.prompt,
    expected: items[i]!.answer,
    base: base[i]!,
    tuned: tuned[i]!,
    note: okBase[i] ? `${items[i]!.kind}: lost by tuning` : `${items[i]!.kind}: missed by both`,
  }));
  return { items: items.length, accuracy, perplexity, flagged: reasons.length > 0, reasons, worst };
}
