// Long work is a Job. Every kind of job is listed here once, with what it takes (params), what its progress may
// carry beyond phase/current/total (detail), what it returns (result) and whether an interrupted one can be resumed.
// The job manager validates each result against its kind before storing it, and `Job` is a union over the kinds, so
// `job.kind === 'dataset.stats'` narrows `job.result` to a TokenStatsResult for every caller.
import { z } from 'zod';
import { ExportResult } from './adapters.js';
import { CleanReviewSummary, ColumnMapping, ImportFormat, SplitLabel, TokenStatsResult } from './datasets.js';
import { BaseModel, DomainTemplate, Id } from './domain.js';
import { DiscoverResult, ModelRoots } from './models.js';
import { ErrorPayload } from './errors.js';
import { PiiApplyResult, PiiScanSummary, RedactionMode, RedactionPolicy } from './pii.js';
import { TrainerDoneEvent } from './trainerEvents.js';
import { EvalRunParams, EvalRunResult } from './evalJob.js';
import { GenerateParams, GenerateResult } from './generate.js';

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobProgress = z.object({
  phase: z.string(),
  current: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  /** Seconds left, estimated from the rate so far; null until there is a rate. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** What an import job returns (also the sample-dataset import of a domain template). */
export const ImportResult = z.object({
  project: z.object({ id: Id, name: z.string() }),
  dataset: z.object({ id: Id, name: z.string() }),
  version: z.object({
    id: Id,
    hash: z.string(),
    examples: z.number().int(),
    rejected: z.number().int(),
    format: z.string(),
    encoding: z.string().nullable(),
    mapping: z.record(z.string(), z.string()).optional(),
    /** Rows left out because their question or answer was empty (the preview offered it). */
    emptySkipped: z.number().int().optional(),
  }),
  /** Where the rejected rows were written (skip-bad), inside the workspace; null when none. */
  rejectedFile: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const TrainRunResult = z.object({
  done: TrainerDoneEvent,
  log: z.string(),
  /** The adapter's blob, when the run is recorded in the workspace. */
  adapterSha256: z.string().nullable(),
});
export type TrainRunResult = z.infer<typeof TrainRunResult>;

const NoDetail = z.undefined();

export const jobKinds = {
  'dataset.import': {
    params: z.object({
      path: z.string(),
      format: ImportFormat.nullable(),
      map: ColumnMapping.nullable(),
      encoding: z.string().nullable(),
      skipBad: z.boolean(),
      sheet: z.string().nullable().optional(),
      skipEmpty: z.boolean().optional(),
    }),
    detail: NoDetail,
    result: ImportResult,
    resumable: false,
  },
  'dataset.stats': {
    params: z.object({ versionId: Id, modelId: Id.optional(), maxTokens: z.number().int(), split: SplitLabel.optional(), bins: z.number().int() }),
    detail: NoDetail,
    result: TokenStatsResult,
    resumable: false,
  },
  /** The dry run of cleaning (copies, near copies, lengths, conflicts): writes nothing, so it is simply run again. */
  'dataset.review': {
    params: z.object({
      versionId: Id,
      minTokens: z.number().int().optional(),
      maxTokens: z.number().int().optional(),
      threshold: z.number(),
      nearDuplicates: z.boolean(),
    }),
    detail: NoDetail,
    result: CleanReviewSummary,
    resumable: false,
  },
  /** Fingerprinting reads the whole file; an interrupted one simply runs again. */
  'model.register': {
    params: z.object({ path: z.string(), label: z.string().optional() }),
    detail: NoDetail,
    result: BaseModel,
    resumable: true,
  },
  /** Looking for models on this computer reads only headers; an interrupted look is simply started again. */
  'model.discover': {
    params: z.object({ folders: z.array(z.string()), roots: ModelRoots.optional() }),
    detail: NoDetail,
    result: DiscoverResult,
    resumable: false,
  },
  'pii.scan': { params: z.object({ versionId: Id }), detail: NoDetail, result: PiiScanSummary, resumable: false },
  'pii.apply': {
    params: z.object({ versionId: Id, mode: RedactionMode, policy: RedactionPolicy }),
    detail: NoDetail,
    result: PiiApplyResult,
    resumable: false,
  },
  'template.sample': { params: z.object({ domain: DomainTemplate }), detail: NoDetail, result: ImportResult, resumable: false },
  /** A training run continues from its last checkpoint when resumed. */
  'train.run': {
    params: z.object({ runId: Id }),
    detail: z.object({ loss: z.number(), tokensPerSecond: z.number() }).optional(),
    result: TrainRunResult,
    resumable: true,
  },
  /** An evaluation of a finished run (answers, scores, probes); stored as an evaluation of that run. */
  'eval.run': { params: EvalRunParams, detail: NoDetail, result: EvalRunResult, resumable: false },
  /** Exporting an adapter (issue 15): a merged model takes minutes; nothing partial is kept, so it is simply run again. */
  'adapter.export': { params: z.object({ runId: Id, format: z.string(), out: z.string() }), detail: NoDetail, result: ExportResult, resumable: false },
  /** Generated questions or variations (issue 17): suggestions are stored at the end in one transaction, so a cancelled or
   * failed run leaves nothing half-written; it is simply run again. */
  'data.generate': { params: GenerateParams, detail: NoDetail, result: GenerateResult, resumable: false },
} as const;

export type JobKinds = typeof jobKinds;
export type JobKind = keyof JobKinds;
export const JOB_KINDS = Object.keys(jobKinds) as JobKind[];
export type JobParams<K extends JobKind> = z.input<JobKinds[K]['params']>;
export type JobResult<K extends JobKind> = z.output<JobKinds[K]['result']>;

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(jobKinds, kind);
}

/**
 * What a job works on (a version, a file, a run). A second start of the same kind on the same subject in the same
 * project joins the running job instead of doing the work twice (a double click, a reload that starts it again),
 * and a screen that reloads finds the job that is running for what it shows.
 */
export function jobSubject(kind: string, params: unknown): string | null {
  const p = (params ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : null);
  switch (kind) {
    case 'dataset.import':
    case 'model.register':
      return text('path')?.trim() ?? null;
    case 'dataset.stats':
    case 'pii.scan':
    case 'pii.apply':
      return text('versionId');
    case 'template.sample':
      return text('domain');
    case 'model.discover':
      // the same places looked at again join the running look
      return JSON.stringify({ folders: p['folders'] ?? [], roots: p['roots'] ?? null });
    case 'train.run':
    case 'eval.run':
      return text('runId');
    case 'adapter.export':
      return text('out');
    case 'data.generate':
      return p['mode'] === 'augment' ? text('versionId') : JSON.stringify(p['paths'] ?? []);
    default:
      return null;
  }
}

const JobBase = z.object({
  id: Id,
  projectId: Id.nullable(),
  status: JobStatus,
  progress: JobProgress,
  message: z.string().nullable(),
  /** Why it failed, typed like any other error (each host words it for its audience). */
  error: ErrorPayload.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Whether resuming makes sense for this job (an interrupted job of a resumable kind). */
  resumable: z.boolean(),
  /** The interrupted job this one resumed, if any. */
  resumedFrom: Id.nullable(),
  /** What it works on (see jobSubject): a version id, a file path, a run id. */
  subject: z.string().nullable(),
});

// One schema per kind (written out: a generic helper would widen each result to the union of all results). A request
// that starts a job names its kind's schema as its output, so callers get the kind and result types from the request.
export const jobSchemas = {
  'dataset.import': JobBase.extend({ kind: z.literal('dataset.import'), result: jobKinds['dataset.import'].result.nullable() }),
  'dataset.stats': JobBase.extend({ kind: z.literal('dataset.stats'), result: jobKinds['dataset.stats'].result.nullable() }),
  'dataset.review': JobBase.extend({ kind: z.literal('dataset.review'), result: jobKinds['dataset.review'].result.nullable() }),
  'model.register': JobBase.extend({ kind: z.literal('model.register'), result: jobKinds['model.register'].result.nullable() }),
  'model.discover': JobBase.extend({ kind: z.literal('model.discover'), result: jobKinds['model.discover'].result.nullable() }),
  'pii.scan': JobBase.extend({ kind: z.literal('pii.scan'), result: jobKinds['pii.scan'].result.nullable() }),
  'pii.apply': JobBase.extend({ kind: z.literal('pii.apply'), result: jobKinds['pii.apply'].result.nullable() }),
  'template.sample': JobBase.extend({ kind: z.literal('template.sample'), result: jobKinds['template.sample'].result.nullable() }),
  'train.run': JobBase.extend({ kind: z.literal('train.run'), result: jobKinds['train.run'].result.nullable() }),
  'eval.run': JobBase.extend({ kind: z.literal('eval.run'), result: jobKinds['eval.run'].result.nullable() }),
  'adapter.export': JobBase.extend({ kind: z.literal('adapter.export'), result: jobKinds['adapter.export'].result.nullable() }),
  'data.generate': JobBase.extend({ kind: z.literal('data.generate'), result: jobKinds['data.generate'].result.nullable() }),
};

export const Job = z.discriminatedUnion('kind', [
  jobSchemas['dataset.import'],
  jobSchemas['dataset.stats'],
  jobSchemas['dataset.review'],
  jobSchemas['model.register'],
  jobSchemas['model.discover'],
  jobSchemas['pii.scan'],
  jobSchemas['pii.apply'],
  jobSchemas['template.sample'],
  jobSchemas['train.run'],
  jobSchemas['eval.run'],
  jobSchemas['adapter.export'],
  jobSchemas['data.generate'],
]);
export type Job = z.infer<typeof Job>;
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;

export const FINISHED_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];
export const isFinished = (job: Pick<Job, 'status'>): boolean => FINISHED_STATUSES.includes(job.status);

// Fails to compile when a kind is added to jobKinds without its member in Job.
const everyKindHasAMember: Exclude<JobKind, Job['kind']> extends never ? true : never = true;
void everyKindHasAMember;
