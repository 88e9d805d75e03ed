import { api } from '../transport/api.js';
import { useAppStore } from './appStore.js';
import { jobUpdated } from './followJob.js';
import { useJobsStore } from './jobsStore.js';
import { useModelsStore } from './modelsStore.js';
import { usePlaygroundStore } from './playgroundStore.js';
import { useProjectsStore } from './projectsStore.js';
import { useTrainStore } from './trainStore.js';

/** Routes pushed events into the stores once, at start-up; components only ever read stores. */
export function connectEvents(): () => void {
  const offEvents = api.onEvent((event) => {
    if (event.event === 'jobs:updated') {
      useJobsStore.getState().upsert(event.payload);
      jobUpdated(event.payload);
    } else if (event.event === 'projects:changed') useProjectsStore.getState().replace(event.payload);
    else if (event.event === 'train:event') useTrainStore.getState().trainerEvent(event.payload);
    else if (event.event === 'playground:reply') usePlaygroundStore.getState().replyEvent(event.payload);
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
    useJobsStore
      .getState()
      .load()
      .catch(() => {}),
  ]);
}
