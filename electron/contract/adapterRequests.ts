// The 'adapters:*' and 'keys:*' requests (the Export step and `fieldtune adapters ...`, `fieldtune keys ...`).
import { z } from 'zod';
import { AdapterList, EvaluationSummary, ExportFormat, ImportedAdapter, QuantType, SigningKey } from './adapters.js';
import { Id } from './domain.js';
import { jobSchemas } from './jobs.js';

export const adapterRequests = {
  /** Exports a finished run's adapter in one format, as a job with progress. */
  'adapters:export': {
    input: z
      .object({
        runId: Id,
        format: ExportFormat,
        /** The file (gguf, merged, bundle) or folder (peft, ollama, job) to write. */
        out: z.string().min(1),
        quant: QuantType.optional(),
        /** Bundles: encrypt with this passphrase. */
        passphrase: z.string().min(1, 'The passphrase is empty').optional(),
        /** The model card as edited by the person; generated when absent. */
        card: z.string().max(200_000).optional(),
        /** The project's system prompt (carried into the Ollama Modelfile and the card). */
        systemPrompt: z.string().max(20_000).optional(),
        /** The job package takes data off the machine: it must be confirmed. */
        confirm: z.boolean().optional(),
        /** Replace what is at `out` (a file, or a folder that is not empty); refused otherwise. */
        overwrite: z.boolean().optional(),
      })
      .strict(),
    output: jobSchemas['adapter.export'],
  },
  /** A share bundle (.ftadapter) or a PEFT folder becomes a run of a project (created when absent). */
  'adapters:import': {
    input: z
      .object({
        path: z.string().min(1),
        /** A project id or name; a bundle's own project name otherwise. */
        project: z.string().min(1).optional(),
        /** A registered model's id or path: required for PEFT (unless only one model is registered); checked for bundles. */
        base: z.string().min(1).optional(),
        passphrase: z.string().min(1).optional(),
      })
      .strict(),
    output: ImportedAdapter,
  },
  'adapters:list': { input: z.object({ projectId: Id }).strict(), output: AdapterList },
  /** Makes a finished run's adapter the project's current one. */
  'adapters:promote': { input: z.object({ runId: Id, note: z.string().max(2000).optional() }).strict(), output: AdapterList },
  /** Goes back to the adapter that was current before (or to an earlier promoted one, by run). */
  'adapters:rollback': { input: z.object({ projectId: Id, to: Id.optional() }).strict(), output: AdapterList },
  /** The model card an export would carry, for editing before export. */
  'adapters:card': {
    input: z.object({ runId: Id, systemPrompt: z.string().optional(), evaluation: EvaluationSummary.optional() }).strict(),
    output: z.object({ markdown: z.string() }),
  },

  'keys:list': { input: z.object({}).strict(), output: z.array(SigningKey) },
  /** Trust a signer (by fingerprint, seen on an imported bundle, or a public key given as base64 SPKI). */
  'keys:trust': { input: z.object({ fingerprint: z.string().min(8), label: z.string().max(200).optional() }).strict(), output: SigningKey },
  'keys:revoke': { input: z.object({ fingerprint: z.string().min(8) }).strict(), output: SigningKey },
} as const;
