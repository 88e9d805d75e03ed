// The one sentence a specialist reads after an evaluation: which system did better on a metric, by how much, or
// that the test set is too small to say. A winner is named only when the whole confidence interval is on one side
// of zero.
import type { DifferenceInterval } from './bootstrap.js';

export interface VerdictInput {
  /** What A and B are called on screen, e.g. "the original model" and "the tuned model". */
  a: string;
  b: string;
  metric: string;
  interval: DifferenceInterval;
  /** How a difference is shown: "points" for 0-100 metrics and percentages, else the raw number. */
  scale: 'percent' | 'points';
}

function amount(x: number, scale: VerdictInput['scale']): string {
  const v = scale === 'percent' ? Math.abs(x) * 100 : Math.abs(x);
  return `${v.toFixed(1)} points`;
}

export function spansZero(i: DifferenceInterval): boolean {
  return !(i.low > 0 || i.high < 0);
}

export function verdictSentence(v: VerdictInput): string {
  const i = v.interval;
  if (i.n === 0 || Number.isNaN(i.difference)) return `No examples to compare ${v.a} and ${v.b} on ${v.metric}.`;
  if (spansZero(i)) return `Not enough examples to tell whether ${v.b} or ${v.a} is better on ${v.metric}.`;
  const [winner, loser] = i.low > 0 ? [v.b, v.a] : [v.a, v.b];
  const lo = Math.min(Math.abs(i.low), Math.abs(i.high));
  const hi = Math.max(Math.abs(i.low), Math.abs(i.high));
  const capital = winner.charAt(0).toUpperCase() + winner.slice(1);
  return `${capital} is better than ${loser} on ${v.metric} by ${amount(i.difference, v.scale)} (95% sure it is between ${amount(lo, v.scale).replace(' points', '')} and ${amount(hi, v.scale)}).`;
}
