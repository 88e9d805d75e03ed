// The Playground: the chosen run (or the original model alone), its strength, the instructions, the answer settings,
// and the conversation. Each message goes to every column (the original model and the tuned one side by side); each
// column keeps its own history, since each model answered differently. Replies stream in as 'playground:reply'
// events (stores/events.ts routes them here). A rating or a corrected answer goes to the project's candidate inbox.
import { create } from 'zustand';
import type { BaseModel, Message, Project } from '../../../electron/contract/domain.js';
import type { PlaygroundReply, PlaygroundTarget, ReplyStats, SamplingSettings } from '../../../electron/contract/playgroundRequests.js';
import type { TrainingRun } from '../../../electron/contract/train.js';
import { api } from '../transport/api.js';
import { appMessage, errorText } from './errorWords.js';

export type ColumnId = 'base' | 'tuned';
export type ReplyState = PlaygroundReply['state'] | 'sending';
export type Feedback = { rating: 'up' | 'down' | null; correction: string | null };

export interface Reply {
  replyId: string | null;
  text: string;
  state: ReplyState;
  stats: ReplyStats | null;
  error: string | null;
  /** The adapter's strength this reply was written with (null: the original model); the slider may have moved since. */
  scale: number | null;
  /** What was saved to the inbox for this reply (one suggestion per reply); null: nothing yet. */
  saved: Feedback | null;
  saving: boolean;
}

export interface Turn {
  id: number;
  user: string;
  replies: Partial<Record<ColumnId, Reply>>;
}

export interface Column {
  id: ColumnId;
  /** The model's name in the specialist's words; also the answer's label in the inbox. */
  label: string;
  target: PlaygroundTarget;
}

interface PlaygroundState {
  projectId: string | null;
  runs: TrainingRun[];
  models: BaseModel[];
  /** The run whose adapter answers; null: the original model alone. */
  runId: string | null;
  /** The model that answers when no run is chosen. */
  modelId: string | null;
  compare: boolean;
  scale: number;
  systemPrompt: string;
  sampling: SamplingSettings;
  draft: string;
  turns: Turn[];
  error: string | null;
  open(project: Project): Promise<void>;
  chooseRun(runId: string | null): void;
  chooseModel(modelId: string): void;
  setCompare(compare: boolean): void;
  setScale(scale: number): void;
  setSystemPrompt(text: string): void;
  setSampling(patch: Partial<SamplingSettings>): void;
  setDraft(text: string): void;
  send(): Promise<void>;
  stop(): Promise<void>;
  newConversation(): void;
  saveFeedback(turnId: number, column: ColumnId, feedback: Feedback): Promise<boolean>;
  replyEvent(reply: PlaygroundReply): void;
}

export const DEFAULT_SAMPLING: SamplingSettings = { temperature: 0.7, topP: 0.9, topK: 40, maxTokens: 256 };
const FINISHED: readonly ReplyState[] = ['done', 'stopped', 'failed'];
export const isWriting = (r: Reply | undefined): boolean => r !== undefined && !FINISHED.includes(r.state);

/** The columns for the current choice, left to right: the original model, then the tuned one. */
export function columnsOf(s: Pick<PlaygroundState, 'runs' | 'models' | 'runId' | 'modelId' | 'compare' | 'scale'>): Column[] {
  const run = s.runs.find((r) => r.id === s.runId);
  if (!run) {
    const model = s.models.find((m) => m.id === s.modelId);
    return model ? [{ id: 'base', label: 'Original model', target: { kind: 'base', modelId: model.id } }] : [];
  }
  const tuned: Column = { id: 'tuned', label: 'Tuned model', target: { kind: 'run', runId: run.id, scale: s.scale } };
  return s.compare && run.baseModelId ? [{ id: 'base', label: 'Original model', target: { kind: 'base', modelId: run.baseModelId } }, tuned] : [tuned];
}

/** What a column's model reads for the newest turn: the instructions, then its own earlier answers. */
export function conversation(systemPrompt: string, turns: readonly Turn[], column: ColumnId, upTo: number): Message[] {
  const messages: Message[] = systemPrompt.trim() ? [{ role: 'system', content: systemPrompt.trim() }] : [];
  for (const t of turns) {
    messages.push({ role: 'user', content: t.user });
    if (t.id === upTo) break;
    const answer = t.replies[column]?.text.trim();
    if (answer) messages.push({ role: 'assistant', content: answer });
  }
  return messages;
}

// An event can arrive before the request that started the reply has answered with its id: keep the latest.
const early = new Map<string, PlaygroundReply>();
// Turns the person stopped while their replies were still being asked for: a reply whose id arrives later is stopped
// as soon as it is known, and a column not yet asked is not asked at all.
const stoppedTurns = new Set<number>();
let nextTurn = 1;

