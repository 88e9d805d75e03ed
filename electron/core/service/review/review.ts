// Blinded expert review sessions. The store keeps every pair in terms of the real sides (A, B); everything a caller
// sees before the sign-off is translated to the shown order ('first', 'second') and carries no label, run or side,
// so neither the screen nor a curious request can tell which system wrote which answer until the review is signed.
import { randomInt, randomUUID } from 'node:crypto';
import type { ReviewItemView, ReviewRatings, ReviewResult, ReviewSession, ReviewSummary, ShownVerdict } from '../../../contract/reviewRequests.js';
import { RATING_ASPECTS } from '../../../contract/reviewRequests.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { ReviewItemRecord, ReviewSessionRecord, Side } from '../../store/repositories/review.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';
import { shownFirstA } from './order.js';
import { tally } from './winRate.js';

export interface NewReview {
  projectId: string;
  runA?: string | undefined;
  runB?: string | undefined;
  labelA: string;
  labelB: string;
  items: Array<{ prompt: string; answerA: string; answerB: string; category?: string | undefined }>;
}

export function requireReview(ws: Workspace, id: string): ReviewSessionRecord {
  const session = ws.reviews.get(id);
  if (!session) throw new FieldtuneError('NOT_FOUND', `No review with id ${id}`);
  return session;
}

const firstSide = (it: ReviewItemRecord): Side => (it.aFirst ? 'A' : 'B');
const secondSide = (it: ReviewItemRecord): Side => (it.aFirst ? 'B' : 'A');

/** One pair as the reviewer sees it: shown order only. */
export function itemView(it: ReviewItemRecord): ReviewItemView {
  const shown = (v: ReviewItemRecord['verdict']): ShownVerdict | null => (v === null ? null : v === 'tie' ? 'tie' : v === firstSide(it) ? 'first' : 'second');
  return {
    position: it.position,
    prompt: it.prompt,
    category: it.category,
    answers: it.aFirst ? [it.answerA, it.answerB] : [it.answerB, it.answerA],
    verdict: shown(it.verdict),
    ratings: { first: it.ratings[firstSide(it)], second: it.ratings[secondSide(it)] },
    comment: it.comment,
  };
}

function summary(ws: Workspace, s: ReviewSessionRecord, items?: ReviewItemRecord[]): ReviewSummary {
  const { total, judged } = ws.reviews.counts(s.id);
  const revealed = s.signedOffAt !== null && s.result !== null;
  return {
    id: s.id,
    projectId: s.projectId,
    createdAt: s.createdAt,
    total,
    judged,
    reviewer: s.reviewer,
    signedOffAt: s.signedOffAt,
    inboxSentAt: s.inboxSentAt,
    reveal: revealed
      ? {
          labelA: s.labelA,
          labelB: s.labelB,
          runA: s.runA,
          runB: s.runB,
          firstShown: (items ?? ws.reviews.items(s.id)).map((it) => ({ position: it.position, side: firstSide(it) })),
          result: s.result!,
        }
      : null,
  };
}

export function reviewSession(ws: Workspace, id: string): ReviewSession {
  const s = requireReview(ws, id);
  const items = ws.reviews.items(id);
  return { ...summary(ws, s, items), items: items.map(itemView) };
}

export function listReviews(ws: Workspace, projectId: string): ReviewSummary[] {
  requireProject(ws, projectId);
  return ws.reviews.list(projectId).map((s) => summary(ws, s));
}

function requireRunOf(ws: Workspace, projectId: string, runId: string | undefined): string | null {
  if (!runId) return null;
  const run = ws.trainingRuns.full(runId);
  if (!run || run.project_id !== projectId) throw new FieldtuneError('NOT_FOUND', `The project has no training run with id ${runId}`);
  return runId;
}

export function createReview(ws: Workspace, input: NewReview): ReviewSession {
  requireProject(ws, input.projectId);
  const runA = requireRunOf(ws, input.projectId, input.runA);
  const runB = requireRunOf(ws, input.projectId, input.runB);
  const id = randomUUID();
  const seed = randomInt(0, 2 ** 31);
  const order = shownFirstA(seed, input.items.length);
  const items: ReviewItemRecord[] = input.items.map((it, position) => ({
    position,
    prompt: it.prompt,
    answerA: it.answerA,
    answerB: it.answerB,
    category: it.category ?? null,
    aFirst: order[position]!,
    verdict: null,
    ratings: { A: {}, B: {} },
    comment: null,
    judgedAt: null,
  }));
  ws.db.transaction(() => {
    ws.reviews.create(
      { id, projectId: input.projectId, runA, runB, labelA: input.labelA, labelB: input.labelB, seed, createdAt: new Date().toISOString() },
      items,
    );
    ws.audit.append({ actor: 'user', action: 'review.create', subject: id, details: { projectId: input.projectId, runA, runB, pairs: items.length } });
  })();
  return reviewSession(ws, id);
}

