// The candidate inbox: one per project. Evaluate's failure browser, the Playground's ratings and corrections, and the
// blinded review suggest training examples here; a specialist accepts (optionally editing the answer) or rejects
// each in the Data step, and the accepted ones become a new dataset version. Pure: zod and the contract only.
import { z } from 'zod';
import { DatasetVersion } from './datasets.js';
import { Id, Message } from './domain.js';
import { Provenance } from './generate.js';

/** documents and augment: written by a local model (issue 17); they carry their provenance. */
export const InboxSource = z.enum(['evaluate', 'playground', 'review', 'documents', 'augment']);
export type InboxSource = z.infer<typeof InboxSource>;
/** pending: waiting for a specialist; committed: accepted and already added to a dataset version. */
export const InboxStatus = z.enum(['pending', 'accepted', 'rejected', 'committed']);
export type InboxStatus = z.infer<typeof InboxStatus>;

export const InboxAnswer = z.object({
  /** Who gave it, in words the specialist knows ("Tuned model", "Original model", "Answer 1"). */
  label: z.string().trim().min(1, 'Give each answer a label').max(120),
  text: z.string().max(100_000),
});
export type InboxAnswer = z.infer<typeof InboxAnswer>;

const Correction = z.string().trim().min(1, 'A corrected answer cannot be empty').max(100_000);

export const InboxAddInput = z
  .object({
    projectId: Id,
    // generated suggestions come only from the generate job, with their provenance
    source: InboxSource.exclude(['documents', 'augment']),
    runId: Id.optional(),
    /** The conversation up to the answer: an optional system message, then user (and earlier assistant) turns. */
    prompt: z
      .array(Message)
      .min(1, 'A suggestion needs the question it answers')
      .max(200)
      .refine((m) => m.at(-1)?.role === 'user', 'The prompt must end with the question (a user message)'),
    answers: z.array(InboxAnswer).min(1, 'A suggestion needs at least one answer').max(8),
    /** Which answer is the better one (an index into answers); null or absent: none chosen (a tie). */
    choice: z.number().int().nonnegative().nullable().optional(),
    correction: Correction.optional(),
    rating: z.enum(['up', 'down']).optional(),
    author: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .refine((i) => i.choice == null || i.choice < i.answers.length, { message: 'The choice names an answer that is not there', path: ['choice'] });

/**
 * The `decidedBy` of a generated suggestion that the leakage check kept out at commit (it copied a validation or test
 * example): the item is rejected, not marked added, so the inbox never claims it joined the data.
 */
export const LEAKAGE_CHECK = 'the leakage check (it copied a test example)';

export const InboxItem = z.object({
  id: Id,
  projectId: Id,
  source: InboxSource,
  runId: Id.nullable(),
  prompt: z.array(Message),
  answers: z.array(InboxAnswer),
  choice: z.number().int().nullable(),
  correction: z.string().nullable(),
  rating: z.enum(['up', 'down']).nullable(),
  /** Who suggested it. */
  author: z.string(),
  status: InboxStatus,
  /** The answer the specialist typed while accepting (wins over the suggestion's own). */
  reviewCorrection: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  committedVersionId: Id.nullable(),
  createdAt: z.string(),
  /** Where a generated suggestion came from (model, prompt template, cited passage); null for a person's suggestion. */
  provenance: Provenance.nullable(),
  /** The question the specialist rewrote while accepting (generated suggestions only); wins over the prompt's. */
  reviewQuestion: z.string().nullable(),
  /** The answer this item adds to the data if accepted as it is: the correction, else the chosen answer; null: none yet. */
  answer: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const inboxRequests = {
  'inbox:add': { input: InboxAddInput, output: InboxItem },
  /** Newest first; all statuses when status is absent. */
  'inbox:list': { input: z.object({ projectId: Id, status: InboxStatus.optional() }).strict(), output: z.array(InboxItem) },
  'inbox:decide': {
    input: z
      .object({
        id: Id,
        decision: z.enum(['accepted', 'rejected']),
        correction: Correction.optional(),
        /** A rewritten question (generated suggestions, whose question came from a model too). */
        question: z.string().trim().min(1, 'A question cannot be empty').max(100_000).optional(),
      })
      .strict(),
    output: InboxItem,
  },
  /** The accepted items as a new version on top of the dataset's latest version (the project's only dataset if absent). */
  'inbox:commit': { input: z.object({ projectId: Id, datasetId: Id.optional() }).strict(), output: DatasetVersion },
} as const;
