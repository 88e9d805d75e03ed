// The blinded expert review as the Evaluate step shows it: the project's reviews, the one open, the pair on screen and
// the reviewer's pending choice. Verdicts travel in shown order ('first'/'second'); the store never learns which side
// was which before the sign-off, because the core does not say.
import { create } from 'zustand';
import type { Evaluation } from '../../../electron/contract/evaluation.js';
import type { ReviewRatings, ReviewSession, ReviewSummary, ShownVerdict } from '../../../electron/contract/reviewRequests.js';
import { api } from '../transport/api.js';

export interface PairDraft {
  verdict: ShownVerdict | null;
  ratings: { first: ReviewRatings; second: ReviewRatings };
  comment: string;
}

interface ReviewState {
  projectId: string | null;
  sessions: ReviewSummary[];
  session: ReviewSession | null;
  /** Index into session.items of the pair on screen. */
  index: number;
  draft: PairDraft;
  busy: boolean;
  /** All pairs judged, but the reviewer went back to look at them before signing off. */
  revisiting: boolean;
  error: string | null;
  notice: string | null;
  open(projectId: string): Promise<void>;
  openSession(id: string): Promise<void>;
  /** A new review of an evaluation's answers: the original model's against the tuned model's, for every test question. */
  startFromEvaluation(evaluation: Evaluation): Promise<void>;
  close(): void;
  setRevisiting(revisiting: boolean): void;
  choose(verdict: ShownVerdict): void;
  rate(side: 'first' | 'second', aspect: keyof ReviewRatings, value: number | undefined): void;
  setComment(comment: string): void;
  /** Saves the pair on screen and moves to the next one without a verdict (or the next one). */
  saveAndNext(): Promise<boolean>;
  go(index: number): void;
  signOff(reviewer: string): Promise<boolean>;
  sendToInbox(): Promise<boolean>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function draftOf(session: ReviewSession | null, index: number): PairDraft {
  const item = session?.items[index];
  return {
    verdict: item?.verdict ?? null,
    ratings: item ? { first: { ...item.ratings.first }, second: { ...item.ratings.second } } : { first: {}, second: {} },
    comment: item?.comment ?? '',
  };
}

export const useReviewStore = create<ReviewState>((set, get) => ({
  projectId: null,
  sessions: [],
  session: null,
  index: 0,
  draft: draftOf(null, 0),
  busy: false,
  revisiting: false,
  error: null,
  notice: null,
  async open(projectId) {
    if (get().projectId !== projectId) set({ projectId, sessions: [], session: null, error: null, notice: null });
    try {
      const sessions = await api.call('review:list', { projectId });
      if (get().projectId === projectId) set({ sessions });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  async openSession(id) {
    set({ busy: true, error: null, notice: null });
    try {
      const session = await api.call('review:get', { id });
      const open = session.items.findIndex((i) => i.verdict === null);
      const index = open >= 0 ? open : 0;
      set({ session, index, draft: draftOf(session, index), revisiting: false });
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ busy: false });
    }
  },
  async startFromEvaluation(evaluation) {
    const items = evaluation.result.examples
      .filter((e) => e.answers.base !== undefined && e.answers.tuned !== undefined)
      .map((e) => ({
        // one question reads as itself; a longer conversation shows who said what before the question
        prompt:
          e.prompt.length === 1
            ? e.prompt[0]!.content
            : e.prompt.map((m) => `${m.role === 'user' ? 'Question' : m.role === 'assistant' ? 'Answer' : 'Instructions'}: ${m.content}`).join('\n\n'),
        answerA: e.answers.base!,
        answerB: e.answers.tuned!,
        ...(e.category ? { category: e.category } : {}),
      }));
    if (!evaluation.projectId) return set({ error: 'This evaluation belongs to no project, so its review would have nowhere to live.' });
    if (items.length === 0) return set({ error: 'This evaluation has no pair of answers to compare.' });
    set({ busy: true, error: null, notice: null });
    try {
      const created = await api.call('review:create', {
        projectId: evaluation.projectId,
        runB: evaluation.runId,
        labelA: 'Original model',
        labelB: 'Tuned model',
        items: items.filter((i) => i.prompt.trim() !== '').slice(0, 5000),
      });
      await get().open(evaluation.projectId);
      await get().openSession(created.id);
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ busy: false });
    }
  },
  close() {
    set({ session: null, error: null, notice: null });
    const projectId = get().projectId;
    if (projectId) void get().open(projectId);
  },
  setRevisiting(revisiting) {
    set({ revisiting });
  },
  choose(verdict) {
    set((s) => ({ draft: { ...s.draft, verdict }, error: null }));
  },
  rate(side, aspect, value) {
    set((s) => {
      const ratings = { ...s.draft.ratings[side] };
      if (value === undefined) delete ratings[aspect];
      else ratings[aspect] = value;
      return { draft: { ...s.draft, ratings: { ...s.draft.ratings, [side]: ratings } } };
    });
  },
  setComment(comment) {
    set((s) => ({ draft: { ...s.draft, comment } }));
  },
  async saveAndNext() {
    const { session, index, draft } = get();
    const item = session?.items[index];
    if (!session || !item) return false;
    if (!draft.verdict) {
      set({ error: 'Pick the better answer (1 or 2) or call it a tie (T) first.' });
      return false;
    }
    set({ busy: true, error: null });
    try {
      const saved = await api.call('review:judge', {
        id: session.id,
        position: item.position,
        verdict: draft.verdict,
        ratings: draft.ratings,
        comment: draft.comment,
      });
      const items = session.items.map((it, i) => (i === index ? saved : it));
      // Next: the first pair after this one still without a verdict, else any before it, else stay (all done).
      const after = items.findIndex((it, i) => i > index && it.verdict === null);
      const anyOpen = items.findIndex((it) => it.verdict === null);
      const next = after >= 0 ? after : anyOpen >= 0 ? anyOpen : index;
      const updated = { ...session, items, judged: items.filter((it) => it.verdict !== null).length };
      set({ session: updated, index: next, draft: draftOf(updated, next) });
      return true;
    } catch (e) {
      set({ error: message(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  go(index) {
    const session = get().session;
    if (!session || index < 0 || index >= session.items.length) return;
    set({ index, draft: draftOf(session, index), error: null });
  },
  async signOff(reviewer) {
    const session = get().session;
    if (!session) return false;
    set({ busy: true, error: null });
    try {
      set({ session: await api.call('review:sign-off', { id: session.id, reviewer }) });
      const projectId = get().projectId;
      if (projectId) void get().open(projectId);
      return true;
    } catch (e) {
      set({ error: message(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  async sendToInbox() {
    const session = get().session;
    if (!session) return false;
    set({ busy: true, error: null });
    try {
      const { added } = await api.call('review:to-inbox', { id: session.id });
      set({
        session: await api.call('review:get', { id: session.id }),
        notice: `Sent ${added} choice${added === 1 ? '' : 's'} to Suggestions in the Data step, where each can be accepted as a training example.`,
      });
      return true;
    } catch (e) {
      set({ error: message(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
}));
