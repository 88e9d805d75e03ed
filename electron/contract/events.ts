// Events the core pushes to every connected renderer.
import { z } from 'zod';
import { Project } from './domain.js';
import { Job } from './jobs.js';

export const pushEvents = {
  'jobs:updated': Job,
  'projects:changed': z.array(Project),
} as const;

export type PushEvents = typeof pushEvents;
export type EventName = keyof PushEvents;
export type EventPayload<E extends EventName> = z.output<PushEvents[E]>;
