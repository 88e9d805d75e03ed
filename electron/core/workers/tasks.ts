// The engine work that runs in worker threads: each task takes plain data (structured-cloneable: no database
// handles, no functions) and returns plain data. A task over a whole version reads it through its own read-only
// connection (by the database's path): copying 100k examples into the thread would block the core for a second. A task may report progress; it is cancelled by ending its thread,
// so its loops stay synchronous and need no hand-written yields.
import type { CleanReview } from '../../contract/datasets.js';
import { reviewMembers, type ReviewMember, type ReviewOptions } from '../data/review.js';
import { packReview, type PackedReview } from '../data/reviewPages.js';
import type { LeakageReport } from '../data/split.js';
import { stageImport, type ImportRunOptions, type StagedImport } from '../data/stageImport.js';
import { planLeakage, planSplit, type PlanMember, type SplitPlan, type SplitPlanOptions } from '../data/splitPlan.js';
import { discoverModels, type Candidate, type DiscoverInput } from '../models/discover.js';
import { sha256OfFileSync } from '../models/fingerprint.js';
import { countExampleTokens } from '../data/tokens.js';
import type { DetectPieceInput, PackedPiece } from '../pii/chunks.js';
import { detectDataset } from '../pii/dataset.js';
import { detectPii } from '../pii/detect.js';
import { nameKeys } from '../pii/names.js';
import { loadPiiResources } from '../pii/resources.js';
import type { PiiSpan } from '../pii/types.js';
import { openDatabaseReadOnly } from '../store/database.js';
import { applyRedaction, type PiiApplyInput, type PiiApplyOutput } from './piiApplyTask.js';
import { scanVersion, type PiiScanInput, type PiiScanOutput } from './piiScanTask.js';
import { DatasetsRepository } from '../store/repositories/datasets.js';

export type TaskProgress = (phase: string, current: number, total: number | null) => void;

export interface WorkerTasks {
  /** The dry run of cleaning (normalize, length filters, exact and near copies, conflicts). */
  'dataset.review': { input: { versionId: string; source: VersionSource; options: ReviewOptions }; output: CleanReview };
  /** The same review laid out for paging (data/reviewPages.ts): the app's job stores these bytes, not one big result. */
  'dataset.reviewPaged': { input: { versionId: string; source: VersionSource; options: ReviewOptions }; output: PackedReview };
  /** Which split each example goes to, and the leakage check on the result (the service writes the version). */
  'dataset.split': { input: { versionId: string; source: VersionSource; options: SplitPlanOptions }; output: SplitPlan };
  /** The leakage check of a version already split. */
  'dataset.leakage': { input: { versionId: string; source: VersionSource }; output: LeakageReport };
  /** Personal-data detection over many texts (two passes: names found anywhere are looked for everywhere). */
  'pii.detect': { input: { texts: string[]; resourceDir?: string }; output: PiiSpan[][] };
  /** First pass of a group of a dataset's texts (piiDatasetThreads.ts): spans per text and the name words found. */
  'pii.detectFirst': {
    input: { texts: string[]; resourceDir?: string };
    /** unclaimed: per text, the keys of its capitalized words no name claims, blank-separated (see detectDataset). */
    output: { spans: PiiSpan[][]; keys: string[]; unclaimed: string[] };
  };
  /** Second pass of a group: every text again, with the name words found anywhere in the dataset. */
  'pii.detectSeeded': { input: { texts: string[]; seeds: string[]; resourceDir?: string }; output: PiiSpan[][] };
  /**
   * Detection of one piece of a long text (pii/chunks.ts): its spans (packed) and name words; the caller joins the
   * pieces. Run by an entry of its own (piiPieceWorker.ts), not by this file's table.
   */
  'pii.detectPiece': { input: DetectPieceInput; output: PackedPiece };
  /** Model discovery: walks the usual places and named folders, reads each GGUF's header, asks the trainer. */
  'model.discover': { input: DiscoverInput; output: ReturnType<typeof discoverModels> & { candidates: Candidate[] } };
  /** A model file's sha256 (progress in bytes). */
  'model.fingerprint': { input: { path: string }; output: { sha256: string; bytes: number } };
  /**
   * The reading half of an import: parse the file (CSV, XLSX, JSONL, documents) into a staging folder the service
   * made (`dir`); the service then writes the staged examples into the workspace.
   */
  'dataset.stage': { input: { path: string; dir: string; options: StageOptions }; output: StagedImport };
  /** The personal-data check of a whole version, its rows ready to store (piiScanTask.ts). */
  'pii.scan': { input: PiiScanInput; output: PiiScanOutput };
  /** Applying a reviewed redaction to a whole version: the new version's rows, the report, the map (piiApplyTask.ts). */
  'pii.apply': { input: PiiApplyInput; output: PiiApplyOutput };
  /** Rough token counts of every example of a version (no model: the model's tokenizer stays on the core's thread). */
  'dataset.tokenLengths': { input: { versionId: string; source: VersionSource }; output: TokenLengths };
  /** Test and bench helper: spins the thread for `ms` milliseconds (proves cancel and isolation). */
  busy: { input: { ms: number }; output: { spun: number } };
}
export type TaskName = keyof WorkerTasks;

