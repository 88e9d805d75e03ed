// Scores one system's answers against the reference answers: per example and overall, every metric at once, and
// the paired comparison of two systems. BLEU and chrF overall are corpus scores (statistics summed, then scored, as
// sacrebleu does), so their bootstrap recomputes the corpus score on each resample instead of averaging sentences.
import { bleuFromStats, bleuSegmentStats, sentenceBleu, sumBleuStats, type BleuStats } from './bleu.js';
import { chrfFromStats, chrfSegmentStats, type ChrfStats } from './chrf.js';
import { intervalsByCategory, meanDifferenceInterval, pairedBootstrap, type BootstrapOptions, type DifferenceInterval } from './bootstrap.js';
import { jsonChecker, looksLikeJson } from './jsonValidity.js';
import { compileRules, ruleOutcomes, rulesPassRate, type AnswerRule } from './rules.js';
import { exactMatch, rougeL, tokenF1 } from './textMetrics.js';

/** The five metrics every system gets; bleu and chrF are 0-100 as sacrebleu prints them, the others 0-1. */
export const CORE_METRICS = ['exactMatch', 'tokenF1', 'rougeL', 'bleu', 'chrF'] as const;
export type CoreMetric = (typeof CORE_METRICS)[number];

export interface ExampleScores {
  exactMatch: number;
  tokenF1: number;
  rougeL: number;
  /** Sentence BLEU (exp smoothing, effective order), 0-100. */
  bleu: number;
  /** Sentence chrF, 0-100. */
  chrF: number;
  /** 1/0 when answers are JSON (the reference is a JSON object or array, or a schema is given), else null. */
  jsonValid: number | null;
  fitsSchema: number | null;
  /** Share of the specialist's rules passed (0-1), null without rules. */
  rules: number | null;
}

/** A system's overall scores: the same fields, as means over examples (BLEU and chrF as corpus scores). */
export type SystemScores = ExampleScores;

export interface ScoringOptions {
  rules?: readonly AnswerRule[];
  jsonSchema?: unknown;
  /** Answers should be JSON: score validity on every example, not only where the expected answer is JSON. */
  expectJson?: boolean;
}

interface Scored {
  perExample: ExampleScores[];
  overall: SystemScores;
  /** Per example, whether the answer passes each rule (in the order written). */
  ruleOutcomes: boolean[][];
  bleuStats: BleuStats[];
  chrfStats: ChrfStats[];
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const meanOrNull = (xs: readonly (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : mean(v);
};

/** Throws (before any work) on an invalid rule or schema. */
export function makeScorer(o: ScoringOptions = {}) {
  const rules = compileRules(o.rules ?? []);
  const json = jsonChecker(o.jsonSchema);
  return (predictions: readonly string[], references: readonly string[]): Scored => {
    const bleuStats = predictions.map((p, i) => bleuSegmentStats(p, [references[i] ?? '']));
    const chrfStats = predictions.map((p, i) => chrfSegmentStats(p, [references[i] ?? '']));
    const outcomes = predictions.map((p) => ruleOutcomes(rules, p));
    const perExample = predictions.map((p, i): ExampleScores => {
      const ref = references[i] ?? '';
      const jsonApplies = !!o.expectJson || o.jsonSchema !== undefined || looksLikeJson(ref);
      const j = jsonApplies ? json(p) : null;
      return {
        exactMatch: exactMatch(p, ref),
        tokenF1: tokenF1(p, ref),
        rougeL: rougeL(p, ref),
        bleu: sentenceBleu(p, [ref]),
        chrF: chrfFromStats(chrfStats[i]!),
        jsonValid: j ? (j.valid ? 1 : 0) : null,
        fitsSchema: j && j.fitsSchema !== null ? (j.fitsSchema ? 1 : 0) : null,
        rules: rulesPassRate(rules, p),
      };
    });
    const overall: SystemScores = {
      exactMatch: mean(perExample.map((e) => e.exactMatch)),
      tokenF1: mean(perExample.map((e) => e.tokenF1)),
      rougeL: mean(perExample.map((e) => e.rougeL)),
      bleu: predictions.length === 0 ? 0 : bleuFromStats(sumBleuStats(bleuStats)),
      chrF: predictions.length === 0 ? 0 : chrfFromStats(sumChrf(chrfStats)),
      jsonValid: meanOrNull(perExample.map((e) => e.jsonValid)),
      fitsSchema: meanOrNull(perExample.map((e) => e.fitsSchema)),
      rules: meanOrNull(perExample.map((e) => e.rules)),
    };
    return { perExample, overall, ruleOutcomes: outcomes, bleuStats, chrfStats };
  };
}

export function sumChrf(all: readonly ChrfStats[]): ChrfStats {
  const sum = new Array<number>(all[0]?.length ?? 18).fill(0);
  for (const s of all) s.forEach((v, i) => (sum[i]! += v));
  return sum;
}

export type Scorer = ReturnType<typeof makeScorer>;
export type ScoredSystem = ReturnType<Scorer>;

export interface MetricComparison {
  overall: DifferenceInterval;
  byCategory: Record<string, DifferenceInterval>;
}

/** B minus A for each core metric, with paired bootstrap intervals overall and per category. */
export function compareSystems(
  a: ScoredSystem,
  b: ScoredSystem,
  categories: readonly (string | null | undefined)[],
  o: BootstrapOptions = {},
): Record<CoreMetric, MetricComparison> {
  const out = {} as Record<CoreMetric, MetricComparison>;
  for (const m of CORE_METRICS) {
    const xa = a.perExample.map((e) => e[m]);
    const xb = b.perExample.map((e) => e[m]);
    let overall: DifferenceInterval;
    if (m === 'bleu') {
      overall = pairedBootstrap(
        a.perExample.length,
        (idx) => bleuFromStats(sumBleuStats(idx.map((i) => b.bleuStats[i]!))) - bleuFromStats(sumBleuStats(idx.map((i) => a.bleuStats[i]!))),
        o,
      );
    } else if (m === 'chrF') {
      overall = pairedBootstrap(
        a.perExample.length,
        (idx) => chrfFromStats(sumChrf(idx.map((i) => b.chrfStats[i]!))) - chrfFromStats(sumChrf(idx.map((i) => a.chrfStats[i]!))),
        o,
      );
    } else {
      overall = meanDifferenceInterval(xa, xb, o);
    }
    out[m] = { overall, byCategory: intervalsByCategory(xa, xb, categories, o) };
  }
  return out;
}
