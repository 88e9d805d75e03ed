// Models already on this computer: the 'Look for models' job (models:discover) and picking one, which registers it
// with the ordinary models:register (its fingerprint is computed once, then remembered).
import { create } from 'zustand';
import type { BaseModel } from '../../../electron/contract/domain.js';
import type { DiscoveredModel } from '../../../electron/contract/models.js';
import { api } from '../transport/api.js';
import { errorText } from './errorWords.js';
import { followJob } from './followJob.js';

interface DiscoverState {
  candidates: DiscoveredModel[];
  /** Whether a look has finished at least once (an empty list then means none were found). */
  looked: boolean;
  /** The running look's job id, so the screen can show its progress and cancel it. */
  jobId: string | null;
  /** The path being registered after a pick. */
  picking: string | null;
  error: string | null;
  look(folders?: string[]): Promise<void>;
  cancel(): Promise<void>;
  /** Registers the candidate (unless it is already) and hands the registered model to `chosen`. */
  pick(candidate: DiscoveredModel, chosen: (model: BaseModel) => void): Promise<void>;
}

export const useDiscoverStore = create<DiscoverState>((set, get) => ({
  candidates: [],
  looked: false,
  jobId: null,
  picking: null,
  error: null,
  async look(folders = []) {
    set({ error: null });
    try {
      const job = await api.call('models:discover', { folders });
      set({ jobId: job.id });
      followJob(job, {
        settled: () => set({ jobId: null }),
        succeeded: (result) => set({ candidates: result.candidates, looked: true }),
        failed: (error) => set({ error }),
      });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  async cancel() {
    const { jobId } = get();
    if (jobId) await api.call('jobs:cancel', { id: jobId }).catch((error: unknown) => set({ error: errorText(error) }));
  },
  async pick(candidate, chosen) {
    set({ error: null });
    try {
      if (candidate.registeredModelId) {
        const model = (await api.call('models:list', {})).find((m) => m.id === candidate.registeredModelId);
        if (model) return chosen(model);
      }
      set({ picking: candidate.path });
      const job = await api.call('models:register', { path: candidate.path, label: candidate.name });
      followJob(job, {
        settled: () => set({ picking: null }),
        succeeded: (model) => {
          set({ candidates: get().candidates.map((c) => (c.path === candidate.path ? { ...c, registeredModelId: model.id } : c)) });
          chosen(model);
        },
        failed: (error) => set({ error }),
      });
    } catch (error) {
      set({ picking: null, error: errorText(error) });
    }
  },
}));
