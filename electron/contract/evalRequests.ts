// The 'eval:*' requests (the Evaluate step and `fieldtune eval --workspace --run`). Cancel is the generic
// 'jobs:cancel'. See evaluation.ts for what an evaluation holds.
import { z } from 'zod';
import { Id } from './domain.js';
import { DriftFinding, Evaluation, EvaluationSummary } from './evaluation.js';
import { EvalStartInput } from './evalJob.js';
import { jobSchemas } from './jobs.js';

export const EvalReport = z.object({
  html: z.string(),
  htmlPath: z.string(),
  pdfPath: z.string(),
  /** The stored files are encrypted (an encrypted workspace): only a saved copy (eval:save-report) opens elsewhere. */
  encrypted: z.boolean(),
});
export type EvalReport = z.infer<typeof EvalReport>;

export const evalRequests = {
  'eval:start': { input: EvalStartInput, output: jobSchemas['eval.run'] },
  /** Stored evaluations, newest first: a project's (its history, for drift), or a run's. */
  'eval:list': { input: z.object({ projectId: Id.optional(), runId: Id.optional() }).strict(), output: z.array(EvaluationSummary) },
  /** Where a project's later evaluations score worse than earlier ones beyond their interval, newest first. */
  'eval:drift': { input: z.object({ projectId: Id }).strict(), output: z.array(DriftFinding) },
  /** Checks a JSON Schema as the specialist pastes or loads it: null when it reads, else what is wrong with it. */
  'eval:check-schema': { input: z.object({ text: z.string().max(1_000_000) }).strict(), output: z.object({ problem: z.string().nullable() }) },
  'eval:get': { input: z.object({ id: Id }).strict(), output: Evaluation },
  /** The evaluation's report (HTML, and a PDF beside it), written on first request and stored with the run. */
  'eval:report': { input: z.object({ id: Id }).strict(), output: EvalReport },
  /** A plain copy of the report where the person chose (an encrypted workspace's own copy opens nowhere else). */
  'eval:save-report': {
    input: z
      .object({
        id: Id,
        format: z.enum(['html', 'pdf']),
        outFile: z.string().trim().min(1, 'Name the file to write'),
        /** An existing file is refused (CONFLICT, fix 'overwrite') unless the caller says to replace it. */
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ file: z.string() }),
  },
} as const;
