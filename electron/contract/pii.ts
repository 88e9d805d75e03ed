// Personal-data protection types (Data wizard, privacy section); the requests are in piiRequests.ts. Pure: zod and
// the contract's own files only. The PII engine (electron/core/pii) uses this type list, mode and policy as they are.
import { z } from 'zod';
import { DatasetVersion } from './datasets.js';
import { Id, Message } from './domain.js';
import { PII_TYPE_NAMES } from './piiTypeNames.js';

export { PII_TYPE_NAMES };
export const PiiType = z.enum(PII_TYPE_NAMES, { error: 'Pick one of the listed kinds of identifier' });
export type PiiType = z.infer<typeof PiiType>;

export const RedactionMode = z.enum(['mask', 'pseudonym'], { error: "Choose 'mask' or 'pseudonym'" });
export type RedactionMode = z.infer<typeof RedactionMode>;

export const RedactionPolicy = z
  .object({
    types: z.array(PiiType).min(1, 'Choose at least one kind of identifier to remove').max(PII_TYPE_NAMES.length),
  })
  .strict();
export type RedactionPolicy = z.infer<typeof RedactionPolicy>;

/** What the reviewer did to one detected string: shown struck through when rejected, solid when accepted. */
export const SpanStatus = z.enum(['detected', 'accepted', 'rejected', 'added']);
export type SpanStatus = z.infer<typeof SpanStatus>;

/** Where an identifier is in a field's text. start/end are UTF-16 offsets: `text === field.text.slice(start, end)`. */
export const SpanPosition = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: PiiType,
  text: z.string(),
});
export type SpanPosition = z.infer<typeof SpanPosition>;

/** A span as the reviewer sees it (the engine's detected span, core/pii/types.ts, adds confidence and source). */
export const ReviewedSpan = SpanPosition.extend({ status: SpanStatus });
export type ReviewedSpan = z.infer<typeof ReviewedSpan>;

export const ReviewDecision = z.object({
  decision: z.enum(['accept', 'reject', 'added']),
  type: PiiType,
  text: z.string(),
  createdAt: z.string(),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** Per-type counts (every PII type present, zero when none). */
export const TypeCounts = z.record(PiiType, z.number().int().nonnegative());
export type TypeCounts = z.infer<typeof TypeCounts>;

export const RedactionReport = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  mode: RedactionMode,
  policy: z.object({ types: z.array(PiiType) }),
  records: z.number().int(),
  characters: z.number().int(),
  detected: TypeCounts,
  redacted: TypeCounts,
  /** Spans made by the reviewer's added strings, and spans left as written; absent from reports made before them. */
  added: TypeCounts.optional(),
  kept: TypeCounts.optional(),
  totalRedacted: z.number().int(),
  review: z.object({
    accepted: z.number().int(),
    rejected: z.number().int(),
    added: z.number().int(),
    byType: z.record(PiiType, z.object({ accepted: z.number().int(), rejected: z.number().int(), added: z.number().int() })),
  }),
});
export type RedactionReport = z.infer<typeof RedactionReport>;

/** A stored redaction report with what it was made from. `decisions` quotes personal data. */
export const StoredRedactionReport = z.object({
  versionId: Id,
  sourceVersionId: Id,
  report: RedactionReport,
  decisions: z.array(ReviewDecision),
});
export type StoredRedactionReport = z.infer<typeof StoredRedactionReport>;

export const PiiScanSummary = z.object({
  versionId: Id,
  scannedAt: z.string(),
  /** Examples scanned, and how many hold at least one detected identifier. */
  examples: z.number().int(),
  examplesWithSpans: z.number().int(),
  /** Spans the detector found, before review. */
  detected: TypeCounts,
  /** Pseudonyms Fieldtune wrote itself (in a version made from a redacted one), recognised and left out of `detected`. */
  surrogates: z.number().int().nonnegative().optional(),
});
export type PiiScanSummary = z.infer<typeof PiiScanSummary>;

