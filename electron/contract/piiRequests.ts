// The 'pii:*' and 'templates:*' requests (Data wizard, personal-data section). Pure: zod and the contract's own files only.
import { z } from 'zod';
import { Id } from './domain.js';
import { jobSchemas } from './jobs.js';
import {
  DecisionChange,
  DomainTemplateInfo,
  PiiRecord,
  PiiStatus,
  PiiType,
  RedactionMode,
  RedactionPolicy,
  ReviewDecision,
  StoredRedactionReport,
  TemplateDomain,
} from './pii.js';

const VersionRef = { versionId: Id };

export const piiRequests = {
  'pii:status': { input: z.object(VersionRef).strict(), output: PiiStatus },
  /** Detects identifiers over a version as a job (progress, cancel); the result is a PiiScanSummary. Writes no data. */
  'pii:scan': { input: z.object(VersionRef).strict(), output: jobSchemas['pii.scan'] },
  /** Examples of a scanned version with their spans after the reviewer's decisions (personal data: shown, never logged). */
  'pii:spans': {
    input: z
      .object({
        ...VersionRef,
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(200, 'Ask for at most 200 examples at a time'),
        type: PiiType.optional(),
      })
      .strict(),
    output: z.object({ total: z.number().int(), records: z.array(PiiRecord) }),
  },
  /** Records review decisions for the version's dataset; returns every decision of that dataset. */
  'pii:decide': {
    input: z.object({ ...VersionRef, changes: z.array(DecisionChange).min(1, 'Send at least one decision').max(1000) }).strict(),
    output: z.array(ReviewDecision),
  },
  /** Redacts a version into a NEW version (operation 'redact') with its report, as a job. Cancelled or failed: nothing written. */
  'pii:apply': { input: z.object({ ...VersionRef, mode: RedactionMode, policy: RedactionPolicy }).strict(), output: jobSchemas['pii.apply'] },
  /** The report kept with a version made by redaction; null for other versions. */
  'pii:report': { input: z.object(VersionRef).strict(), output: StoredRedactionReport.nullable() },
  /** Deletes a dataset's pseudonym map (and its secret): surrogates can no longer be traced back, nor reproduced. */
  'pii:delete-map': { input: z.object({ datasetId: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  'templates:get': { input: z.object({ domain: TemplateDomain }).strict(), output: DomainTemplateInfo },
  /** Imports a template's sample conversations as a new dataset of the project (an import job). */
  'templates:import-sample': { input: z.object({ projectId: Id, domain: TemplateDomain }).strict(), output: jobSchemas['template.sample'] },
} as const;
