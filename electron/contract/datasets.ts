// Dataset types and the 'datasets:*' request schemas the Data wizard uses. Pure: zod and the contract's own files only.
import { z } from 'zod';
import { Id, Locale, Message, MetadataValue } from './domain.js';
import { ErrorFix } from './errors.js';

/** Every format an import can be told to use (JSON record shapes, spreadsheets, documents). */
export const ImportFormat = z.enum(['chat', 'sharegpt', 'alpaca', 'prompt-completion', 'text', 'csv', 'tsv', 'xlsx', 'documents']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** What a spreadsheet column becomes: the question, the answer, the system prompt, a label kept as metadata, or nothing. */
export const ColumnField = z.enum(['user', 'assistant', 'system', 'metadata', 'ignore']);
export type ColumnField = z.infer<typeof ColumnField>;
export const ColumnMapping = z.record(z.string(), ColumnField);

export const SplitLabel = z.enum(['train', 'validation', 'test']);
export type SplitLabel = z.infer<typeof SplitLabel>;

export const DatasetVersion = z.object({
  id: Id,
  datasetId: Id,
  parentId: Id.nullable(),
  /** sha256 over the ordered member hashes (and split labels): equal content, equal hash. */
  hash: z.string(),
  examples: z.number().int().nonnegative(),
  operation: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** Examples an erasure replaced with "[erased]" in this version (lineage:erase); absent when none. */
  erasedExamples: z.number().int().positive().optional(),
});
export type DatasetVersion = z.infer<typeof DatasetVersion>;

export const Dataset = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  kind: z.enum(['chat', 'text']),
  createdAt: z.string(),
  /** Oldest first; the last one is what "the dataset" means when no version is named. */
  versions: z.array(DatasetVersion),
});
export type Dataset = z.infer<typeof Dataset>;

export const ImportSource = {
  path: z.string().trim().min(1, 'Give the path to a file or folder on this computer'),
  format: ImportFormat.optional(),
  map: ColumnMapping.optional(),
  encoding: z.string().trim().min(1, 'Name an encoding, for example windows-1252').max(40).optional(),
  /** XLSX: the worksheet holding the examples (the first when omitted; the preview lists them). */
  sheet: z.string().min(1).max(200).optional(),
  /** How spreadsheet date cells are written; the import takes the project's, the preview is told it. */
  locale: Locale.optional(),
  /** Leave out rows whose question or answer is empty (the preview counts them). */
  skipEmpty: z.boolean().optional(),
};

