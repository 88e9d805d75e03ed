// Cleaning in two steps, so a specialist sees before anything changes: review (a dry run over the engine's filters,
// duplicate finder and conflict finder; writes nothing) and clean (the choices made in the review become a new version).
// Splitting and the leakage check reuse the engine's version operations and add short previews for the UI.
import {
  ReviewSection,
  type CleanReview,
  type CleanReviewSummary,
  type DatasetVersion,
  type LeakageSummary,
  type ReviewPage,
  type SplitResult,
} from '../../../contract/datasets.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { JobOf } from '../../../contract/jobs.js';
import { createChildVersion, loadMembers, requireVersion, splitVersionInWorker, versionLeakageInWorker, type Member } from './versions.js';
import { normalizeExample } from '../../data/normalize.js';
import { previewText as enginePreview, reviewMembers, type ReviewOptions } from '../../data/review.js';
import { PAGE_SIZE, pageRange, parsePage } from '../../data/reviewPages.js';
import { runInWorker } from '../../workers/runInWorker.js';
import type { LeakageReport } from '../../data/split.js';
import { splitAdvice } from '../../data/splitAdvice.js';
import { databaseSource, type Workspace } from '../../workspace.js';

/** Short previews for the UI (the leakage pairs); the review engine writes its own. */
export function previewText(member: Member | undefined, length = 160): string {
  return enginePreview(member, length);
}

/** The review on the calling thread (tests and the CLI's small files); the app runs it as a job (startReview). */
export function reviewVersion(ws: Workspace, versionId: string, options: ReviewOptions): CleanReview {
  return reviewMembers(versionId, loadMembers(ws, versionId), options);
}

const REVIEW_CANCELLED = 'The check for copies was cancelled; nothing was changed.';

/**
 * The review as a job in a worker thread, so a minute of MinHash on 60k rows leaves the core answering. The worker
 * reads the version through its own read-only connection (versions never change once complete) and lays the long
 * lists out for paging; they are stored as files of the project (written asynchronously), and the job's result is
 * their counts. Storing or reading 4.6 MB of review as one job result held the event loop for a quarter of a second.
 */
export function startReview(ws: Workspace, versionId: string, options: ReviewOptions): JobOf<'dataset.review'> {
  const version = requireVersion(ws, versionId);
  const projectId = ws.datasets.getDataset(version.datasetId)?.projectId ?? null;
  return ws.jobs.start({ kind: 'dataset.review', projectId, params: { versionId, ...options } }, async (ctx): Promise<CleanReviewSummary> => {
    const packed = await runInWorker(
      'dataset.reviewPaged',
      { versionId, source: databaseSource(ws), options },
      { signal: ctx.signal, cancelledMessage: REVIEW_CANCELLED, onProgress: (phase, current, total) => ctx.onProgress({ phase, current, total }) },
    );
    const stored = {} as CleanReviewSummary['stored'];
    const counts = {} as CleanReviewSummary['counts'];
    for (const section of ReviewSection.options) {
      const { bytes, count, offsets } = packed.sections[section];
      const { sha256 } = await ws.blobs.put(bytes);
      // Kept with the project (deleting it removes them); jobs rows come and go, the files are small.
      if (projectId) ws.blobs.reference(projectId, sha256, 'review-result');
      stored[section] = { blob: sha256, pageSize: PAGE_SIZE, offsets };
      counts[section] = count;
    }
    const { versionId: reviewed, examples, normalizedChanged, proposed } = packed;
    return { jobId: ctx.jobId, versionId: reviewed, examples, normalizedChanged, proposed, counts, stored };
  });
}

/** A page of a finished review's list: one ranged read of its stored file and a parse of just those items. */
export async function reviewPage(ws: Workspace, jobId: string, section: ReviewSection, offset: number, limit: number): Promise<ReviewPage> {
  const job = ws.jobs.get(jobId);
  if (job.kind !== 'dataset.review') throw new FieldtuneError('INVALID_INPUT', 'That job is not a check for copies.');
  if (!job.result) throw new FieldtuneError('INVALID_INPUT', 'That check for copies has not finished; wait for it, or run it again.');
  const where = job.result.stored[section];
  const total = job.result.counts[section];
  const range = pageRange(where, total, offset, limit);
  if (!range) return { section, total, items: [] } as ReviewPage;
  const bytes = await ws.blobs.readRange(where.blob, range.start, range.end).catch(() => {
    throw new FieldtuneError('NOT_FOUND', 'The results of that check are no longer kept; run the check for copies again.');
  });
  return { section, total, items: parsePage(bytes.toString('utf8'), range.skip, range.take) } as ReviewPage;
}

/** A new version without the chosen positions, normalized when asked; the parent stays as it was. */
export function applyClean(ws: Workspace, versionId: string, remove: readonly number[], normalize: boolean): DatasetVersion {
  const parent = requireVersion(ws, versionId);
  const members = loadMembers(ws, versionId);
  const drop = new Set(remove);
  const unknown = remove.find((p) => p >= members.length);
  if (unknown !== undefined) throw new FieldtuneError('INVALID_INPUT', `This version has no example #${unknown + 1}; reload the review and try again.`);
  const keep = members.filter((m) => !drop.has(m.position));
  if (keep.length === 0) throw new FieldtuneError('INVALID_INPUT', 'That would remove every example; keep at least one.');
  return createChildVersion(
    ws,
    parent,
    'clean',
    { normalize, removed: members.length - keep.length, removedPositions: [...drop].sort((a, b) => a - b).slice(0, 10_000) },
    keep.map((m) => ({ example: normalize ? normalizeExample(m.example) : m.example, split: m.split })),
  );
}

function summarizeLeakage(members: Member[], report: LeakageReport): LeakageSummary {
  const pairs = [...report.exact, ...report.near].slice(0, 100).map((p) => ({
    a: { position: members[p.a]!.position, preview: previewText(members[p.a]) },
    b: { position: members[p.b]!.position, preview: previewText(members[p.b]) },
    splitA: p.splitA,
    splitB: p.splitB,
    similarity: p.similarity,
  }));
  return { ok: report.ok, exact: report.exact.length, near: report.near.length, leakedEvalItems: report.leakedEvalItems, pairs };
}

export interface SplitInput {
  seed: number;
  shares: { train: number; validation: number; test: number };
  stratifyBy?: string | undefined;
  keepNearDuplicatesTogether: boolean;
}

export async function splitWithReport(ws: Workspace, versionId: string, input: SplitInput): Promise<SplitResult> {
  const r = await splitVersionInWorker(ws, versionId, {
    ratios: input.shares,
    seed: input.seed,
    keepNearDuplicatesTogether: input.keepNearDuplicatesTogether,
    ...(input.stratifyBy ? { stratifyBy: input.stratifyBy } : {}),
  });
  // The new version lists the same examples in the same order, so its members index the leakage pairs.
  return { version: r.version, counts: r.counts, leakage: summarizeLeakage(loadMembers(ws, r.version.id), r.leakage), advice: splitAdvice(r.counts) };
}

export async function leakageOf(ws: Workspace, versionId: string): Promise<LeakageSummary> {
  const report = await versionLeakageInWorker(ws, versionId);
  return summarizeLeakage(loadMembers(ws, versionId), report);
}
