// Drift between a project's evaluations: a sentence only when the later score's whole 95% interval is below the
// earlier score; a drop inside the interval, a rise, or a later evaluation stored without intervals says nothing.
import { describe, expect, it } from 'vitest';
import type { EvaluationSummary, SystemSummary } from '../../contract/evaluation.js';
import { driftFindings } from './drift.js';
import { makeScorer } from './scoring.js';
import { systemIntervals } from './systemIntervals.js';

function system(tokenF1: number, interval?: [number, number]): SystemSummary {
  return {
    exactMatch: 0,
    tokenF1,
    rougeL: 0,
    bleu: 0,
    chrF: 0,
    jsonValid: null,
    fitsSchema: null,
    rules: null,
    perplexity: null,
    ...(interval ? { intervals: { tokenF1: { low: interval[0], high: interval[1] } } } : {}),
  };
}

function evaluation(id: string, createdAt: string, tuned: SystemSummary, versionId = 'v1'): EvaluationSummary {
  return {
    id,
    projectId: 'p',
    runId: 'r',
    versionId,
    createdAt,
    systems: { base: system(0.1), tuned },
    verdict: null,
    leakPassed: null,
    reportPath: null,
    reportPdfPath: null,
  };
}

describe('drift', () => {
  it('says so when a later evaluation is worse beyond its interval, against the best earlier score', () => {
    const findings = driftFindings([
      evaluation('c', '2026-12-01T09:00:00.000Z', system(0.41, [0.3, 0.48])),
      evaluation('a', '2026-12-01T07:00:00.000Z', system(0.55, [0.45, 0.65])),
      evaluation('b', '2026-12-01T08:00:00.000Z', system(0.62, [0.5, 0.7])),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ metrics: ['tokenF1'], system: 'tuned', earlierId: 'b', laterId: 'c' });
    expect(findings[0]!.sentence).toBe(
      'The tuned model scored worse in the evaluation of 2026-12-01 09:00 UTC than in that of 2026-12-01 08:00 UTC, by more than chance on a small ' +
        "test set explains (even the top of the later evaluation's 95% interval is below the earlier score): Word overlap (token F1) 62.0% → 41.0% " +
        '(interval up to 48.0%).',
    );
  });

  it('puts the falls between the same two evaluations in one sentence per model', () => {
    const wide = (v: number): SystemSummary => ({
      ...system(v, [v - 0.05, v + 0.05]),
      intervals: { tokenF1: { low: v - 0.05, high: v + 0.05 }, bleu: { low: 1, high: 3 } },
    });
    const high = { ...system(0.9), bleu: 40 };
    const findings = driftFindings([evaluation('a', '2026-12-01T07:00:00Z', high), { ...evaluation('b', '2026-12-01T08:00:00Z', { ...wide(0.2), bleu: 2 }) }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.metrics).toEqual(['tokenF1', 'bleu']);
    expect(findings[0]!.sentence).toMatch(
      /: Word overlap \(token F1\) 90\.0% → 20\.0% \(interval up to 25\.0%\); BLEU 40\.0 → 2\.0 \(interval up to 3\.0\)\.$/,
    );
  });

  it('stays quiet for a drop inside the interval, a rise, or a later evaluation without intervals', () => {
    expect(driftFindings([evaluation('a', '2026-12-01T07:00:00Z', system(0.55)), evaluation('b', '2026-12-01T08:00:00Z', system(0.5, [0.4, 0.6]))])).toEqual(
      [],
    );
    expect(driftFindings([evaluation('a', '2026-12-01T07:00:00Z', system(0.5)), evaluation('b', '2026-12-01T08:00:00Z', system(0.7, [0.6, 0.8]))])).toEqual([]);
    expect(driftFindings([evaluation('a', '2026-12-01T07:00:00Z', system(0.9)), evaluation('b', '2026-12-01T08:00:00Z', system(0.1))])).toEqual([]);
    expect(driftFindings([evaluation('a', '2026-12-01T07:00:00Z', system(0.9))])).toEqual([]);
  });

  it('notes when the two evaluations used different test examples', () => {
    const [f] = driftFindings([
      evaluation('a', '2026-12-01T07:00:00Z', system(0.9), 'v1'),
      evaluation('b', '2026-12-01T08:00:00Z', system(0.2, [0.1, 0.3]), 'v2'),
    ]);
    expect(f!.sentence).toMatch(/\. The two evaluations used different test examples\.$/);
  });
});

describe("a system's own interval", () => {
  it('brackets the overall score, is seeded, and is a point when every example scores the same', () => {
    const refs = [
      'we open at nine every day',
      'bring your card and a letter',
      'parking is behind the clinic',
      'call us to cancel a visit',
      'the nurse sees walk-ins daily',
      'flu shots are free this year',
    ];
    const mixed = makeScorer()(
      ['we open at nine every day', 'no', 'parking is behind the clinic', 'maybe later', 'the nurse sees people', 'flu shots are free this year'],
      refs,
    );
    const i = systemIntervals(mixed, { seed: 7 });
    for (const m of ['exactMatch', 'tokenF1', 'rougeL', 'bleu', 'chrF'] as const) {
      expect(i[m]!.low).toBeLessThanOrEqual(mixed.overall[m] + 1e-9);
      expect(i[m]!.high).toBeGreaterThanOrEqual(mixed.overall[m] - 1e-9);
      expect(i[m]!.high).toBeGreaterThan(i[m]!.low);
    }
    expect(systemIntervals(mixed, { seed: 7 })).toEqual(i);
    const perfect = systemIntervals(makeScorer()(refs, refs));
    expect(perfect.exactMatch).toEqual({ low: 1, high: 1 });
    expect(systemIntervals(makeScorer()([], []))).toEqual({});
  });
});