export interface Judgement {
  verdict: ShownVerdict;
  ratings?: { first?: ReviewRatings | undefined; second?: ReviewRatings | undefined } | undefined;
  comment?: string | undefined;
}

/** Records a verdict given in shown order; ratings and comment left out keep what was there. */
export function judgePair(ws: Workspace, id: string, position: number, j: Judgement): ReviewItemView {
  const s = requireReview(ws, id);
  if (s.signedOffAt) throw new FieldtuneError('CONFLICT', 'This review is signed off; its verdicts can no longer change.');
  const it = ws.reviews.item(id, position);
  if (!it) throw new FieldtuneError('NOT_FOUND', `This review has no pair #${position + 1}`);
  const verdict: Side | 'tie' = j.verdict === 'tie' ? 'tie' : j.verdict === 'first' ? firstSide(it) : secondSide(it);
  const ratings = {
    ...it.ratings,
    ...(j.ratings?.first ? { [firstSide(it)]: j.ratings.first } : {}),
    ...(j.ratings?.second ? { [secondSide(it)]: j.ratings.second } : {}),
  } as { A: ReviewRatings; B: ReviewRatings };
  const comment = j.comment === undefined ? it.comment : j.comment.trim() || null;
  ws.reviews.judge(id, position, verdict, ratings, comment, new Date().toISOString());
  return itemView(ws.reviews.item(id, position)!);
}

function meanRatings(items: ReviewItemRecord[], side: Side): ReviewResult['meanRatings']['A'] {
  const mean = (aspect: (typeof RATING_ASPECTS)[number]): number | null => {
    const values = items.map((it) => it.ratings[side][aspect]).filter((v): v is number => typeof v === 'number');
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  return { accuracy: mean('accuracy'), relevance: mean('relevance'), style: mean('style') };
}

export function reviewResult(items: ReviewItemRecord[]): ReviewResult {
  const judged = items.filter((it): it is ReviewItemRecord & { verdict: Side | 'tie' } => it.verdict !== null);
  const categories = [...new Set(judged.map((it) => it.category).filter((c): c is string => c !== null))].sort();
  return {
    ...tally(judged.map((it) => it.verdict)),
    byCategory: categories.map((category) => ({ category, ...tally(judged.filter((it) => it.category === category).map((it) => it.verdict)) })),
    meanRatings: { A: meanRatings(judged, 'A'), B: meanRatings(judged, 'B') },
  };
}

/** Ends the review: every pair must have a verdict (a tie is one). The sign-off and its result go to the audit log. */
export function signOffReview(ws: Workspace, id: string, reviewer: string): ReviewSession {
  const s = requireReview(ws, id);
  if (s.signedOffAt) throw new FieldtuneError('CONFLICT', `This review was already signed off by ${s.reviewer} on ${s.signedOffAt}.`);
  const items = ws.reviews.items(id);
  const open = items.filter((it) => it.verdict === null).map((it) => `#${it.position + 1}`);
  if (open.length > 0) {
    const list = open.length > 8 ? `${open.slice(0, 8).join(', ')} and ${open.length - 8} more` : open.join(', ');
    throw new FieldtuneError(
      'INVALID_INPUT',
      `${open.length} of ${items.length} pairs have no verdict yet (${list}): pick the better answer or a tie for each, then sign off.`,
    );
  }
  const result = reviewResult(items);
  const at = new Date().toISOString();
  ws.db.transaction(() => {
    if (!ws.reviews.signOff(id, reviewer, at, result)) throw new FieldtuneError('CONFLICT', 'This review was signed off meanwhile.');
    ws.audit.append({
      actor: reviewer,
      action: 'review.sign-off',
      subject: id,
      details: {
        projectId: s.projectId,
        reviewer,
        signedOffAt: at,
        runA: s.runA,
        runB: s.runB,
        labelA: s.labelA,
        labelB: s.labelB,
        result: { total: result.total, winsA: result.winsA, winsB: result.winsB, ties: result.ties, winRateB: result.winRateB, winner: result.winner },
      },
    });
  })();
  return reviewSession(ws, id);
}
