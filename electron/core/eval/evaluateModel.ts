// The whole evaluation of a base model (and its adapter) on test samples, from model files: perplexity on the
// answer tokens, answers of every system, scores, comparisons, and (when asked) the probes. The CLI's file mode and
// the eval job both call this; the job adds storage around it.
import type { Sample } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { EvaluationResult, ProbeResults } from '../../contract/evaluation.js';
import { evaluatePerplexity } from '../train/evaluate.js';
import { openLlamaGenerators, type OpenedGenerators } from './llamaGenerator.js';
import { toTestItem } from './prompts.js';
import { runEvaluation } from './runEvaluation.js';
import type { AnswerRule } from './rules.js';
import { compileRules } from './rules.js';
import { jsonChecker } from './jsonValidity.js';

export interface EvaluateModelOptions {
  base: string;
  adapter?: string;
  samples: readonly Sample[];
  baseline?: { shots: number; shotsFrom?: readonly Sample[] };
  systemPrompt?: string | null;
  maxNewTokens: number;
  threads: number;
  parallel?: number;
  seed?: number;
  rules?: readonly AnswerRule[];
  jsonSchema?: Record<string, unknown>;
  /** Answers should be JSON (validity scored on every example). */
  expectJson?: boolean;
  /** Runs the probes with the opened generators (retention, robustness, bias, leak). */
  probes?: (g: OpenedGenerators, signal: AbortSignal | undefined) => Promise<ProbeResults>;
  signal?: AbortSignal;
  onProgress?: (phase: string, current: number, total: number | null) => void;
}

export async function evaluateModel(o: EvaluateModelOptions): Promise<EvaluationResult> {
  if (o.samples.length === 0) {
    throw new FieldtuneError('INVALID_INPUT', 'The test split has no examples to evaluate on', { details: { reason: 'emptyTestSplit' } });
  }
  // everything that can be refused is refused before a model loads
  const items = o.samples.map(toTestItem);
  const pool = o.baseline?.shotsFrom?.map(toTestItem);
  compileRules(o.rules ?? []);
  jsonChecker(o.jsonSchema);

  o.onProgress?.('measuring perplexity', 0, null);
  const ppl = await evaluatePerplexity({ base: o.base, samples: o.samples, threads: o.threads, ...(o.adapter ? { adapter: o.adapter } : {}) });
  if (o.signal?.aborted) throw o.signal.reason;
  const g = await openLlamaGenerators({
    base: o.base,
    threads: o.threads,
    ...(o.adapter ? { adapter: o.adapter } : {}),
    ...(o.parallel ? { parallel: o.parallel } : {}),
  });
  try {
    const core = await runEvaluation({
      items,
      generators: g,
      ...(o.baseline ? { baseline: { shots: o.baseline.shots, ...(pool ? { pool } : {}), systemPrompt: o.systemPrompt ?? null } } : {}),
      maxNewTokens: o.maxNewTokens,
      scoring: {
        ...(o.rules ? { rules: o.rules } : {}),
        ...(o.jsonSchema !== undefined ? { jsonSchema: o.jsonSchema } : {}),
        ...(o.expectJson ? { expectJson: true } : {}),
      },
      seed: o.seed ?? 12345,
      perplexity: {
        base: ppl.base.perExample,
        ...(ppl.tuned ? { tuned: ppl.tuned.perExample } : {}),
        overall: { base: ppl.base.perplexity, ...(ppl.tuned ? { tuned: ppl.tuned.perplexity } : {}) },
      },
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    const probes = o.probes ? await o.probes(g, o.signal) : null;
    return {
      ...core,
      probes,
      settings: {
        maxNewTokens: o.maxNewTokens,
        shots: o.baseline?.shots ?? 0,
        baseline: !!o.baseline,
        probes: !!o.probes,
        seed: o.seed ?? 12345,
        systemPrompt: o.systemPrompt ?? null,
        rules: [...(o.rules ?? [])],
        jsonSchema: o.jsonSchema ?? null,
        expectJson: !!o.expectJson,
      },
    };
  } finally {
    await g.dispose();
  }
}

/** The CLI's JSON line: the five metrics per system, plus answer-token perplexity for base and tuned. */
export function metricsLine(r: EvaluationResult): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, s] of Object.entries(r.systems)) {
    if (!s) continue;
    out[name] = {
      exactMatch: s.exactMatch,
      tokenF1: s.tokenF1,
      rougeL: s.rougeL,
      bleu: s.bleu,
      chrF: s.chrF,
      ...(name !== 'baseline' && s.perplexity !== null ? { perplexity: s.perplexity } : {}),
    };
  }
  return out;
}