export const PiiStatus = z.object({
  datasetId: Id,
  versionId: Id,
  scan: PiiScanSummary.nullable(),
  /** After the reviewer's decisions (what an apply would replace, before the policy filter). */
  current: TypeCounts.nullable(),
  decisions: z.array(ReviewDecision),
  /** The pseudonym map of this dataset (kept apart from the data, under the workspace's private/ folder). */
  map: z.object({ exists: z.boolean(), identifiers: z.number().int() }),
  /** Set when this version was made by a redaction, or made from one (a split or clean of it: `redactedIn` says which). */
  hasReport: z.boolean(),
  /** The version whose redaction this one carries: itself, an ancestor it was derived from, or null when none. */
  redactedIn: Id.nullable().optional(),
});
export type PiiStatus = z.infer<typeof PiiStatus>;

/** One text of an example: a message ('m0', 'm1', ...), a document's text ('text') or a metadata value ('meta:<name>'). */
export const PiiField = z.object({ field: z.string(), label: z.string(), text: z.string(), spans: z.array(ReviewedSpan) });
export type PiiField = z.infer<typeof PiiField>;

export const PiiRecord = z.object({ position: z.number().int().nonnegative(), fields: z.array(PiiField) });
export type PiiRecord = z.infer<typeof PiiRecord>;

export const SpanRef = { type: PiiType, text: z.string().min(1, 'Name the text the decision is about').max(500, 'Keep one identifier under 500 characters') };
export const DecisionChange = z.discriminatedUnion(
  'scope',
  [
    /** One string: applies to every identical string (same type) in the dataset. */
    z.object({ scope: z.literal('span'), decision: z.enum(['accept', 'reject', 'undo']), ...SpanRef }).strict(),
    /** Every string of one type detected in the version under review. */
    z.object({ scope: z.literal('type'), decision: z.enum(['accept', 'reject', 'undo']), type: PiiType }).strict(),
    /** A span the detector missed; `at` says where the reviewer selected it (checked against the text). */
    z
      .object({
        scope: z.literal('add'),
        ...SpanRef,
        at: z
          .object({ position: z.number().int().nonnegative(), field: z.string().min(1).max(200), start: z.number().int().nonnegative() })
          .strict()
          .optional(),
      })
      .strict(),
  ],
  { error: "Each change needs scope 'span', 'type' or 'add'" },
);
export type DecisionChange = z.infer<typeof DecisionChange>;

export const DomainTemplateInfo = z.object({
  domain: z.enum(['medical', 'legal', 'finance', 'education']),
  /** Which of the field's templates this is ('main', or e.g. 'front-desk'), and every template of the field. */
  variant: z.string(),
  variants: z.array(z.object({ variant: z.string(), title: z.string() })),
  title: z.string(),
  description: z.string(),
  identifierTypes: z.array(PiiType),
  systemPrompt: z.string(),
  samples: z.array(z.object({ messages: z.array(Message) })),
});
export type DomainTemplateInfo = z.infer<typeof DomainTemplateInfo>;

/**
 * The kinds of identifier that fit each field, offered first; the others stay one click away ("show every kind").
 * A clinic has no docket or bar numbers; a law firm has all of them.
 */
export const FIELD_KINDS: Record<'general' | 'medical' | 'legal' | 'finance' | 'education', readonly PiiType[]> = {
  general: PII_TYPE_NAMES,
  medical: PII_TYPE_NAMES.filter((t) => t !== 'CASE_NUMBER' && t !== 'BAR_NUMBER'),
  legal: PII_TYPE_NAMES,
  finance: PII_TYPE_NAMES.filter((t) => t !== 'MRN' && t !== 'HEALTH_PLAN' && t !== 'BAR_NUMBER'),
  education: PII_TYPE_NAMES.filter((t) => t !== 'MRN' && t !== 'HEALTH_PLAN' && t !== 'CASE_NUMBER' && t !== 'BAR_NUMBER'),
};

export const TemplateDomain = z.enum(['medical', 'legal', 'finance', 'education'], { error: 'Templates exist for medical, legal, finance and education' });

/** The apply job's result. */
export const PiiApplyResult = z.object({ version: DatasetVersion, report: RedactionReport });
export type PiiApplyResult = z.infer<typeof PiiApplyResult>;
