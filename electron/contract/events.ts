// Events the core pushes to every connected renderer.
import { z } from 'zod';
import { Id, Project } from './domain.js';
import { Job } from './jobs.js';
import { PlaygroundReply } from './playgroundRequests.js';
import { TrainerEvent } from './trainerEvents.js';

export const pushEvents = {
  'jobs:updated': Job,
  'projects:changed': z.array(Project),
  /** Every trainer event of a workspace run (steps, validation, checkpoints, the end), for live charts and the CLI. */
  'train:event': z.object({ runId: Id, jobId: Id, projectId: Id.nullable(), event: TrainerEvent }),
  /** A Playground reply as it is written (the whole text so far), then its end. */
  'playground:reply': PlaygroundReply,
} as const;

export type PushEvents = typeof pushEvents;
export type EventName = keyof PushEvents;
export type EventPayload<E extends EventName> = z.output<PushEvents[E]>;
