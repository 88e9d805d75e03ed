// Win rate with a 95% confidence interval: pure arithmetic, no workspace (kept beside the review service, its only
// user). The Wilson score interval stays inside 0..1 and behaves at 0 or n wins, unlike the plain normal interval,
// which matters for the small reviews specialists actually do (20-50 pairs).
import type { ReviewResult, WinRate } from '../../../contract/reviewRequests.js';

const Z95 = 1.959963984540054;

/** Wilson score interval for `successes` of `n` (successes may be fractional: a tie counts half). */
export function wilsonInterval(successes: number, n: number, z = Z95): WinRate {
  if (n <= 0) return { rate: 0.5, low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { rate: p, low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

type Verdict = 'A' | 'B' | 'tie';
type Tally = Omit<ReviewResult, 'byCategory' | 'meanRatings'>;

/** B's win rate (ties count half) and which side, if any, the interval says is better. */
export function tally(verdicts: readonly Verdict[]): Tally {
  const winsA = verdicts.filter((v) => v === 'A').length;
  const winsB = verdicts.filter((v) => v === 'B').length;
  const ties = verdicts.length - winsA - winsB;
  const winRateB = wilsonInterval(winsB + ties / 2, verdicts.length);
  const winner = verdicts.length > 0 && winRateB.low > 0.5 ? 'B' : verdicts.length > 0 && winRateB.high < 0.5 ? 'A' : 'unclear';
  return { total: verdicts.length, winsA, winsB, ties, winRateB, winner };
}
