// Every request a host accepts: 'domain:verb' -> input schema and output schema.
// Adding a capability means adding an entry here first; hosts, CLI and renderer all type-check against it.
import { z } from 'zod';
import { datasetRequests } from './datasetRequests.js';
import { AppInfo, AuditEntry, BaseModel, DomainTemplate, Id, Project } from './domain.js';
import { Job, jobSchemas } from './jobs.js';
import { piiRequests } from './piiRequests.js';
import { trainRequests } from './trainRequests.js';

const NoInput = z.object({}).strict();
const ProjectName = z.string().trim().min(1, 'A project needs a name').max(120, 'Keep project names under 120 characters');

export const requests = {
  'app:info': { input: NoInput, output: AppInfo },

  'projects:list': { input: NoInput, output: z.array(Project) },
  'projects:get': { input: z.object({ id: Id }).strict(), output: Project },
  'projects:create': {
    input: z.object({ name: ProjectName, domain: DomainTemplate.default('general') }).strict(),
    output: Project,
  },
  'projects:rename': { input: z.object({ id: Id, name: ProjectName }).strict(), output: Project },
  'projects:delete': {
    // The caller repeats the project's name: deleting removes data, so a stray id alone must not do it.
    input: z.object({ id: Id, confirmName: z.string() }).strict(),
    output: z.object({ id: Id, removedBlobs: z.number().int().nonnegative() }),
  },

  'models:list': { input: NoInput, output: z.array(BaseModel) },
  /** Registers a GGUF where it lies (no copy); fingerprinting runs as a job because models are gigabytes. */
  'models:register': { input: z.object({ path: z.string().min(1), label: z.string().max(200).optional() }).strict(), output: jobSchemas['model.register'] },
  'models:remove': { input: z.object({ id: Id }).strict(), output: z.object({ id: Id }) },

  'jobs:list': { input: z.object({ projectId: Id.optional() }).strict(), output: z.array(Job) },
  'jobs:get': { input: z.object({ id: Id }).strict(), output: Job },
  'jobs:cancel': { input: z.object({ id: Id }).strict(), output: Job },
  /** Starts an interrupted job of a resumable kind again (a training run continues from its checkpoint); a new job. */
  'jobs:resume': { input: z.object({ id: Id }).strict(), output: Job },

  'audit:list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    output: z.array(AuditEntry),
  },

  // The Data wizard: import, versions, examples, cleaning, splits, token statistics, export (see datasets.ts).
  ...datasetRequests,

  // Personal data: scan, review, redact into a new version, reports, pseudonym maps, domain templates (see pii.ts).
  ...piiRequests,

  // Training: hardware, presets, the pre-flight estimate, runs and their curves, the candidate run (see trainRequests.ts).
  ...trainRequests,
} as const;

export type Requests = typeof requests;
export type Method = keyof Requests;
export type RequestInput<M extends Method> = z.input<Requests[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Requests[M]['input']>;
export type RequestOutput<M extends Method> = z.output<Requests[M]['output']>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}
