import { api } from '../transport/api.js';
import { useAppStore } from './appStore.js';
import { useDatasetsStore } from './datasetsStore.js';
import { useJobsStore } from './jobsStore.js';
import { useModelsStore } from './modelsStore.js';
import { usePrivacyStore } from './privacyStore.js';
import { useProjectsStore } from './projectsStore.js';

/** Routes pushed events into the stores once, at start-up; components only ever read stores. */
export function connectEvents(): () => void {
  const offEvents = api.onEvent((event) => {
    if (event.event === 'jobs:updated') {
      useJobsStore.getState().upsert(event.payload);
      const job = event.payload;
      if (job.kind === 'model.register' && job.status !== 'running' && job.status !== 'queued') {
        void useModelsStore.getState().load();
        if (job.error) useModelsStore.setState({ error: job.error });
      }
      if (job.kind === 'dataset.import' || job.kind === 'dataset.stats') useDatasetsStore.getState().jobUpdated(job);
      if (job.kind.startsWith('pii.') || job.kind === 'template.sample') usePrivacyStore.getState().jobUpdated(job);
    }
    else if (event.event === 'projects:changed') useProjectsStore.getState().replace(event.payload);
  });
  const offConnection = api.onConnectionChange((connected) => {
    useAppStore.getState().setConnected(connected);
    // After a reconnect (the server restarted), everything may have changed: reload it.
    if (connected) void loadAll();
  });
  return () => {
    offEvents();
    offConnection();
  };
}

export async function loadAll(): Promise<void> {
  await Promise.all([
    useAppStore.getState().load(),
    useProjectsStore.getState().load(),
    useModelsStore.getState().load(),
    useJobsStore.getState().load().catch(() => {})]);
}
