// Lineage and erasure (issue 16 item 8): everything derived from one example or one imported file, and the
// delete-and-flag flow that takes an example out of every dataset's newest version and flags what was trained on it.
import { z } from 'zod';
import { Id } from './domain.js';

/** A run flagged because data it was trained on was erased since; null when nothing was. */
export const RetrainFlag = z.object({ reason: z.string(), at: z.string() });
export type RetrainFlag = z.infer<typeof RetrainFlag>;

export const LineageVersion = z.object({
  id: Id,
  datasetId: Id,
  datasetName: z.string(),
  projectId: Id,
  projectName: z.string(),
  /** What made it: import, clean, split, redact, edit, erase... */
  operation: z.string(),
  createdAt: z.string(),
  examples: z.number().int(),
  /** Where the example (or a redacted or edited form of it) sits in this version; empty for a file's lineage. */
  positions: z.array(z.number().int()),
  /** The dataset's newest version: the one new work starts from. */
  latest: z.boolean(),
  /** An erasure already replaced the example's text in this version with a placeholder. */
  erased: z.boolean(),
});
export type LineageVersion = z.infer<typeof LineageVersion>;

export const LineageRun = z.object({
  id: Id,
  projectId: Id.nullable(),
  status: z.string(),
  createdAt: z.string(),
  /** The versions of this lineage it was trained on (or, for a run continued from another, the first run's). */
  versionIds: z.array(Id),
  continuedFrom: Id.nullable(),
  hasAdapter: z.boolean(),
  /** The project's current adapter (promoted in Export). */
  current: z.boolean(),
  needsRetraining: RetrainFlag.nullable(),
});
export type LineageRun = z.infer<typeof LineageRun>;

/**
 * A copy that left the workspace (from the audit log): a dataset version saved as a file, or a run's adapter file,
 * share bundle or training job package.
 */
export const LineageExport = z.object({
  at: z.string(),
  /** The run whose adapter was exported, or null for data saved as a file. */
  runId: Id.nullable(),
  /** The dataset version saved as a file, or null for an adapter. */
  versionId: Id.nullable(),
  /** data-jsonl or data-csv for data; gguf, peft, ollama, bundle, merged or job for adapters (the job package carries the data too). */
  format: z.string(),
  out: z.string().nullable(),
});
export type LineageExport = z.infer<typeof LineageExport>;

export const Lineage = z.object({
  subject: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('example'), preview: z.string() }),
    z.object({ kind: z.literal('file'), fileName: z.string() }),
  ]),
  versions: z.array(LineageVersion),
  runs: z.array(LineageRun),
  exports: z.array(LineageExport),
});
export type Lineage = z.infer<typeof Lineage>;

export const ErasureResult = z.object({
  erasureId: Id,
  /** The new newest version of each dataset that held the example, without it. */
  newVersions: z.array(z.object({ datasetId: Id, datasetName: z.string(), fromVersionId: Id, versionId: Id, removed: z.number().int() })),
  /** Older versions whose copy of the example was replaced with a placeholder (they cannot be used to bring it back). */
  scrubbedVersions: z.number().int(),
  flaggedRuns: z.array(Id),
  /** Copies that already left the computer: listed, not recalled. */
  exportsOutside: z.number().int(),
});
export type ErasureResult = z.infer<typeof ErasureResult>;

/** The word a person types to confirm an erasure: an erasure cannot be undone, so a stray click must not do it. */
export const ERASE_CONFIRM_WORD = 'erase';

const ExampleRef = { versionId: Id, position: z.number().int().nonnegative() };

export const lineageRequests = {
  /** Everything derived from the example at `position` of a version; changes nothing. */
  'lineage:example': { input: z.object(ExampleRef).strict(), output: Lineage },
  /** Everything derived from an imported file (by the file name an import recorded); changes nothing. */
  'lineage:file': { input: z.object({ projectId: Id, fileName: z.string().min(1).max(500) }).strict(), output: Lineage },
  /** Erases the example everywhere it can still be used and flags runs trained on it; confirm must be the word 'erase'. */
  'lineage:erase': {
    input: z.object({ ...ExampleRef, confirm: z.string().max(100), reason: z.string().trim().max(500).optional() }).strict(),
    output: ErasureResult,
  },
} as const;
