// The 'datasets:*' requests the Data wizard uses. Pure: zod and the contract's own files only.
import { z } from 'zod';
import {
  Dataset,
  DatasetVersion,
  ExampleRow,
  ImportPreview,
  ImportSource,
  LeakageSummary,
  MetadataColumn,
  ReviewPage,
  ReviewSection,
  SplitLabel,
  SplitResult,
} from './datasets.js';
import { DomainTemplate, Id, Locale, Message } from './domain.js';
import { jobSchemas } from './jobs.js';

const VersionRef = { versionId: Id };
const Positions = z.array(z.number().int().nonnegative()).max(1_000_000);

export const datasetRequests = {
  'datasets:list': { input: z.object({ projectId: Id }).strict(), output: z.array(Dataset) },
  /** Sample files shipped with Fieldtune, so a first try needs no data of one's own. */
  'datasets:samples': { input: z.object({}).strict(), output: z.array(z.object({ label: z.string(), path: z.string(), examples: z.number().int() })) },
  /** Reads the head of a file without writing anything: format, encoding, columns, first rows, the first problem. */
  'datasets:preview': { input: z.object(ImportSource).strict(), output: ImportPreview },
  /** Runs as a job (progress, cancel). A refused or cancelled import writes nothing to the workspace. */
  /**
   * Into an existing project (projectId), or into a new one (newProject) that is created only when the import
   * succeeds, so a refused file leaves no empty project behind.
   */
  'datasets:import': {
    input: z
      .object({
        projectId: Id.optional(),
        newProject: z
          .object({ name: z.string().trim().min(1, 'A project needs a name').max(120), domain: DomainTemplate.default('general'), locale: Locale.optional() })
          .strict()
          .optional(),
        ...ImportSource,
        skipBad: z.boolean().default(false),
        name: z.string().trim().min(1).max(120).optional(),
      })
      .strict()
      .refine((i) => (i.projectId === undefined) !== (i.newProject === undefined), 'Name either an existing project or a new one'),
    output: jobSchemas['dataset.import'],
  },
  /** A version by its id, or a dataset's newest version by the dataset's id. */
  'datasets:version': { input: z.object({ id: Id }).strict(), output: DatasetVersion },
  'datasets:examples': {
    input: z
      .object({ ...VersionRef, offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(500, 'Ask for at most 500 rows at a time') })
      .strict(),
    /**
     * systemPrompt: the system prompt every chat example of the version shares (shown once above the table, not in
     * each row); null when there is none or they differ.
     */
    output: z.object({ total: z.number().int(), rows: z.array(ExampleRow), systemPrompt: z.string().nullable() }),
  },
  'datasets:columns': { input: z.object(VersionRef).strict(), output: z.array(MetadataColumn) },
  /**
   * A dry run of cleaning: what normalization, length filters and duplicate detection would remove. Writes nothing.
   * A job (a minute on 60k rows): its result is the review's counts; its lists are read a page at a time.
   */
  'datasets:review': {
    input: z
      .object({
        ...VersionRef,
        minTokens: z.number().int().nonnegative().optional(),
        maxTokens: z.number().int().positive('The longest allowed example must be at least 1 token').optional(),
        threshold: z.number().min(0.3, 'Below 0.3 almost everything looks alike').max(1).default(0.7),
        nearDuplicates: z.boolean().default(true),
      })
      .strict(),
    output: jobSchemas['dataset.review'],
  },
  /** A page of a finished review's long lists (its job's result holds the counts); at most 5000 items at a time. */
  'datasets:review-page': {
    input: z
      .object({
        jobId: Id,
        section: ReviewSection,
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(5000, 'Ask for at most 5000 items at a time'),
      })
      .strict(),
    output: ReviewPage,
  },
  /** Applies the reviewed choices: a new version without `remove`, normalized if asked. */
  'datasets:clean': {
    input: z.object({ ...VersionRef, remove: Positions, normalize: z.boolean().default(true) }).strict(),
    output: DatasetVersion,
  },
  'datasets:split': {
    input: z
      .object({
        ...VersionRef,
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31, 'Pick a seed between 0 and 2147483648')
          .default(42),
        shares: z
          .object({ train: z.number().min(0), validation: z.number().min(0), test: z.number().min(0) })
          .strict()
          .refine((s) => s.train + s.validation + s.test > 0, 'The shares must add up to more than 0'),
        stratifyBy: z.string().min(1).optional(),
        keepNearDuplicatesTogether: z.boolean().default(true),
      })
      .strict(),
    output: SplitResult,
  },
  'datasets:leakage': { input: z.object(VersionRef).strict(), output: LeakageSummary },
  'datasets:stats': {
    input: z
      .object({
        ...VersionRef,
        /** A registered base model whose tokenizer and chat template count the tokens; omitted: a rough estimate. */
        modelId: Id.optional(),
        maxTokens: z.number().int().min(16, 'A max length under 16 tokens cannot hold a question and an answer').max(1_048_576),
        split: SplitLabel.optional(),
        bins: z.number().int().min(2).max(100).default(20),
      })
      .strict(),
    /** Counting with a real tokenizer takes a while on large versions: a job whose result is a TokenStatsResult. */
    output: jobSchemas['dataset.stats'],
  },
  'datasets:export': {
    input: z
      .object({
        ...VersionRef,
        format: z.enum(['jsonl', 'csv']),
        outFile: z.string().trim().min(1, 'Name the file to write'),
        split: SplitLabel.optional(),
        /** An existing file is refused (CONFLICT, fix 'overwrite') unless the caller says to replace it. */
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ file: z.string(), examples: z.number().int(), format: z.enum(['jsonl', 'csv']) }),
  },
  /**
   * Corrects one example: a new version with that example replaced (the version edited stays as it was). A chat
   * example takes its messages, a text record its text; its labels (metadata) and split are kept.
   */
  'datasets:edit-example': {
    input: z
      .object({
        ...VersionRef,
        position: z.number().int().nonnegative(),
        messages: z.array(Message).min(1).max(1000).optional(),
        text: z.string().optional(),
      })
      .strict()
      .refine((v) => (v.messages === undefined) !== (v.text === undefined), 'Send either the messages or the text of the example'),
    output: DatasetVersion,
  },
} as const;
