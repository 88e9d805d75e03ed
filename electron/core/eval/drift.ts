// Drift across a project's evaluations: a later evaluation whose score is worse than an earlier one's by more than
// the later evaluation's own 95% interval allows (the top of its interval is below the earlier score). A smaller drop
// may be the wobble of a small test set, so it gets no sentence. Evaluations stored without intervals are compared
// only as the earlier side. One finding per metric and system: the newest evaluation that fell, against the best
// earlier score it fell below.
import { METRIC_INFO, type CoreMetric, type DriftFinding, type EvaluationSummary } from '../../contract/evaluation.js';
import { CORE_METRICS } from './scoring.js';

const SYSTEMS = ['tuned', 'base'] as const;
const WHO = { tuned: 'the tuned model', base: 'the original model' } as const;

function formatScore(metric: CoreMetric, v: number): string {
  return METRIC_INFO[metric].scale === 'fraction' ? `${(100 * v).toFixed(1)}%` : v.toFixed(1);
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function driftFindings(evaluations: readonly EvaluationSummary[]): DriftFinding[] {
  const oldestFirst = [...evaluations].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const found: DriftFinding[] = [];
  for (const system of SYSTEMS) {
    for (const metric of CORE_METRICS) {
      for (let j = oldestFirst.length - 1; j > 0; j--) {
        const later = oldestFirst[j]!;
        const top = later.systems[system]?.intervals?.[metric]?.high;
        const score = later.systems[system]?.[metric];
        if (top === undefined || score === undefined) continue;
        let best: EvaluationSummary | null = null;
        for (const earlier of oldestFirst.slice(0, j)) {
          const v = earlier.systems[system]?.[metric];
          if (v !== undefined && v > top && (!best || v > best.systems[system]![metric])) best = earlier;
        }
        if (!best) continue;
        const label = METRIC_INFO[metric].label;
        const before = best.systems[system]![metric];
        found.push({
          metric,
          system,
          earlierId: best.id,
          laterId: later.id,
          sentence:
            `${label} of ${WHO[system]} fell from ${formatScore(metric, before)} (evaluation of ${when(best.createdAt)}) to ${formatScore(metric, score)} ` +
            `(${when(later.createdAt)}): even the top of the later evaluation's 95% interval, ${formatScore(metric, top)}, is below the earlier score, ` +
            `so this is more than chance on a small test set` +
            (best.versionId !== later.versionId ? ' (the two evaluations used different test examples)' : '') +
            '.',
        });
        break;
      }
    }
  }
  // newest fall first; within one evaluation, the tuned model before the original, metrics in the usual order
  const position = new Map(oldestFirst.map((e, i) => [e.id, i]));
  return found.sort((a, b) => position.get(b.laterId)! - position.get(a.laterId)!);
}
