// Handlers for the 'review:*' requests; inputs arrive validated.
import type { ParsedInput, Requests, RequestOutput } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { createReview, judgePair, listReviews, reviewSession, signOffReview } from './review.js';
import { sendReviewToInbox } from './toInbox.js';

type ReviewMethod = Extract<keyof Requests, `review:${string}`>;
type ReviewHandlers = { [M in ReviewMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const reviewHandlers: ReviewHandlers = {
  'review:create': (input, { ws }) => createReview(ws, input),
  'review:list': ({ projectId }, { ws }) => listReviews(ws, projectId),
  'review:get': ({ id }, { ws }) => reviewSession(ws, id),
  'review:judge': ({ id, position, ...judgement }, { ws }) => judgePair(ws, id, position, judgement),
  'review:sign-off': ({ id, reviewer }, { ws }) => signOffReview(ws, id, reviewer),
  'review:to-inbox': ({ id }, { ws }) => sendReviewToInbox(ws, id),
};
