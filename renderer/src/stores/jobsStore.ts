import { create } from 'zustand';
import type { Job, JobKind, JobOf } from '../../../electron/contract/jobs.js';
import { api } from '../transport/api.js';

interface JobsState {
  jobs: Record<string, Job>;
  /** Whether the first list has arrived (screens that restore a running job after a reload wait for it). */
  loaded: boolean;
  load(): Promise<void>;
  upsert(job: Job): void;
  cancel(id: string): Promise<void>;
  /** Starts an interrupted job of a resumable kind again (a new job that continues it). */
  resume(id: string): Promise<void>;
  /** Forgets the finished jobs of a project (null: jobs of no project, such as adding a model). */
  clearFinished(projectId: string | null): Promise<void>;
}

let firstLoad: Promise<void> | null = null;

export const useJobsStore = create<JobsState>((set, get) => ({
  jobs: {},
  loaded: false,
  async load() {
    const loading = api.call('jobs:list', {}).then((list) => {
      // Keep updates pushed while the list was on its way: they are newer than the list.
      set((state) => ({ loaded: true, jobs: { ...Object.fromEntries(list.map((j) => [j.id, j])), ...pushedSince(state.jobs, list) } }));
    });
    firstLoad ??= loading;
    await loading;
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
  async clearFinished(projectId) {
    await api.call('jobs:clear', { projectId });
    await get().load();
  },
}));

/** Jobs the store holds that are newer than their row in a freshly loaded list (a running job that has moved on). */
function pushedSince(held: Record<string, Job>, list: Job[]): Record<string, Job> {
  const listed = new Map(list.map((j) => [j.id, j]));
  return Object.fromEntries(
    Object.values(held)
      .filter((j) => listed.has(j.id) && listed.get(j.id)!.status === 'running' && j.status !== 'running')
      .map((j) => [j.id, j]),
  );
}

/**
 * The running job of a kind on a subject (a version id, a file path), once the jobs list has loaded: what a screen
 * follows again after a reload, so that it shows the job's progress and its outcome instead of 'not started'.
 */
export async function findRunningJob<K extends JobKind>(kind: K, where: { subject?: string; projectId?: string }): Promise<JobOf<K> | null> {
  const { subject, projectId } = where;
  if (!useJobsStore.getState().loaded) await (firstLoad ?? useJobsStore.getState().load()).catch(() => {});
  const found = Object.values(useJobsStore.getState().jobs).find(
    (j) =>
      j.kind === kind &&
      (subject === undefined || j.subject === subject) &&
      (projectId === undefined || j.projectId === projectId) &&
      (j.status === 'running' || j.status === 'queued'),
  );
  return (found as JobOf<K> | undefined) ?? null;
}

/** Newest first: the jobs of one project (null: those of no project), for the jobs panel. */
export function selectProjectJobs(state: Pick<JobsState, 'jobs'>, projectId: string | null): Job[] {
  return Object.values(state.jobs)
    .filter((j) => j.projectId === projectId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
