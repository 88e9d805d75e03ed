// The Evaluate step: pick a finished run (the project's candidate by default), start an evaluation as a job, follow
// its progress, and read the stored evaluations (the latest one in full, the project's history for drift). The
// failure browser's "Send to Data" sends a corrected answer to the project's candidate inbox ('inbox:add').
import { create } from 'zustand';
import type { Message } from '../../../electron/contract/domain.js';
import type { EvalReport } from '../../../electron/contract/evalRequests.js';
import type { DriftFinding, Evaluation, EvaluationSummary } from '../../../electron/contract/evaluation.js';
import type { TrainingRun } from '../../../electron/contract/train.js';
import { api } from '../transport/api.js';
import { ApiError } from '../transport/transport.js';
import { errorText } from './errorWords.js';
import { checksRequest, useEvalRulesStore } from './evalRulesStore.js';
import { followJob } from './followJob.js';
import { findRunningJob } from './jobsStore.js';

/** What the failure browser sends to the inbox (helper "review"'s 'inbox:add' request). */
export interface InboxItem {
  projectId: string;
  source: 'evaluate';
  runId: string;
  prompt: Message[];
  answers: { label: string; text: string }[];
  correction: string;
}

interface EvalState {
  projectId: string | null;
  runs: TrainingRun[];
  runId: string | null;
  baseline: boolean;
  probes: boolean;
  /** Longest answer, in tokens (word pieces). */
  maxNewTokens: number;
  jobId: string | null;
  history: EvaluationSummary[];
  /** Where later evaluations score worse than earlier ones beyond their interval (newest first). */
  drift: DriftFinding[];
  current: Evaluation | null;
  report: EvalReport | null;
  /** Saving a copy of the open report: what happened, and a file in the way (the dialog asks before replacing it). */
  reportSave: { notice: string | null; error: string | null; exists: string | null };
  error: string | null;
  notice: string | null;
  open(projectId: string): Promise<void>;
  setRun(id: string): void;
  setBaseline(on: boolean): void;
  setProbes(on: boolean): void;
  setMaxNewTokens(n: number): void;
  start(): Promise<void>;
  show(id: string): Promise<void>;
  openReport(): Promise<void>;
  closeReport(): void;
  saveReport(format: 'html' | 'pdf', outFile: string, overwrite?: boolean): Promise<void>;
  /** The person keeps the file that was in the way: the question goes, nothing is written. */
  keepReportFile(): void;
  sendToData(item: Omit<InboxItem, 'projectId' | 'source' | 'runId'>): Promise<boolean>;
}

const NO_SAVE = { notice: null, error: null, exists: null };

export const useEvalStore = create<EvalState>((set, get) => {
  const fail = (e: unknown) => set({ error: errorText(e) });
  const loadHistory = async () => {
    const projectId = get().projectId;
    if (!projectId) return;
    const [history, drift] = await Promise.all([api.call('eval:list', { projectId }), api.call('eval:drift', { projectId })]);
    set({ history, drift });
    const latest = history.find((h) => h.runId === get().runId) ?? history[0];
    if (latest && get().current?.id !== latest.id) await get().show(latest.id);
  };
  const follow = (job: Parameters<typeof followJob<'eval.run'>>[0]) => {
    set({ jobId: job.id, error: null, notice: null });
    followJob(job, {
      settled: () => set({ jobId: null }),
      succeeded: (r) => {
        set({ notice: 'The evaluation finished. The results are below.' });
        void loadHistory()
          .then(() => get().show(r.evaluationId))
          .catch(fail);
      },
      failed: (message) => set({ error: message }),
      stopped: () => set({ notice: 'The evaluation was stopped; nothing was saved.' }),
    });
  };
  return {
    projectId: null,
    runs: [],
    runId: null,
    baseline: true,
    probes: true,
    maxNewTokens: 256,
    jobId: null,
    history: [],
    drift: [],
    current: null,
    report: null,
    reportSave: NO_SAVE,
    error: null,
    notice: null,

    async open(projectId) {
      set({ projectId, error: null, notice: null, current: null, report: null, history: [], drift: [], jobId: null });
      try {
        const runs = (await api.call('train:runs', { projectId })).filter((r) => r.status === 'succeeded' && r.adapterSha256);
        const runId = (runs.find((r) => r.candidate) ?? runs[0])?.id ?? null;
        set({ runs, runId });
        await loadHistory();
        // a reload finds an evaluation still running for this run
        if (runId) {
          const running = await findRunningJob('eval.run', { subject: runId, projectId });
          if (running) follow(running);
        }
      } catch (e) {
        fail(e);
      }
    },
    setRun: (runId) => set({ runId }),
    setBaseline: (baseline) => set({ baseline }),
    setProbes: (probes) => set({ probes }),
    setMaxNewTokens: (maxNewTokens) => set({ maxNewTokens }),

    async start() {
      const { runId, baseline, probes, maxNewTokens } = get();
      if (!runId) return;
      // the specialist's rules and JSON expectations go with the request; the button waits while one needs fixing
      const checks = checksRequest(useEvalRulesStore.getState());
      if (!checks) return;
      set({ error: null, notice: null });
      try {
        follow(await api.call('eval:start', { runId, baseline, probes, maxNewTokens, ...checks }));
      } catch (e) {
        fail(e);
      }
    },

    async show(id) {
      try {
        set({ current: await api.call('eval:get', { id }), report: null });
      } catch (e) {
        fail(e);
      }
    },

    async openReport() {
      const current = get().current;
      if (!current) return;
      try {
        const report = await api.call('eval:report', { id: current.id });
        set({ report });
        await loadHistory();
      } catch (e) {
        fail(e);
      }
    },
    closeReport: () => set({ report: null, reportSave: NO_SAVE }),
    keepReportFile: () => set({ reportSave: NO_SAVE }),
    async saveReport(format, outFile, overwrite = false) {
      const current = get().current;
      if (!current) return;
      set({ reportSave: NO_SAVE });
      try {
        const { file } = await api.call('eval:save-report', { id: current.id, format, outFile, overwrite });
        const plain = get().report?.encrypted ? ' Unlike the workspace, this copy is not encrypted: keep it somewhere safe.' : '';
        set({ reportSave: { ...NO_SAVE, notice: `Saved a copy to ${file}.${plain}` } });
      } catch (e) {
        // a file is there already: the dialog asks instead of showing an error
        if (e instanceof ApiError && e.payload.fix?.setting === 'overwrite')
          set({ reportSave: { ...NO_SAVE, exists: String(e.payload.details?.['file'] ?? outFile) } });
        else set({ reportSave: { ...NO_SAVE, error: errorText(e) } });
      }
    },

    async sendToData(item) {
      const { projectId, current } = get();
      if (!projectId || !current) return false;
      const input: InboxItem = { projectId, source: 'evaluate', runId: current.runId, ...item };
      try {
        await api.call('inbox:add', input);
        set({ notice: 'Sent to the Data step’s inbox: review it there to add it as a training example.', error: null });
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
  };
});
