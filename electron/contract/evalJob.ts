// The eval.run job's parameters and result (its own file so jobs.ts can list the kind without importing requests).
import { z } from 'zod';
import { Id } from './domain.js';

export const AnswerRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mustContain'), text: z.string().min(1) }),
  z.object({ kind: z.literal('mustNotContain'), text: z.string().min(1) }),
  z.object({
    kind: z.literal('regex'),
    pattern: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'Use only the flags i, m, s and u')
      .optional(),
  }),
]);
export type AnswerRule = z.infer<typeof AnswerRule>;

/** The engine's words for the commonest pattern mistakes, said plainly (the engine's words follow in brackets). */
const PLAIN_PATTERN_FAULTS: Record<string, string> = {
  'Unterminated group': 'a "(" is never closed with ")"',
  "Unmatched ')'": 'a ")" has no "(" before it',
  'Unterminated character class': 'a "[" is never closed with "]"',
  'Nothing to repeat': '"*", "+", "?" or "{" follows nothing it could repeat',
  '\\ at end of pattern': 'the pattern ends with a lone "\\"',
};

/**
 * Why a pattern cannot be read as a regular expression, or null when it can. Pure JavaScript, so the Evaluate step's
 * rule editor checks as the specialist types and the core refuses the same rule with the same words.
 */
export function patternProblem(pattern: string, flags = ''): string | null {
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (e) {
    const raw = (e as Error).message
      .replace(/^Invalid regular expression: /, '')
      .replace(`/${pattern}/${flags}: `, '')
      .replace(/^Invalid flags supplied to RegExp constructor /, 'invalid flags ');
    const plain = PLAIN_PATTERN_FAULTS[raw];
    return plain ? `${plain} (${raw})` : raw;
  }
}

/** What an evaluation job takes: the run, and how to evaluate it. */
export const EvalStartInput = z
  .object({
    runId: Id,
    /** Also answer with the prompting baseline (the original model with worked examples and the system prompt). */
    baseline: z.boolean().default(true),
    shots: z.number().int().min(0).max(16).default(3),
    maxNewTokens: z.number().int().min(1).max(4096).default(256),
    probes: z.boolean().default(false),
    threads: z.number().int().min(1).max(256).optional(),
    /** The baseline's system prompt when an example has none; the project's when omitted. */
    systemPrompt: z.string().max(20_000).optional(),
    rules: z.array(AnswerRule).max(50).default([]),
    /** A JSON Schema the answers must fit (when answers are JSON). */
    jsonSchema: z.record(z.string(), z.unknown()).optional(),
    /** Answers should be JSON: score "Valid JSON" on every example, not only where the expected answer is JSON. */
    expectJson: z.boolean().default(false),
  })
  .strict();
export type EvalStartInput = z.input<typeof EvalStartInput>;

/** The job's parameters are the request's input, defaults applied. */
export const EvalRunParams = EvalStartInput;

export const EvalRunResult = z.object({
  evaluationId: Id,
  verdict: z.string().nullable(),
  leakPassed: z.boolean().nullable(),
});
export type EvalRunResult = z.infer<typeof EvalRunResult>;
