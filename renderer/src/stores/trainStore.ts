// The Train step: choose a model and dataset versions, a preset (or every setting), see the estimate, start, watch
// the run live, stop or resume it, and look back at earlier runs (compare two, mark the project's candidate).
import { create } from 'zustand';
import type { BaseModel } from '../../../electron/contract/domain.js';
import type { DatasetVersion } from '../../../electron/contract/datasets.js';
import type { TrainerEvent } from '../../../electron/contract/trainerEvents.js';
import type { Hardware, PreflightEstimate, Preset, PresetId, RunComparison, RunDetail, TrainingRun } from '../../../electron/contract/train.js';
import type { TrainingSettings } from '../../../electron/contract/training.js';
import { outsideSafeRange } from '../../../electron/contract/training.js';
import { api } from '../transport/api.js';
import { errorText } from './errorWords.js';
import { followJob } from './followJob.js';

export interface VersionChoice {
  id: string;
  label: string;
  examples: number;
}

export interface LivePoint {
  step: number;
  loss: number;
}

interface TrainState {
  projectId: string | null;
  models: BaseModel[];
  versions: VersionChoice[];
  modelId: string | null;
  /** Chosen dataset versions and their weights. */
  chosen: Record<string, number>;
  presets: Preset[];
  preset: PresetId | 'custom';
  /** The user's own values (Advanced), over the preset's. */
  overrides: TrainingSettings;
  advanced: boolean;
  hardware: Hardware | null;
  estimate: PreflightEstimate | null;
  estimating: boolean;
  /** Values outside the safe range the user has confirmed. */
  confirmedUnusual: boolean;
  continueFrom: string | null;
  replay: number;
  runs: TrainingRun[];
  jobId: string | null;
  live: {
    runId: string | null;
    train: LivePoint[];
    val: LivePoint[];
    step: number;
    totalSteps: number;
    tokensPerSecond: number;
    etaSeconds: number;
    memory: number | null;
  };
  detail: RunDetail | null;
  compare: RunComparison | null;
  compareIds: string[];
  error: string | null;
  notice: string | null;
  open(projectId: string): Promise<void>;
  setModel(id: string): void;
  /** A model just registered (picked from those found on this computer): list it and choose it. */
  modelAdded(model: BaseModel): void;
  toggleVersion(id: string, on: boolean): void;
  setWeight(id: string, weight: number): void;
  setPreset(id: PresetId | 'custom'): void;
  setOverrides(next: TrainingSettings): void;
  setAdvanced(on: boolean): void;
  setContinue(runId: string | null, replay?: number): void;
  confirmUnusual(): void;
  loadPresets(): Promise<void>;
  runEstimate(): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  resume(run: TrainingRun): Promise<void>;
  loadRuns(): Promise<void>;
  show(runId: string): Promise<void>;
  toggleCompare(runId: string): Promise<void>;
  markCandidate(runId: string): Promise<void>;
  trainerEvent(payload: { runId: string; jobId: string; projectId: string | null; event: TrainerEvent }): void;
}

const EMPTY_LIVE: TrainState['live'] = { runId: null, train: [], val: [], step: 0, totalSteps: 0, tokensPerSecond: 0, etaSeconds: 0, memory: null };

/** The settings a start would use: the preset's, then the user's own. */
export function effectiveSettings(s: Pick<TrainState, 'presets' | 'preset' | 'overrides'>): TrainingSettings {
  const base = s.preset === 'custom' ? {} : (s.presets.find((p) => p.id === s.preset)?.settings ?? {});
  return { ...base, ...s.overrides };
}

