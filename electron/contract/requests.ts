// Every request a host accepts: 'domain:verb' -> input schema and output schema.
// Adding a capability means adding an entry here first; hosts, CLI and renderer all type-check against it.
import { z } from 'zod';
import { adapterRequests } from './adapterRequests.js';
import { auditRequests } from './auditRequests.js';
import { networkRequests } from './networkRequests.js';
import { datasetRequests } from './datasetRequests.js';
import { evalRequests } from './evalRequests.js';
import { fileRequests } from './fileRequests.js';
import { generateRequests } from './generateRequests.js';
import { AppInfo, BaseModel, DomainTemplate, Id, Locale, Project, SystemPrompt } from './domain.js';
import { inboxRequests } from './inboxRequests.js';
import { Job, jobSchemas } from './jobs.js';
import { lineageRequests } from './lineageRequests.js';
import { modelRequests } from './modelRequests.js';
import { piiRequests } from './piiRequests.js';
import { playgroundRequests } from './playgroundRequests.js';
import { reviewRequests } from './reviewRequests.js';
import { trainRequests } from './trainRequests.js';
import { workspaceRequests } from './workspaceRequests.js';

const NoInput = z.object({}).strict();
const ProjectName = z.string().trim().min(1, 'A project needs a name').max(120, 'Keep project names under 120 characters');

export const requests = {
  'app:info': { input: NoInput, output: AppInfo },

  'projects:list': { input: NoInput, output: z.array(Project) },
  'projects:get': { input: z.object({ id: Id }).strict(), output: Project },
  'projects:create': {
    /** locale: omitted, the system's (the app's form sends the browser's, so the person sees and can change it). */
    input: z
      .object({ name: ProjectName, domain: DomainTemplate.default('general'), locale: Locale.optional(), systemPrompt: SystemPrompt.optional() })
      .strict(),
    output: Project,
  },
  /** Changes a project's settings; a field left out stays as it is. systemPrompt: empty or null removes it. */
  'projects:update': { input: z.object({ id: Id, systemPrompt: SystemPrompt.optional() }).strict(), output: Project },
  /** How the project's ambiguous dates are read (02/11/2015: 2 November in en-GB, 11 February in en-US). */
  'projects:set-locale': { input: z.object({ id: Id, locale: Locale }).strict(), output: Project },
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
  // Models already on this computer (LM Studio, Ollama, the Hugging Face cache, named folders; see models.ts).
  ...modelRequests,
  // Encryption at rest of the open workspace (workspaceRequests.ts).
  ...workspaceRequests,

  'jobs:list': { input: z.object({ projectId: Id.optional() }).strict(), output: z.array(Job) },
  'jobs:get': { input: z.object({ id: Id }).strict(), output: Job },
  'jobs:cancel': { input: z.object({ id: Id }).strict(), output: Job },
  /** Starts an interrupted job of a resumable kind again (a training run continues from its checkpoint); a new job. */
  'jobs:resume': { input: z.object({ id: Id }).strict(), output: Job },
  /** Forgets finished jobs of one project (null: those of no project, such as adding a model); running ones stay. */
  'jobs:clear': { input: z.object({ projectId: Id.nullable() }).strict(), output: z.object({ removed: z.number().int().nonnegative() }) },

  // The audit log: list with filters, verify the signed hash chain, export (see auditRequests.ts).
  ...auditRequests,
  // Offline, visible: blocked network attempts (see networkRequests.ts).
  ...networkRequests,

  // The Data wizard: import, versions, examples, cleaning, splits, token statistics, export (see datasets.ts).
  ...datasetRequests,

  // Personal data: scan, review, redact into a new version, reports, pseudonym maps, domain templates (see pii.ts).
  ...piiRequests,

  // Training: hardware, presets, the pre-flight estimate, runs and their curves, the candidate run (see trainRequests.ts).
  ...trainRequests,
  // Evaluation: start (a job), stored evaluations per run and project, reports (see evalRequests.ts).
  ...evalRequests,
  // The file and folder chooser of browser mode, confined to the home folder and added places (see fileRequests.ts).
  ...fileRequests,
  // The candidate inbox: suggested training examples from Evaluate, the Playground and reviews (see inboxRequests.ts).
  ...inboxRequests,
  // Blinded expert review of two systems' answers (see reviewRequests.ts).
  ...reviewRequests,
  // Adapters: export formats, PEFT and bundle import, versions, signing keys (see adapters.ts).
  ...adapterRequests,
  // Lineage and erasure: what was derived from an example or a file, and erasing an example everywhere (see lineageRequests.ts).
  ...lineageRequests,
  // The Playground: streamed chat with the original model or a run's adapter (see playgroundRequests.ts).
  ...playgroundRequests,
  // The fit check, and examples generated from documents or varied from existing ones (see generate.ts).
  ...generateRequests,
} as const;

export type Requests = typeof requests;
export type Method = keyof Requests;
export type RequestInput<M extends Method> = z.input<Requests[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Requests[M]['input']>;
export type RequestOutput<M extends Method> = z.output<Requests[M]['output']>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}
