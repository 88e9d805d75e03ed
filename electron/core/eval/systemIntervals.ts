// A 95% interval around each system's own overall score (not a difference): the same seeded bootstrap as the paired
// comparisons, resampling the test examples. Stored with each evaluation so the project's history can tell a real
// drop between two evaluations from the wobble of a small test set. BLEU and chrF are recomputed as corpus scores on
// each resample, as their overall values are.
import type { CoreMetric, ScoreInterval } from '../../contract/evaluation.js';
import { bleuFromStats, sumBleuStats } from './bleu.js';
import { pairedBootstrap, type BootstrapOptions } from './bootstrap.js';
import { chrfFromStats } from './chrf.js';
import { CORE_METRICS, sumChrf, type ScoredSystem } from './scoring.js';

export function systemIntervals(s: ScoredSystem, o: BootstrapOptions = {}): Partial<Record<CoreMetric, ScoreInterval>> {
  const n = s.perExample.length;
  if (n === 0) return {};
  const out: Partial<Record<CoreMetric, ScoreInterval>> = {};
  for (const m of CORE_METRICS) {
    const statistic =
      m === 'bleu'
        ? (idx: readonly number[]) => bleuFromStats(sumBleuStats(idx.map((i) => s.bleuStats[i]!)))
        : m === 'chrF'
          ? (idx: readonly number[]) => chrfFromStats(sumChrf(idx.map((i) => s.chrfStats[i]!)))
          : (idx: readonly number[]) => idx.reduce((sum, i) => sum + s.perExample[i]![m], 0) / idx.length;
    const { low, high } = pairedBootstrap(n, statistic, o);
    out[m] = { low, high };
  }
  return out;
}
