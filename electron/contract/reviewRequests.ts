// Blinded expert review: a specialist compares two systems' answers to the same prompts (base vs tuned, run A vs run
// B) without knowing which is which, picks the better one or a tie, optionally rates each, and signs off. Until the
// sign-off every output names the answers only by the order they are shown in ('first', 'second'); which side was
// which (and the labels and runs) appears only in `reveal`, after the sign-off. Pure: zod and the contract only.
import { z } from 'zod';
import { Id } from './domain.js';

const Score = z.number().int().min(1, 'Ratings go from 1 to 5').max(5, 'Ratings go from 1 to 5');
/** Optional 1-5 ratings of one answer. */
export const ReviewRatings = z.object({ accuracy: Score.optional(), relevance: Score.optional(), style: Score.optional() }).strict();
export type ReviewRatings = z.infer<typeof ReviewRatings>;
export const RATING_ASPECTS = ['accuracy', 'relevance', 'style'] as const;

/** A verdict as the reviewer gives it: by the order the answers are shown in. */
export const ShownVerdict = z.enum(['first', 'second', 'tie']);
export type ShownVerdict = z.infer<typeof ShownVerdict>;

/** One pair as the reviewer sees it: no side, label or run. */
export const ReviewItemView = z.object({
  position: z.number().int().nonnegative(),
  prompt: z.string(),
  category: z.string().nullable(),
  /** The two answers in the order shown (drawn per session, stored). */
  answers: z.tuple([z.string(), z.string()]),
  verdict: ShownVerdict.nullable(),
  ratings: z.object({ first: ReviewRatings, second: ReviewRatings }),
  comment: z.string().nullable(),
});
export type ReviewItemView = z.infer<typeof ReviewItemView>;

/** A share with its 95% interval (Wilson score interval). */
export const WinRate = z.object({
  /** B's wins plus half the ties, over the pairs judged. */
  rate: z.number(),
  low: z.number(),
  high: z.number(),
});
export type WinRate = z.infer<typeof WinRate>;

const Tally = z.object({
  total: z.number().int(),
  winsA: z.number().int(),
  winsB: z.number().int(),
  ties: z.number().int(),
  winRateB: WinRate,
  /** 'B' or 'A' when the whole interval lies on one side of 50%; 'unclear': not enough pairs to tell. */
  winner: z.enum(['A', 'B', 'unclear']),
});

const MeanRatings = z.object({ accuracy: z.number().nullable(), relevance: z.number().nullable(), style: z.number().nullable() });

export const ReviewResult = Tally.extend({
  byCategory: z.array(Tally.extend({ category: z.string() })),
  meanRatings: z.object({ A: MeanRatings, B: MeanRatings }),
});
export type ReviewResult = z.infer<typeof ReviewResult>;

export const ReviewReveal = z.object({
  labelA: z.string(),
  labelB: z.string(),
  runA: Id.nullable(),
  runB: Id.nullable(),
  /** Which real side each pair showed first. */
  firstShown: z.array(z.object({ position: z.number().int(), side: z.enum(['A', 'B']) })),
  result: ReviewResult,
});
export type ReviewReveal = z.infer<typeof ReviewReveal>;

export const ReviewSession = z.object({
  id: Id,
  projectId: Id,
  createdAt: z.string(),
  total: z.number().int(),
  judged: z.number().int(),
  reviewer: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  inboxSentAt: z.string().nullable(),
  items: z.array(ReviewItemView),
  /** Null until the sign-off: nothing before it says which answer came from which system. */
  reveal: ReviewReveal.nullable(),
});
export type ReviewSession = z.infer<typeof ReviewSession>;

export const ReviewSummary = ReviewSession.omit({ items: true });
export type ReviewSummary = z.infer<typeof ReviewSummary>;

const Label = z.string().trim().min(1, 'Name both sides (for the reveal after sign-off)').max(120);

export const reviewRequests = {
  'review:create': {
    input: z
      .object({
        projectId: Id,
        runA: Id.optional(),
        runB: Id.optional(),
        labelA: Label,
        labelB: Label,
        items: z
          .array(
            z
              .object({
                prompt: z.string().trim().min(1, 'Every pair needs its prompt').max(100_000),
                answerA: z.string().max(100_000),
                answerB: z.string().max(100_000),
                category: z.string().trim().min(1).max(120).optional(),
              })
              .strict(),
          )
          .min(1, 'A review needs at least one pair of answers')
          .max(5000, 'Keep a review under 5000 pairs'),
      })
      .strict()
      .refine((i) => i.labelA !== i.labelB, { message: 'The two sides need different names', path: ['labelB'] }),
    output: ReviewSession,
  },
  /** Newest first. */
  'review:list': { input: z.object({ projectId: Id }).strict(), output: z.array(ReviewSummary) },
  'review:get': { input: z.object({ id: Id }).strict(), output: ReviewSession },
  /** Records (or changes) the verdict on one pair; ratings are per answer, by shown order. */
  'review:judge': {
    input: z
      .object({
        id: Id,
        position: z.number().int().nonnegative(),
        verdict: ShownVerdict,
        ratings: z.object({ first: ReviewRatings.optional(), second: ReviewRatings.optional() }).strict().optional(),
        comment: z.string().max(10_000).optional(),
      })
      .strict(),
    output: ReviewItemView,
  },
  /** Ends the review once every pair has a verdict: writes the sign-off to the audit log and reveals the sides. */
  'review:sign-off': {
    input: z.object({ id: Id, reviewer: z.string().trim().min(1, 'Type your name to sign off').max(120) }).strict(),
    output: ReviewSession,
  },
  /** After the sign-off: each pair with a winner goes to the project's inbox as preference data (source 'review'). */
  'review:to-inbox': { input: z.object({ id: Id }).strict(), output: z.object({ added: z.number().int() }) },
} as const;
