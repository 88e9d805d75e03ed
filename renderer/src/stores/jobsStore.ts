import { create } from 'zustand';
import type { Job } from '../../../electron/contract/jobs.js';
import { api } from '../transport/api.js';

interface JobsState {
  jobs: Record<string, Job>;
  load(): Promise<void>;
  upsert(job: Job): void;
  cancel(id: string): Promise<void>;
  /** Starts an interrupted job of a resumable kind again (a new job that continues it). */
  resume(id: string): Promise<void>;
}

export const useJobsStore = create<JobsState>((set) => ({
  jobs: {},
  async load() {
    const list = await api.call('jobs:list', {});
    set({ jobs: Object.fromEntries(list.map((j) => [j.id, j])) });
  },
  upsert(job) {
    set((state) => ({ jobs: { ...state.jobs, [job.id]: job } }));
  },
  async cancel(id) {
    const job = await api.call('jobs:cancel', { id });
    set((state) => ({ jobs: { ...state.jobs, [job.id]: job } }));
  },
  async resume(id) {
    const job = await api.call('jobs:resume', { id });
    set((state) => ({ jobs: { ...state.jobs, [job.id]: job } }));
  },
}));

/** Newest first; active jobs are what the jobs panel shows prominently. */
export function selectRecentJobs(state: JobsState): Job[] {
  return Object.values(state.jobs).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
