// Issue 17 items 1-3: should this project fine-tune at all (the fit check), and more examples from what a specialist
// already has: questions and answers generated from their documents, and variations of their existing questions.
// Generated pairs land in the candidate inbox (inboxRequests.ts) with their provenance, and only a person's accept
// adds them to a dataset version. Pure: zod and the contract only.
import { z } from 'zod';
import { Id } from './domain.js';

/** The fit check's questions, each answered by picking one plain option. */
export const FitAnswers = z
  .object({
    /** Good examples (a question and the answer an expert would give) that exist today. */
    goodExamples: z.enum(['none', 'dozens', 'hundreds', 'thousands']),
    /** How far the words of the field are from everyday language. */
    vocabulary: z.enum(['everyday', 'some', 'specialist']),
    /** How fixed the shape of an answer is (free text, a usual layout, a strict form or code). */
    format: z.enum(['free', 'usual', 'strict']),
    /** How often people will ask the model. */
    usage: z.enum(['occasionally', 'daily', 'constantly']),
    /** What a wrong answer costs. */
    wrongCost: z.enum(['little', 'some', 'serious']),
  })
  .strict();
export type FitAnswers = z.infer<typeof FitAnswers>;

export const FitRoute = z.enum(['prompting', 'fine-tune', 'collect-more']);
export type FitRoute = z.infer<typeof FitRoute>;

export const FitRecommendation = z.object({
  route: FitRoute,
  /** One sentence: what to do. */
  headline: z.string(),
  /** Why, in plain words, one sentence each. */
  reasons: z.array(z.string()),
});
export type FitRecommendation = z.infer<typeof FitRecommendation>;

/** The kinds of generated example: a question from a passage, or a variation of an existing question. */
export const SyntheticKind = z.enum(['question', 'reword', 'register', 'typos']);
export type SyntheticKind = z.infer<typeof SyntheticKind>;
export const VariationKind = SyntheticKind.exclude(['question']);
export type VariationKind = z.infer<typeof VariationKind>;

/** Where a generated example came from: kept with the suggestion, then in the example's metadata when accepted. */
export const Provenance = z.object({
  synthetic: z.literal(true),
  kind: SyntheticKind,
  /** sha256 of the generating model's file, and the name a person knows it by. */
  model: z.string(),
  modelLabel: z.string(),
  /** The prompt template's name and version, and the sha256 of its text. */
  template: z.string(),
  templateHash: z.string(),
  /** The cited passage (questions from documents): its sha256, its text and the file it is from. */
  passageHash: z.string().nullable(),
  passage: z.string().nullable(),
  source: z.string().nullable(),
  /** The example a variation was made from (its content hash). */
  fromExample: z.string().nullable(),
});
export type Provenance = z.infer<typeof Provenance>;

const MaxNewTokens = z.number().int().min(8).max(2048);

export const GenerateQuestionsInput = z
  .object({
    projectId: Id,
    /** The registered model that writes the questions and answers (a chat model). */
    modelId: Id,
    /** PDF, DOCX, TXT or Markdown files, or folders of them. */
    paths: z.array(z.string().trim().min(1, 'Give the path to a document')).min(1, 'Choose at least one document').max(200),
    questionsPerPassage: z.number().int().min(1).max(5).default(2),
    /** Longest passage, in characters; a section longer than this is cut at paragraph or sentence ends. */
    passageChars: z.number().int().min(200).max(50_000).default(1500),
    /** Longest question or answer, in word pieces. */
    maxNewTokens: MaxNewTokens.default(200),
  })
  .strict();

export const AugmentInput = z
  .object({
    projectId: Id,
    modelId: Id,
    /** The version whose questions are varied; test and validation examples are never used. */
    versionId: Id,
    kinds: z.array(VariationKind).min(1, 'Choose at least one kind of variation').max(3),
    /** How many examples to vary (the first ones of the training part). */
    limit: z.number().int().min(1).max(2000).default(50),
    maxNewTokens: MaxNewTokens.default(120),
  })
  .strict();

export const GenerateParams = z.discriminatedUnion('mode', [
  GenerateQuestionsInput.extend({ mode: z.literal('questions') }),
  AugmentInput.extend({ mode: z.literal('augment') }),
]);

export const GenerateResult = z.object({
  mode: z.enum(['questions', 'augment']),
  /** Passages read (questions) or examples varied (augment). */
  inputs: z.number().int().nonnegative(),
  /** New suggestions waiting in the inbox. */
  suggested: z.number().int().nonnegative(),
  /** Left out because the dataset or another suggestion already says the same. */
  duplicates: z.number().int().nonnegative(),
  /** Left out because the model wrote nothing usable. */
  empty: z.number().int().nonnegative(),
  /** Documents that had no text (named in the job's message). */
  unreadable: z.array(z.string()),
});
export type GenerateResult = z.infer<typeof GenerateResult>;

/**
 * The progress line of a generation job while it writes: how many suggestions already wait for review. The app
 * reloads the review list when that count changes (readyForReview reads it back), so both sides use these two.
 */
export const writingPhase = (what: string, ready: number): string => `${what} (${ready} ready for review)`;
export function readyForReview(phase: string): number | null {
  const m = /\((\d+) ready for review\)$/.exec(phase);
  return m ? Number(m[1]) : null;
}
