// The Export step: pick a finished run, a format (with its options), edit the model card, export as a job with
// progress, and see what was written. Adapter versions (current, promote, roll back) are shown beside it.
import { create } from 'zustand';
import type { AdapterList, ExportFormat, ExportResult, ImportedAdapter, QuantType } from '../../../electron/contract/adapters.js';
import type { TrainingRun } from '../../../electron/contract/train.js';
import { api } from '../transport/api.js';
import { ApiError } from '../transport/transport.js';
import { errorText } from './errorWords.js';
import { followJob } from './followJob.js';

interface ExportState {
  projectId: string | null;
  runs: TrainingRun[];
  runId: string | null;
  format: ExportFormat;
  out: string;
  quant: QuantType;
  passphrase: string;
  card: string;
  cardEdited: boolean;
  confirmed: boolean;
  jobId: string | null;
  /** Set when the destination exists: the step offers to replace it. */
  exists: string | null;
  result: ExportResult | null;
  /** The chosen run's latest leak check: false when it failed (the step warns before sharing), null when never run. */
  leakPassed: boolean | null;
  versions: AdapterList | null;
  /** Bringing in an adapter someone shared (a bundle) or a PEFT folder. */
  importPath: string;
  importPassphrase: string;
  imported: ImportedAdapter | null;
  importing: boolean;
  error: string | null;
  notice: string | null;
  open(projectId: string): Promise<void>;
  chooseRun(runId: string): Promise<void>;
  setFormat(format: ExportFormat): void;
  set(patch: Partial<Pick<ExportState, 'out' | 'quant' | 'passphrase' | 'confirmed'>>): void;
  editCard(text: string): void;
  start(overwrite?: boolean): Promise<void>;
  /** The person keeps what is at the destination: the question goes, nothing is written. */
  keepExisting(): void;
  promote(runId: string): Promise<void>;
  rollback(): Promise<void>;
  setImport(patch: Partial<Pick<ExportState, 'importPath' | 'importPassphrase'>>): void;
  importAdapter(): Promise<void>;
  trustSigner(): Promise<void>;
}

/** Where each format is written by default: a file name or a folder name under the home folder. */
const DEFAULT_OUT: Record<ExportFormat, string> = {
  gguf: 'adapter.gguf',
  merged: 'merged-model.gguf',
  peft: 'adapter-peft',
  ollama: 'adapter-ollama',
  bundle: 'adapter.ftadapter',
  job: 'training-job-package',
};

export const useExportStore = create<ExportState>((set, get) => ({
  projectId: null,
  runs: [],
  runId: null,
  format: 'bundle',
  out: DEFAULT_OUT.bundle,
  quant: 'Q8_0',
  passphrase: '',
  card: '',
  cardEdited: false,
  confirmed: false,
  jobId: null,
  exists: null,
  result: null,
  leakPassed: null,
  versions: null,
  importPath: '',
  importPassphrase: '',
  imported: null,
  importing: false,
  error: null,
  notice: null,

  async open(projectId) {
    set({ projectId, error: null, notice: null, result: null });
    try {
      const runs = (await api.call('train:runs', { projectId })).filter((r) => r.status === 'succeeded' && r.adapterSha256);
      const versions = await api.call('adapters:list', { projectId });
      set({ runs, versions });
      const pick = versions.currentRunId ?? runs.find((r) => r.candidate)?.id ?? runs[0]?.id ?? null;
      if (pick) await get().chooseRun(pick);
    } catch (e) {
      set({ error: errorText(e) });
    }
  },

  async chooseRun(runId) {
    set({ runId, result: null, error: null, leakPassed: null });
    try {
      const { markdown } = await api.call('adapters:card', { runId });
      const leak = (await api.call('eval:list', { runId })).find((e) => e.leakPassed !== null);
      set({ card: markdown, cardEdited: false, leakPassed: leak?.leakPassed ?? null });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },

  setFormat(format) {
    set({ format, out: DEFAULT_OUT[format], result: null, error: null, confirmed: false, exists: null });
  },

  keepExisting: () => set({ exists: null }),
  set(patch) {
    set(patch);
  },

  editCard(text) {
    set({ card: text, cardEdited: true });
  },

  async start(overwrite = false) {
    const s = get();
    if (!s.runId) return set({ error: 'Choose a training run to export.' });
    set({ error: null, notice: null, result: null, exists: null });
    try {
      const job = await api.call('adapters:export', {
        runId: s.runId,
        format: s.format,
        out: s.out,
        ...(s.format === 'merged' ? { quant: s.quant } : {}),
        ...(s.format === 'bundle' && s.passphrase ? { passphrase: s.passphrase } : {}),
        ...(s.cardEdited ? { card: s.card } : {}),
        ...(s.format === 'job' ? { confirm: s.confirmed } : {}),
        ...(overwrite ? { overwrite: true } : {}),
      });
      set({ jobId: job.id });
      followJob(job, {
        succeeded: (result) => set({ result, notice: `Exported to ${result.out}` }),
        failed: (message) => set({ error: message }),
        stopped: () => set({ notice: 'The export was stopped.' }),
        settled: () => set({ jobId: null }),
      });
    } catch (e) {
      if (e instanceof ApiError && e.payload.fix?.setting === 'overwrite') set({ exists: s.out });
      else set({ error: errorText(e) });
    }
  },

  async promote(runId) {
    try {
      set({ versions: await api.call('adapters:promote', { runId }), notice: 'This adapter is now the project’s current one.' });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },

  setImport(patch) {
    set(patch);
  },

  async importAdapter() {
    const s = get();
    const project = s.projectId;
    if (!s.importPath.trim()) return set({ error: 'Give the path of the shared file to bring in.' });
    set({ importing: true, error: null, notice: null, imported: null });
    try {
      const imported = await api.call('adapters:import', {
        path: s.importPath,
        ...(project ? { project } : {}),
        ...(s.importPassphrase ? { passphrase: s.importPassphrase } : {}),
      });
      if (project) await get().open(project);
      set({ imported, notice: `Added to ${imported.projectName} as a new run.` });
    } catch (e) {
      set({ error: errorText(e) });
    } finally {
      set({ importing: false });
    }
  },

  async trustSigner() {
    const signer = get().imported?.signer;
    if (!signer) return;
    try {
      await api.call('keys:trust', { fingerprint: signer.fingerprint });
      set((st) => ({ imported: st.imported && { ...st.imported, signer: { ...signer, status: 'trusted' } }, notice: 'You now trust this sender’s key.' }));
    } catch (e) {
      set({ error: errorText(e) });
    }
  },

  async rollback() {
    const projectId = get().projectId;
    if (!projectId) return;
    try {
      set({ versions: await api.call('adapters:rollback', { projectId }), notice: 'Went back to the previous adapter.' });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
}));