/** An import's options without its callbacks (progress comes back as the task's progress). */
export type StageOptions = Omit<ImportRunOptions, 'signal' | 'onProgress'>;

/** Token counts in version order, with each example's split. */
export interface TokenLengths {
  lengths: number[];
  splits: Array<'train' | 'validation' | 'test' | null>;
}

/** The examples themselves (small inputs, tests), or the workspace database to read the version from. */
export type VersionSource = { members: Array<ReviewMember & PlanMember> } | DatabaseSource;
/** The workspace database and, when the workspace is encrypted, its key (hex): a worker opens its own connection. */
export interface DatabaseSource {
  databaseFile: string;
  databaseKey?: string;
}

function readMembers(source: VersionSource, versionId: string, progress: TaskProgress): Array<ReviewMember & PlanMember> {
  if ('members' in source) return source.members;
  const db = openDatabaseReadOnly(source.databaseFile, source.databaseKey);
  try {
    const members: Array<ReviewMember & PlanMember> = [];
    for (const row of new DatasetsRepository(db).iterateMembers(versionId)) {
      members.push({ position: row.position, hash: row.hash, split: row.split, example: JSON.parse(row.body) as ReviewMember['example'] });
      if (members.length % 5000 === 0) progress('Reading the examples', members.length, null);
    }
    return members;
  } finally {
    db.close();
  }
}

/** Tasks whose worker entry is their own (runInWorker.ts), so engineWorker.ts's table has none of them. */
export type OwnEntryTask = 'pii.detectPiece';

type Impl = {
  [K in Exclude<TaskName, OwnEntryTask>]: (
    input: WorkerTasks[K]['input'],
    progress: TaskProgress,
  ) => WorkerTasks[K]['output'] | Promise<WorkerTasks[K]['output']>;
};

export const tasks: Impl = {
  'dataset.review': ({ versionId, source, options }, progress) => reviewMembers(versionId, readMembers(source, versionId, progress), options, progress),
  'dataset.reviewPaged': ({ versionId, source, options }, progress) => {
    const review = reviewMembers(versionId, readMembers(source, versionId, progress), options, progress);
    progress('Preparing the results', 0, null);
    return packReview(review);
  },
  'dataset.split': ({ versionId, source, options }, progress) => planSplit(readMembers(source, versionId, progress), options),
  'dataset.leakage': ({ versionId, source }, progress) => planLeakage(readMembers(source, versionId, progress)),
  'pii.detectFirst': ({ texts, resourceDir }) => {
    const resources = loadPiiResources(resourceDir);
    const unclaimed: string[] = [];
    const spans = texts.map((text) => {
      const own = new Set<string>();
      const found = detectPii(text, { resources, unclaimedNames: own });
      // Keys are words (letters, marks, apostrophes, hyphens): a blank separates them; one string per text is
      // cheaper to copy between threads than a list.
      unclaimed.push([...own].join(' '));
      return found;
    });
    return { spans, keys: [...nameKeys(spans.flat(), resources)], unclaimed };
  },
  'pii.detectSeeded': ({ texts, seeds, resourceDir }) => {
    const resources = loadPiiResources(resourceDir);
    const seedNames = new Set(seeds);
    return texts.map((text) => detectPii(text, { resources, seedNames }));
  },
  'pii.detect': ({ texts, resourceDir }, progress) => {
    const resources = loadPiiResources(resourceDir);
    const records = texts.map((text, i) => ({ id: String(i), text }));
    let last = 0;
    return detectDataset(records, {
      resources,
      onProgress: (_phase, done, total) => {
        // Posting a message per text would cost more than detecting it; a few per second is plenty.
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        progress('Looking for personal data', Math.round(done * 2), total * 2);
      },
    });
  },
  'model.discover': (input, progress) => discoverModels(input, progress),
  'model.fingerprint': ({ path }, progress) => sha256OfFileSync(path, (read, total) => progress('Fingerprinting (sha256)', read, total)),
  'dataset.stage': ({ path, dir, options }, progress) => {
    let last = 0;
    return stageImport(
      path,
      {
        ...options,
        onProgress: (u) => {
          const now = Date.now();
          if (now - last < 100) return; // a message per chunk read would outnumber what the bar can show
          last = now;
          progress(u.phase, u.current, u.total);
        },
      },
      dir,
    );
  },
  'pii.scan': (input, progress) => scanVersion(input, progress),
  'pii.apply': (input, progress) => applyRedaction(input, progress),
  'dataset.tokenLengths': ({ versionId, source }, progress) => {
    const members = readMembers(source, versionId, progress);
    const count = countExampleTokens();
    const out: TokenLengths = { lengths: [], splits: [] };
    for (const m of members) {
      out.lengths.push(count(m.example));
      out.splits.push(m.split);
      if (out.lengths.length % 10_000 === 0) progress('Counting tokens', out.lengths.length, members.length);
    }
    return out;
  },
  busy: ({ ms }) => {
    const start = Date.now();
    let spun = 0;
    while (Date.now() - start < ms) spun += 1;
    return { spun };
  },
};
