// The fit check and generated examples as the Data step shows them: the check's answers and recommendation, the
// forms that start a 'data.generate' job (questions from documents, variations of existing questions), and the job
// being followed. The suggestions it makes are reviewed through the inbox store, like every other suggestion.
import { create } from 'zustand';
import { readyForReview, type FitAnswers, type FitRecommendation, type GenerateResult, type VariationKind } from '../../../electron/contract/generate.js';
import { api } from '../transport/api.js';
import { followJob } from './followJob.js';
import { useInboxStore } from './inboxStore.js';
import { useJobsStore } from './jobsStore.js';

export interface QuestionForm {
  paths: string;
  modelId: string;
  questionsPerPassage: number;
  passageChars: number;
  maxNewTokens: number;
}

export interface AugmentForm {
  kinds: VariationKind[];
  limit: number;
  maxNewTokens: number;
}

interface GenerateState {
  fit: Partial<FitAnswers>;
  recommendation: FitRecommendation | null;
  questions: QuestionForm;
  augment: AugmentForm;
  jobId: string | null;
  error: string | null;
  notice: string | null;
  setFit(patch: Partial<FitAnswers>): void;
  checkFit(): Promise<void>;
  setQuestions(patch: Partial<QuestionForm>): void;
  setAugment(patch: Partial<AugmentForm>): void;
  browse(): Promise<void>;
  startQuestions(projectId: string): Promise<void>;
  startAugment(projectId: string, versionId: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const FIT_KEYS = ['goodExamples', 'vocabulary', 'format', 'usage', 'wrongCost'] as const;

function summary(r: GenerateResult): string {
  const what = r.mode === 'questions' ? `${r.inputs} passage${r.inputs === 1 ? '' : 's'}` : `${r.inputs} example${r.inputs === 1 ? '' : 's'}`;
  const parts = [`${r.suggested} new suggestion${r.suggested === 1 ? '' : 's'} from ${what} are waiting for you below`];
  if (r.duplicates) parts.push(`${r.duplicates} left out as copies of questions you already have`);
  if (r.empty) parts.push(`${r.empty} left out because the model wrote nothing usable`);
  const skipped = r.unreadable.length ? ` Skipped: ${r.unreadable.join('; ')}.` : '';
  return `${parts.join('; ')}.${skipped}`;
}

export const useGenerateStore = create<GenerateState>((set, get) => {
  function follow(job: Parameters<typeof followJob<'data.generate'>>[0]) {
    set({ jobId: job.id, error: null, notice: null });
    // The core stores suggestions group by group and says how many are ready in the progress line: each time that
    // line changes the review list is reloaded, so the specialist can start while the model goes on writing.
    let phase = job.progress.phase;
    let ready = 0;
    const unsubscribe = useJobsStore.subscribe((s) => {
      const now = s.jobs[job.id]?.progress.phase ?? '';
      if (now === phase) return;
      phase = now;
      const count = readyForReview(now);
      if (count !== null && count !== ready) {
        ready = count;
        void useInboxStore.getState().reload();
      }
    });
    followJob(job, {
      succeeded: (result) => {
        set({ notice: summary(result) });
        void useInboxStore.getState().reload();
      },
      failed: (msg) => {
        set({ error: ready > 0 ? `${msg} The ${ready} suggestion${ready === 1 ? '' : 's'} written before that wait for you below.` : msg });
        void useInboxStore.getState().reload();
      },
      stopped: () => {
        set({
          notice:
            ready > 0
              ? `Stopped. The ${ready} suggestion${ready === 1 ? '' : 's'} written before you stopped wait for you below.`
              : 'Stopped before any suggestion was finished: nothing was added.',
        });
        void useInboxStore.getState().reload();
      },
      settled: () => {
        unsubscribe();
        set({ jobId: null });
      },
    });
  }

  return {
    fit: {},
    recommendation: null,
    questions: { paths: '', modelId: '', questionsPerPassage: 2, passageChars: 1500, maxNewTokens: 200 },
    augment: { kinds: ['reword'], limit: 50, maxNewTokens: 120 },
    jobId: null,
    error: null,
    notice: null,
    setFit(patch) {
      set((s) => ({ fit: { ...s.fit, ...patch }, recommendation: null }));
    },
    async checkFit() {
      const fit = get().fit;
      if (!FIT_KEYS.every((k) => fit[k] !== undefined)) {
        set({ error: 'Answer every question first: the recommendation depends on all five.' });
        return;
      }
      try {
        set({ error: null, recommendation: await api.call('generate:fit', fit as FitAnswers) });
      } catch (e) {
        set({ error: message(e) });
      }
    },
    setQuestions(patch) {
      set((s) => ({ questions: { ...s.questions, ...patch } }));
    },
    setAugment(patch) {
      set((s) => ({ augment: { ...s.augment, ...patch } }));
    },
    async browse() {
      const path = await api.pickPath({ kind: 'file', title: 'Choose a document', filters: [{ name: 'Documents', extensions: ['pdf', 'docx', 'txt', 'md'] }] });
      if (path) set((s) => ({ questions: { ...s.questions, paths: s.questions.paths.trim() ? `${s.questions.paths.trim()}\n${path}` : path } }));
    },
    async startQuestions(projectId) {
      const q = get().questions;
      const paths = q.paths
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean);
      try {
        set({ error: null, notice: null });
        follow(
          await api.call('generate:questions', {
            projectId,
            modelId: q.modelId,
            paths,
            questionsPerPassage: q.questionsPerPassage,
            passageChars: q.passageChars,
            maxNewTokens: q.maxNewTokens,
          }),
        );
      } catch (e) {
        set({ error: message(e) });
      }
    },
    async startAugment(projectId, versionId) {
      const a = get().augment;
      try {
        set({ error: null, notice: null });
        follow(
          await api.call('generate:augment', {
            projectId,
            versionId,
            modelId: get().questions.modelId,
            kinds: a.kinds,
            limit: a.limit,
            maxNewTokens: a.maxNewTokens,
          }),
        );
      } catch (e) {
        set({ error: message(e) });
      }
    },
  };
});
