// Adapters beyond training (issue 15): export formats, share bundles and their manifest, signing keys, per-project
// adapter versions, the model card. Requests are in adapterRequests.ts.
import { z } from 'zod';
import { Id } from './domain.js';

export const ExportFormat = z.enum(['gguf', 'merged', 'peft', 'ollama', 'bundle', 'job']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** llama-quantize's types that make sense for a merged model a colleague runs. */
export const QuantType = z.enum(['F16', 'Q8_0', 'Q6_K', 'Q5_K_M', 'Q5_0', 'Q4_K_M', 'Q4_K_S', 'Q4_0', 'Q3_K_M', 'Q2_K']);
export type QuantType = z.infer<typeof QuantType>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex');

/** What an evaluation says, as the model card and a bundle carry it (the Evaluate step fills it once it exists). */
export const EvaluationSummary = z.object({
  at: z.string().nullable().default(null),
  /** One plain sentence: did the tuned model get better. */
  summary: z.string(),
  metrics: z.record(z.string(), z.number()).default({}),
  /** The leak check's verdict in plain words, when it ran. */
  leakCheck: z.string().nullable().default(null),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const BUNDLE_FORMAT = 'fieldtune-adapter-bundle';

export const BundleManifest = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(1),
    createdAt: z.string(),
    appVersion: z.string(),
    project: z.object({ name: z.string().min(1), domain: z.string().nullable() }),
    base: z.object({
      name: z.string().nullable(),
      architecture: z.string(),
      sha256: Sha256,
      /** sha256 of the base's tokenizer.* key/values (canonical JSON); the chat template is hashed on its own. */
      tokenizerSha256: Sha256,
      chatTemplateSha256: Sha256.nullable(),
    }),
    adapter: z.object({
      file: z.literal('adapter.gguf'),
      sha256: Sha256,
      bytes: z.number().int().positive(),
      rank: z.number().int().positive(),
      alpha: z.number(),
      targets: z.array(z.string()),
    }),
    hyperparameters: z.record(z.string(), z.unknown()),
    datasets: z.array(z.object({ versionId: z.string(), sha256: z.string() })),
    evaluation: EvaluationSummary.nullable(),
    modelCard: z.object({ file: z.literal('MODEL_CARD.md'), sha256: Sha256 }),
    run: z.object({ id: z.string(), provenance: z.unknown().nullable() }),
  })
  .strict();
export type BundleManifest = z.infer<typeof BundleManifest>;

export const SigningKey = z.object({
  fingerprint: z.string(),
  /** The fingerprint in 4-digit groups, as people compare it. */
  shown: z.string(),
  label: z.string().nullable(),
  status: z.enum(['own', 'trusted', 'revoked', 'seen']),
  addedAt: z.string(),
});
export type SigningKey = z.infer<typeof SigningKey>;

export const ExportResult = z.object({
  format: ExportFormat,
  /** The file or folder written. */
  out: z.string(),
  files: z.array(z.string()),
  sha256: z.string().nullable(),
  notes: z.array(z.string()),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ImportedAdapter = z.object({
  runId: Id,
  projectId: Id,
  projectName: z.string(),
  projectCreated: z.boolean(),
  baseModelId: Id,
  kind: z.enum(['peft', 'bundle']),
  adapterSha256: z.string(),
  /** Bundles: who signed it and whether this workspace knows that key. */
  signer: z.object({ fingerprint: z.string(), shown: z.string(), status: z.enum(['own', 'trusted', 'unknown']) }).nullable(),
  evaluation: EvaluationSummary.nullable(),
  notes: z.array(z.string()),
});
export type ImportedAdapter = z.infer<typeof ImportedAdapter>;

export const AdapterVersion = z.object({
  runId: Id,
  /** 1 for the first promoted adapter, and so on. */
  version: z.number().int(),
  promotedAt: z.string(),
  current: z.boolean(),
  origin: z.enum(['trained', 'peft', 'bundle']),
});
export const AdapterList = z.object({
  projectId: Id,
  currentRunId: Id.nullable(),
  versions: z.array(AdapterVersion),
  /** Every finished run of the project that has an adapter (candidates for promotion), newest first. */
  available: z.array(z.object({ runId: Id, origin: z.enum(['trained', 'peft', 'bundle']), createdAt: z.string(), trainLoss: z.number().nullable() })),
  history: z.array(z.object({ runId: Id, action: z.enum(['promote', 'rollback']), at: z.string(), note: z.string().nullable() })),
});
export type AdapterList = z.infer<typeof AdapterList>;