export const useTrainStore = create<TrainState>((set, get) => {
  const fail = (e: unknown) => set({ error: errorText(e) });
  const datasets = () => Object.entries(get().chosen).map(([versionId, weight]) => ({ versionId, weight }));
  const follow = (job: Parameters<typeof followJob<'train.run'>>[0]) => {
    set({ jobId: job.id, live: EMPTY_LIVE, notice: null, error: null });
    followJob(job, {
      settled: () => {
        set({ jobId: null });
        void get().loadRuns();
      },
      succeeded: (r) =>
        set({ notice: `Training finished: ${r.done.steps} steps in ${Math.round(r.done.seconds)} s. The new adapter is in the run history below.` }),
      failed: (message) => set({ error: message }),
      stopped: () => set({ notice: 'Training stopped. Its progress was saved: choose “Resume from checkpoint” in the history to continue.' }),
    });
  };
  return {
    projectId: null,
    models: [],
    versions: [],
    modelId: null,
    chosen: {},
    presets: [],
    preset: 'quick',
    overrides: {},
    advanced: false,
    hardware: null,
    estimate: null,
    estimating: false,
    confirmedUnusual: false,
    continueFrom: null,
    replay: 0.2,
    runs: [],
    jobId: null,
    live: EMPTY_LIVE,
    detail: null,
    compare: null,
    compareIds: [],
    error: null,
    notice: null,

    async open(projectId) {
      set({ projectId, error: null, notice: null, estimate: null, detail: null, compare: null, compareIds: [] });
      try {
        const [models, list, hardware] = await Promise.all([
          api.call('models:list', {}),
          api.call('datasets:list', { projectId }),
          api.call('train:hardware', {}),
        ]);
        const versions: VersionChoice[] = list.flatMap((d) =>
          d.kind === 'chat'
            ? d.versions.map((v: DatasetVersion, i) => ({ id: v.id, label: `${d.name}, version ${i + 1} (${v.operation})`, examples: v.examples }))
            : [],
        );
        const newest = versions.at(-1);
        set({ models, versions, hardware, modelId: get().modelId ?? models[0]?.id ?? null, chosen: newest ? { [newest.id]: 1 } : {} });
        await get().loadRuns();
        await get().loadPresets();
      } catch (e) {
        fail(e);
      }
    },
    setModel(id) {
      set({ modelId: id, estimate: null });
      void get().loadPresets();
    },
    modelAdded(model) {
      set({ models: [...get().models.filter((m) => m.id !== model.id), model] });
      get().setModel(model.id);
    },
    toggleVersion(id, on) {
      const chosen = { ...get().chosen };
      if (on) chosen[id] = 1;
      else delete chosen[id];
      set({ chosen, estimate: null });
      void get().loadPresets();
    },
    setWeight(id, weight) {
      set({ chosen: { ...get().chosen, [id]: weight }, estimate: null });
    },
    setPreset: (preset) => set({ preset, estimate: null, confirmedUnusual: false }),
    setOverrides: (overrides) => set({ overrides, estimate: null, confirmedUnusual: false }),
    setAdvanced: (advanced) => set({ advanced }),
    setContinue: (continueFrom, replay) => set({ continueFrom, ...(replay !== undefined ? { replay } : {}), estimate: null }),
    confirmUnusual: () => set({ confirmedUnusual: true }),
    async loadPresets() {
      const { modelId } = get();
      if (!modelId || datasets().length === 0) return set({ presets: [] });
      try {
        set({ presets: await api.call('train:presets', { modelId, datasets: datasets() }) });
      } catch (e) {
        fail(e);
      }
    },
    async runEstimate() {
      const { projectId, modelId } = get();
      if (!projectId || !modelId) return;
      set({ estimating: true, error: null });
      try {
        const estimate = await api.call('train:estimate', {
          projectId,
          modelId,
          datasets: datasets(),
          settings: effectiveSettings(get()),
          ...(get().continueFrom ? { continueFrom: get().continueFrom!, replay: get().replay } : {}),
        });
        set({ estimate });
      } catch (e) {
        fail(e);
      } finally {
        set({ estimating: false });
      }
    },
    async start() {
      const { projectId, modelId, jobId } = get();
      if (!projectId || !modelId || jobId) return; // one run at a time: a second click does nothing
      const settings = effectiveSettings(get());
      if (outsideSafeRange(settings).length > 0 && !get().confirmedUnusual) {
        return set({ error: 'Some settings are outside their usual range. Confirm them below, or change them, before starting.' });
      }
      try {
        const job = await api.call('train:start', {
          projectId,
          modelId,
          datasets: datasets(),
          settings,
          ...(get().preset !== 'custom' ? { preset: get().preset as PresetId } : {}),
          ...(get().continueFrom ? { continueFrom: get().continueFrom!, replay: get().replay } : {}),
        });
        follow(job);
      } catch (e) {
        fail(e);
      }
    },
    async cancel() {
      const id = get().jobId;
      if (id) await api.call('jobs:cancel', { id }).catch(fail);
    },
    async resume(run) {
      if (!run.jobId || get().jobId) return;
      try {
        const job = await api.call('jobs:resume', { id: run.jobId });
        if (job.kind === 'train.run') {
          follow(job);
          void get().loadRuns();
          void get().loadRuns();
          // the resumed run continues the same curve: show what it had
          const detail = await api.call('train:run', { id: run.id });
          set({ live: { ...EMPTY_LIVE, runId: run.id, train: detail.train, val: detail.val, step: run.steps, totalSteps: run.totalSteps ?? 0 } });
        }
      } catch (e) {
        fail(e);
      }
    },
    async loadRuns() {
      const projectId = get().projectId;
      if (!projectId) return;
      try {
        set({ runs: await api.call('train:runs', { projectId }) });
      } catch (e) {
        fail(e);
      }
    },
    async show(runId) {
      try {
        set({ detail: await api.call('train:run', { id: runId }) });
      } catch (e) {
        fail(e);
      }
    },
    async toggleCompare(runId) {
      const ids = get().compareIds.includes(runId) ? get().compareIds.filter((i) => i !== runId) : [...get().compareIds, runId].slice(-2);
      set({ compareIds: ids, compare: null });
      if (ids.length === 2) {
        try {
          set({ compare: await api.call('train:compare', { a: ids[0]!, b: ids[1]! }) });
        } catch (e) {
          fail(e);
        }
      }
    },
    async markCandidate(runId) {
      try {
        await api.call('train:candidate', { id: runId });
        set({ notice: 'This run is now the project’s candidate: Evaluate and Export will open with it.' });
        await get().loadRuns();
      } catch (e) {
        fail(e);
      }
    },
    trainerEvent({ runId, jobId, event }) {
      if (jobId !== get().jobId) return;
      const live = { ...get().live, runId };
      if (event.type === 'step') {
        live.train = [...live.train.filter((p) => p.step < event.step), { step: event.step, loss: event.loss }];
        Object.assign(live, {
          step: event.step,
          totalSteps: event.totalSteps,
          tokensPerSecond: event.tokensPerSecond,
          etaSeconds: event.etaSeconds,
          memory: event.memoryBytes,
        });
      } else if (event.type === 'eval') live.val = [...live.val, { step: event.step, loss: event.valLoss }];
      set({ live });
    },
  };
});
