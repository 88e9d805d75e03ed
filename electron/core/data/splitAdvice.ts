// Advice on a split's shares: a split is accepted as asked, but one that sets nothing (or next to nothing) aside to
// evaluate on is flagged, with the shares that suit the dataset's size. Pure: counts in, plain sentences out.
import type { SplitRatios } from './split.js';

export interface SplitAdvice {
  /** Plain sentences, empty when the split looks sensible. */
  warnings: string[];
  /** Percent shares that suit this many examples (they add up to 100). */
  suggested: SplitRatios;
}

/** Fewer held-out examples than this measure too little: one answer more or less moves the score by 20% or more. */
const TOO_FEW = 5;

/**
 * Shares by size: small sets keep a larger share aside so each evaluation part still holds a handful of examples;
 * large sets need only a small share for hundreds of held-out examples, leaving more to learn from.
 */
export function suggestedShares(examples: number): SplitRatios {
  if (examples < 100) return { train: 70, validation: 15, test: 15 };
  if (examples < 2_000) return { train: 80, validation: 10, test: 10 };
  if (examples < 20_000) return { train: 90, validation: 5, test: 5 };
  return { train: 98, validation: 1, test: 1 };
}

export function splitAdvice(counts: { train: number; validation: number; test: number }): SplitAdvice {
  const examples = counts.train + counts.validation + counts.test;
  const suggested = suggestedShares(examples);
  const shares = `${suggested.train}/${suggested.validation}/${suggested.test} (training/validation/test)`;
  const warnings: string[] = [];
  if (counts.validation === 0 && counts.test === 0) {
    warnings.push(
      `Nothing is set aside to evaluate on: every example is for training, so there is no way to tell whether the tuned model got better. For ${examples} examples, ${shares} is a sensible split.`,
    );
  } else {
    if (counts.test === 0)
      warnings.push(`No test part: the final check after training will have nothing to measure on. For ${examples} examples, try ${shares}.`);
    else if (counts.test < TOO_FEW)
      warnings.push(`Only ${counts.test} example(s) for testing: too few for a score to mean much. For ${examples} examples, try ${shares}.`);
    if (counts.validation === 0) warnings.push('No validation part: training cannot notice when the model starts to learn the examples by heart.');
    else if (counts.validation < TOO_FEW) warnings.push(`Only ${counts.validation} example(s) for validation: too few to notice over-learning reliably.`);
  }
  if (counts.train === 0) warnings.push('Nothing is left for training: the model would learn nothing.');
  return { warnings, suggested };
}
