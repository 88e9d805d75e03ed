// Drift across a project's evaluations: a later evaluation whose score is worse than an earlier one's by more than
// the later evaluation's own 95% interval allows (the top of its interval is below the earlier score). A smaller drop
// may be the wobble of a small test set, so it gets no sentence. Evaluations stored without intervals are compared
// only as the earlier side. Per system and metric, the newest evaluation that fell is compared with the best earlier
// score it fell below; the falls between the same two evaluations make one sentence per system.
import { METRIC_INFO, type CoreMetric, type DriftFinding, type EvaluationSummary } from '../../contract/evaluation.js';
import { CORE_METRICS } from './scoring.js';

const SYSTEMS = ['tuned', 'base'] as const;
const WHO = { tuned: 'The tuned model', base: 'The original model' } as const;

function formatScore(metric: CoreMetric, v: number): string {
  return METRIC_INFO[metric].scale === 'fraction' ? `${(100 * v).toFixed(1)}%` : v.toFixed(1);
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

interface Fall {
  system: (typeof SYSTEMS)[number];
  metric: CoreMetric;
  earlier: EvaluationSummary;
  later: EvaluationSummary;
  top: number;
}

function falls(oldestFirst: readonly EvaluationSummary[]): Fall[] {
  const out: Fall[] = [];
  for (const system of SYSTEMS) {
    for (const metric of CORE_METRICS) {
      for (let j = oldestFirst.length - 1; j > 0; j--) {
        const later = oldestFirst[j]!;
        const top = later.systems[system]?.intervals?.[metric]?.high;
        if (top === undefined || later.systems[system]?.[metric] === undefined) continue;
        let best: EvaluationSummary | null = null;
        for (const earlier of oldestFirst.slice(0, j)) {
          const v = earlier.systems[system]?.[metric];
          if (v !== undefined && v > top && (!best || v > best.systems[system]![metric])) best = earlier;
        }
        if (!best) continue;
        out.push({ system, metric, earlier: best, later, top });
        break;
      }
    }
  }
  return out;
}

export function driftFindings(evaluations: readonly EvaluationSummary[]): DriftFinding[] {
  const oldestFirst = [...evaluations].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const groups = new Map<string, Fall[]>();
  for (const f of falls(oldestFirst)) {
    const key = `${f.system} ${f.later.id} ${f.earlier.id}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const found: DriftFinding[] = [...groups.values()].map((group) => {
    const { system, earlier, later } = group[0]!;
    const changes = group.map(
      (f) =>
        `${METRIC_INFO[f.metric].label} ${formatScore(f.metric, earlier.systems[system]![f.metric])} → ${formatScore(f.metric, later.systems[system]![f.metric])} ` +
        `(interval up to ${formatScore(f.metric, f.top)})`,
    );
    return {
      system,
      metrics: group.map((f) => f.metric),
      earlierId: earlier.id,
      laterId: later.id,
      sentence:
        `${WHO[system]} scored worse in the evaluation of ${when(later.createdAt)} than in that of ${when(earlier.createdAt)}, ` +
        `by more than chance on a small test set explains (even the top of the later evaluation's 95% interval is below the earlier score): ` +
        `${changes.join('; ')}` +
        (earlier.versionId !== later.versionId ? '. The two evaluations used different test examples' : '') +
        '.',
    };
  });
  // newest fall first; within one evaluation, the tuned model before the original
  const position = new Map(oldestFirst.map((e, i) => [e.id, i]));
  return found.sort((a, b) => position.get(b.laterId)! - position.get(a.laterId)!);
}
