import { create } from 'zustand';
import type { BaseModel } from '../../../electron/contract/domain.js';
import { api } from '../transport/api.js';
import { errorText } from './errorWords.js';
import { followJob } from './followJob.js';

interface ModelsState {
  models: BaseModel[];
  error: string | null;
  /** Job id of a registration in progress, so the page can show its progress. */
  pendingJobId: string | null;
  load(): Promise<void>;
  register(path: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Opens the desktop app's native file dialog; null in browser mode or when cancelled. */
  browse(): Promise<string | null>;
  canBrowse(): boolean;
}

export const useModelsStore = create<ModelsState>((set, get) => ({
  models: [],
  error: null,
  pendingJobId: null,
  async load() {
    try {
      set({ models: await api.call('models:list', {}) });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  async register(path) {
    set({ error: null });
    try {
      const job = await api.call('models:register', { path });
      set({ pendingJobId: job.id });
      followJob(job, {
        settled: () => {
          set({ pendingJobId: null });
          void get().load();
        },
        failed: (error) => set({ error }),
      });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  async remove(id) {
    try {
      await api.call('models:remove', { id });
      await get().load();
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  browse: () => api.pickPath({ kind: 'file', title: 'Choose a GGUF model', filters: [{ name: 'GGUF models', extensions: ['gguf'] }] }),
  canBrowse: () => api.canPickPaths(),
}));