export const usePlaygroundStore = create<PlaygroundState>((set, get) => {
  function patchReply(turnId: number, column: ColumnId, patch: Partial<Reply>) {
    set((s) => ({
      turns: s.turns.map((t) => (t.id === turnId && t.replies[column] ? { ...t, replies: { ...t.replies, [column]: { ...t.replies[column], ...patch } } } : t)),
    }));
  }
  function fromEvent(e: PlaygroundReply): Partial<Reply> {
    return { text: e.text, state: e.state, stats: e.stats, error: e.error ? appMessage(e.error) : null };
  }
  // a new conversation (another run, model or project) first stops what is being written for the old one: the core
  // writes one reply at a time, so a forgotten long answer would hold up the next message
  const fresh = () => {
    void get().stop();
    return { turns: [], draft: '', error: null };
  };

  return {
    projectId: null,
    runs: [],
    models: [],
    runId: null,
    modelId: null,
    compare: true,
    scale: 1,
    systemPrompt: '',
    sampling: DEFAULT_SAMPLING,
    draft: '',
    turns: [],
    error: null,

    async open(project) {
      if (get().projectId !== project.id) set({ projectId: project.id, systemPrompt: project.systemPrompt ?? '', runId: null, ...fresh() });
      try {
        const [runs, models] = await Promise.all([api.call('train:runs', { projectId: project.id }), api.call('models:list', {})]);
        const finished = runs.filter((r) => r.status === 'succeeded' && r.adapterSha256);
        const s = get();
        const runId = s.runId && finished.some((r) => r.id === s.runId) ? s.runId : ((finished.find((r) => r.candidate) ?? finished[0])?.id ?? null);
        const modelId = s.modelId && models.some((m) => m.id === s.modelId) ? s.modelId : ((models.find((m) => !m.isDemo) ?? models[0])?.id ?? null);
        set({ runs: finished, models, runId, modelId });
      } catch (e) {
        set({ error: errorText(e) });
      }
    },
    chooseRun(runId) {
      set({ runId, ...fresh() });
    },
    chooseModel(modelId) {
      set({ modelId, ...fresh() });
    },
    setCompare(compare) {
      set({ compare, ...fresh() });
    },
    setScale(scale) {
      set({ scale });
    },
    setSystemPrompt(systemPrompt) {
      set({ systemPrompt });
    },
    setSampling(patch) {
      set((s) => ({ sampling: { ...s.sampling, ...patch } }));
    },
    setDraft(draft) {
      set({ draft });
    },

    async send() {
      const s = get();
      const text = s.draft.trim();
      const columns = columnsOf(s);
      if (!s.projectId || !text || columns.length === 0) return;
      const turnId = nextTurn++;
      const waiting = (c: Column): Reply => ({
        replyId: null,
        text: '',
        state: 'sending',
        stats: null,
        error: null,
        scale: c.target.kind === 'run' ? c.target.scale : null,
        saved: null,
        saving: false,
      });
      const turn: Turn = { id: turnId, user: text, replies: Object.fromEntries(columns.map((c) => [c.id, waiting(c)])) };
      const turns = [...s.turns, turn];
      set({ turns, draft: '', error: null });
      // one request per column, in order: the core writes one reply at a time, so each speed shown is its own
      for (const column of columns) {
        if (stoppedTurns.has(turnId)) {
          patchReply(turnId, column.id, { state: 'stopped' });
          continue;
        }
        try {
          const { replyId } = await api.call('playground:send', {
            projectId: s.projectId,
            target: column.target,
            messages: conversation(s.systemPrompt, turns, column.id, turnId),
            sampling: s.sampling,
          });
          patchReply(turnId, column.id, { replyId, state: 'waiting' });
          if (stoppedTurns.has(turnId)) void api.call('playground:stop', { replyId }).catch(() => undefined);
          const seen = early.get(replyId);
          early.delete(replyId);
          if (seen) patchReply(turnId, column.id, fromEvent(seen));
        } catch (e) {
          patchReply(turnId, column.id, { state: 'failed', error: errorText(e) });
        }
      }
    },

    async stop() {
      const last = get().turns.at(-1);
      if (!last) return;
      stoppedTurns.add(last.id);
      const ids = Object.values(last.replies)
        .filter((r) => isWriting(r) && r.replyId)
        .map((r) => r.replyId!);
      await Promise.all(ids.map((replyId) => api.call('playground:stop', { replyId }).catch(() => undefined)));
    },

    newConversation() {
      set(fresh());
    },

    async saveFeedback(turnId, column, feedback) {
      const s = get();
      const turn = s.turns.find((t) => t.id === turnId);
      const reply = turn?.replies[column];
      const label = columnsOf(s).find((c) => c.id === column)?.label ?? (column === 'tuned' ? 'Tuned model' : 'Original model');
      if (!s.projectId || !turn || !reply) return false;
      patchReply(turnId, column, { saving: true });
      try {
        const correction = feedback.correction?.trim();
        await api.call('inbox:add', {
          projectId: s.projectId,
          source: 'playground',
          ...(column === 'tuned' && s.runId ? { runId: s.runId } : {}),
          prompt: conversation(s.systemPrompt, s.turns, column, turnId),
          answers: [{ label: reply.scale === null ? label : `${label} (strength ${Math.round(reply.scale * 100)}%)`, text: reply.text }],
          // a liked answer is the one to learn from; a corrected one is replaced by the correction
          ...(feedback.rating === 'up' && !correction ? { choice: 0 } : {}),
          ...(feedback.rating ? { rating: feedback.rating } : {}),
          ...(correction ? { correction } : {}),
        });
        patchReply(turnId, column, { saved: { rating: feedback.rating, correction: correction ?? null } });
        return true;
      } catch (e) {
        set({ error: errorText(e) });
        return false;
      } finally {
        patchReply(turnId, column, { saving: false });
      }
    },

    replyEvent(e) {
      if (e.projectId !== get().projectId) return;
      for (const t of get().turns) {
        for (const [column, r] of Object.entries(t.replies) as [ColumnId, Reply][]) {
          if (r.replyId === e.replyId) return patchReply(t.id, column, fromEvent(e));
        }
      }
      early.set(e.replyId, e);
      // forget replies nobody claimed (another window's): keep the map small
      if (early.size > 50) early.delete(early.keys().next().value!);
    },
  };
});