export const PreviewRow = z.object({
  line: z.number().int(),
  messages: z.array(Message).optional(),
  text: z.string().optional(),
  metadata: z.record(z.string(), MetadataValue).optional(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportPreview = z.object({
  path: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** How the file is read: by extension, a folder of documents, or the user's override. */
  reader: z.enum(['jsonl', 'json', 'csv', 'tsv', 'xlsx', 'documents']).nullable(),
  /** The record format found (or chosen); null when it could not be told. */
  format: ImportFormat.nullable(),
  encoding: z.string().nullable(),
  /** Spreadsheet column names, in order; null for other files. */
  headers: z.array(z.string()).nullable(),
  /** The column mapping the import would use (header-name defaults plus the user's choices). */
  mapping: ColumnMapping.nullable(),
  rows: z.array(PreviewRow),
  /** XLSX: every worksheet's name, in order (the import reads `sheet`, else the first); null for other files. */
  sheets: z.array(z.string()).nullable(),
  /**
   * Rows whose question or answer is empty: how many (counted over the first `scanned` examples, the whole file when
   * `complete`) and the first few line numbers. They would import as they are unless skipEmpty is set.
   */
  empty: z.object({ count: z.number().int(), lines: z.array(z.number().int()), scanned: z.number().int(), complete: z.boolean() }),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** Why this file cannot be imported as it stands; `kind` tells the UI which control fixes it. */
  problem: z.object({ kind: z.enum(['encoding', 'mapping', 'format', 'file']), message: z.string(), fix: ErrorFix.optional() }).nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ExampleRow = z.object({
  position: z.number().int().nonnegative(),
  hash: z.string(),
  split: SplitLabel.nullable(),
  messages: z.array(Message).optional(),
  text: z.string().optional(),
  metadata: z.record(z.string(), MetadataValue).optional(),
});
export type ExampleRow = z.infer<typeof ExampleRow>;

export const RemovalReason = z.enum(['empty', 'too-short', 'too-long', 'exact-duplicate', 'near-duplicate']);
export type RemovalReason = z.infer<typeof RemovalReason>;

const Side = z.object({ position: z.number().int(), preview: z.string() });

export const CleanReview = z.object({
  versionId: Id,
  examples: z.number().int(),
  /** How many examples Unicode/space normalization would change. */
  normalizedChanged: z.number().int(),
  /** Proposed removals (positions in the reviewed version); `of` is the example it duplicates. */
  proposed: z.array(
    z.object({ position: z.number().int(), reason: RemovalReason, of: z.number().int().nullable(), similarity: z.number().nullable(), preview: z.string() }),
  ),
  /** The example each group of copies keeps (every `of` above), with its preview: the head of each group. */
  kept: z.array(Side),
  /** Near-duplicate pairs, most similar first (at most 500): the review list. */
  nearPairs: z.array(z.object({ a: Side, b: Side, similarity: z.number() })),
  /** Same question, different answers: the specialist decides which is right. */
  conflicts: z.array(z.object({ question: z.string(), answers: z.array(z.object({ answer: z.string(), positions: z.array(z.number().int()) })) })),
});
export type CleanReview = z.infer<typeof CleanReview>;

/** The review's parts that grow with the dataset, stored apart from the job and read a page at a time. */
export const ReviewSection = z.enum(['removals', 'groups', 'nearPairs', 'conflicts']);
export type ReviewSection = z.infer<typeof ReviewSection>;

/** One proposed removal without its text (the whole list, for the reviewer's ticks and the CLI). */
export const ReviewRemoval = z.object({
  position: z.number().int(),
  reason: RemovalReason,
  of: z.number().int().nullable(),
  similarity: z.number().nullable(),
});
export type ReviewRemoval = z.infer<typeof ReviewRemoval>;

/** The copies of one kept example, or every example out of range for one reason; biggest groups first. */
export const ReviewGroup = z.object({
  reason: RemovalReason,
  /** The kept example these copy, with its text; null for a group of out-of-range examples. */
  head: Side.nullable(),
  /** Every member's position (one tick decides them all). */
  positions: z.array(z.number().int()),
  /** The first members with their text (at most 200). */
  sample: CleanReview.shape.proposed,
});
export type ReviewGroup = z.infer<typeof ReviewGroup>;

/**
 * A finished review as its job stores it: the counts, and where its long lists are kept (content-addressed files
 * with a byte offset every `pageSize` items), read through 'datasets:review-page'. A 100k-row review's lists are
 * megabytes: as one job result they held the core's event loop for a quarter of a second when stored or read.
 */
export const CleanReviewSummary = z.object({
  jobId: Id,
  versionId: Id,
  examples: z.number().int(),
  normalizedChanged: z.number().int(),
  proposed: z.object({
    total: z.number().int(),
    exact: z.number().int(),
    near: z.number().int(),
    /** Empty, too short or too long. */
    outOfRange: z.number().int(),
  }),
  counts: z.record(ReviewSection, z.number().int()),
  stored: z.record(ReviewSection, z.object({ blob: z.string(), pageSize: z.number().int(), offsets: z.array(z.number().int()) })),
});
export type CleanReviewSummary = z.infer<typeof CleanReviewSummary>;

export const ReviewPage = z.discriminatedUnion('section', [
  z.object({ section: z.literal('removals'), total: z.number().int(), items: z.array(ReviewRemoval) }),
  z.object({ section: z.literal('groups'), total: z.number().int(), items: z.array(ReviewGroup) }),
  z.object({ section: z.literal('nearPairs'), total: z.number().int(), items: CleanReview.shape.nearPairs }),
  z.object({ section: z.literal('conflicts'), total: z.number().int(), items: CleanReview.shape.conflicts }),
]);
export type ReviewPage = z.infer<typeof ReviewPage>;

export const LeakageSummary = z.object({
  ok: z.boolean(),
  exact: z.number().int(),
  near: z.number().int(),
  /** Validation/test examples with a copy in train: their scores would look better than they are. */
  leakedEvalItems: z.number().int(),
  pairs: z.array(z.object({ a: Side, b: Side, splitA: SplitLabel, splitB: SplitLabel, similarity: z.number() })),
});
export type LeakageSummary = z.infer<typeof LeakageSummary>;

export const SplitResult = z.object({
  version: DatasetVersion,
  counts: z.object({ train: z.number().int(), validation: z.number().int(), test: z.number().int() }),
  leakage: LeakageSummary,
  /** Warnings about the shares (nothing or too little to evaluate on) and the shares that suit the dataset's size. */
  advice: z.object({
    warnings: z.array(z.string()),
    suggested: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
  }),
});
export type SplitResult = z.infer<typeof SplitResult>;

export const TokenStatsResult = z.object({
  versionId: Id,
  /** 'model': the base model's own tokenizer and chat template; 'rough': about 4 characters per token. */
  tokenizer: z.enum(['model', 'rough']),
  modelLabel: z.string().nullable(),
  count: z.number().int(),
  totalTokens: z.number().int(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  median: z.number(),
  p95: z.number(),
  maxLength: z.number().int(),
  overMax: z.number().int(),
  overMaxShare: z.number(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});
export type TokenStatsResult = z.infer<typeof TokenStatsResult>;

export const MetadataColumn = z.object({ name: z.string(), filled: z.number().int(), distinct: z.number().int() });
