// The review's result in one sentence a specialist can repeat: who was preferred, how sure the review is, or that it
// cannot tell yet. Pure, so the wording has a test of its own.
import type { ReviewReveal } from '../../../../electron/contract/reviewRequests.js';

export const pct = (x: number) => `${Math.round(x * 100)}%`;

export function verdictSentence(r: Pick<ReviewReveal, 'labelA' | 'labelB' | 'result'>): string {
  const { result, labelA, labelB } = r;
  const range = `(likely range ${pct(result.winRateB.low)} to ${pct(result.winRateB.high)})`;
  const share = `${labelB} was preferred in ${pct(result.winRateB.rate)} of the ${result.total} pairs, counting a tie as half ${range}.`;
  if (result.winner === 'B') return `${share} ${labelB} is better than ${labelA} in this review.`;
  if (result.winner === 'A') return `${share} ${labelA} is better than ${labelB} in this review.`;
  return `${share} Not enough pairs to tell which is better: the likely range includes 50%.`;
}
