// The commit half of an import (the stage half is the engine's data/stageImport.ts): transactions write project,
// dataset, examples, version, members and audit row, in batches for large files. A file refused while staging
// therefore changes nothing in the workspace.
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DomainTemplate, Project } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { throwIfAborted } from '../../data/errors.js';
import { discardStaged, stagingDir, type ImportProgressUpdate, type ImportRunOptions, type StagedImport } from '../../data/stageImport.js';
import { writeFileAtomic } from '../../disk/atomicWrite.js';
import { makeScratchDir } from '../../disk/scratch.js';
import { runInWorker } from '../../workers/runInWorker.js';
import type { Workspace } from '../../workspace.js';
import { createProject } from '../projects/projects.js';

export type ProjectTarget = { projectId: string } | { projectName: string; domain?: DomainTemplate; locale?: string };

export interface ImportResult {
  project: { id: string; name: string };
  dataset: { id: string; name: string };
  version: {
    id: string;
    hash: string;
    examples: number;
    rejected: number;
    format: string;
    encoding: string | null;
    mapping?: Record<string, string>;
    emptySkipped?: number;
  };
  /** Where the rejected rows were written (skip-bad), inside the workspace; null when none. */
  rejectedFile: string | null;
}

/**
 * Bytes of the staged file per write transaction: about a thousand examples, a few milliseconds of inserts, so no
 * single write holds the core's event loop for long. The file is read asynchronously, chunk by chunk: between two
 * chunks the event loop is free (progress events flow, other requests are answered, a cancel lands) with no
 * hand-written yield.
 */
const CHUNK_BYTES = 256 * 1024;
/** An incomplete import this old was left by a crash (another process would have finished or dropped it by now). */
const STALE_MS = 6 * 3600_000;

/**
 * Writes a staged import and removes the staging folder, whatever happens. A small import is one transaction. A
 * large one is written a chunk of the staged file at a time (see CHUNK_BYTES), under a version row marked incomplete
 * that every read ignores; the last chunk marks it complete. If anything fails or the job is cancelled, the partial version (and a project made for it) is removed.
 */
export async function commitImport(
  ws: Workspace,
  staged: StagedImport,
  target: ProjectTarget,
  options: { datasetName?: string; signal?: AbortSignal; onProgress?: (u: ImportProgressUpdate) => void } = {},
): Promise<ImportResult> {
  const repo = ws.datasets;
  const now = new Date().toISOString();
  const datasetId = randomUUID();
  const versionId = randomUUID();
  const { summary } = staged;
  const datasetName = options.datasetName ?? basename(staged.source, extname(staged.source));
  const details = {
    source: staged.source,
    format: summary.format,
    encoding: summary.encoding,
    rejected: summary.rejected,
    ...(summary.mapping ? { mapping: summary.mapping } : {}),
    ...(summary.emptySkipped ? { emptySkipped: summary.emptySkipped } : {}),
  };
  const rejectedFile = summary.rejected > 0 ? join(ws.filesDir, 'rejected', `${versionId}.jsonl`) : null;
  const chunks = readLineChunks(staged.file);
  let position = 0;
  let project: Project | undefined;
  let createdProject = false;
  let started = false;
  let done = false;
  /** Writes one chunk of staged lines (hash, kind, canonical body). */
  const writeLines = (lines: readonly string[]): void => {
    for (const line of lines) {
      if (!line) continue;
      const t1 = line.indexOf('\t');
      const t2 = line.indexOf('\t', t1 + 1);
      repo.addMember(versionId, position, repo.putExample(line.slice(0, t1), line.slice(t1 + 1, t2) as 'chat' | 'text', line.slice(t2 + 1), now), null);
      position += 1;
    }
  };
  const finish = (): void => {
    if (rejectedFile) {
      // Rejected rows are the user's data too: they stay in the workspace next to the version they were left out of.
      mkdirSync(dirname(rejectedFile), { recursive: true });
      // through the atomic writer: encrypted in an encrypted workspace
      writeFileAtomic(rejectedFile, readFileSync(staged.rejectedFile));
    }
    repo.completeVersion(versionId);
    ws.audit.append({
      actor: 'user',
      action: 'dataset.import',
      subject: versionId,
      hashBefore: null,
      hashAfter: staged.versionHash,
      details: { datasetId, projectId: project!.id, ...details, examples: summary.examples },
    });
    done = true;
  };
  // A larger page cache while inserting: the hash index takes inserts in random order, and with SQLite's default
  // 2 MB cache a million-row import spends most of its time re-reading index pages. 64 MB keeps memory bounded.
  const cacheBefore = ws.db.pragma('cache_size', { simple: true }) as number;
  ws.db.pragma('cache_size = -65536');
  try {
    dropStaleImports(ws);
    throwIfAborted(options.signal);
    // One chunk is read ahead, so the chunk that is written knows whether it is the last (and completes the version).
    let current = await chunks.next();
    let next = current.done ? current : await chunks.next();
    ws.db.transaction(() => {
      project =
        'projectId' in target ? ws.projects.get(target.projectId) : createProject(ws, target.projectName, target.domain ?? 'general', false, target.locale);
      if (!project) throw new FieldtuneError('NOT_FOUND', `No project with id ${(target as { projectId: string }).projectId}`);
      createdProject = !('projectId' in target);
      repo.createDataset({ id: datasetId, projectId: project.id, name: datasetName, kind: summary.kind, createdAt: now });
      repo.createVersion(
        { id: versionId, datasetId, parentId: null, hash: staged.versionHash, examples: summary.examples, operation: 'import', details, createdAt: now },
        false,
      );
      if (!current.done) writeLines(current.value);
      if (next.done) finish();
    })();
    started = true;
    while (!done) {
      options.onProgress?.({ phase: 'saving', current: position, total: summary.examples });
      throwIfAborted(options.signal);
      current = next;
      next = await chunks.next();
      throwIfAborted(options.signal);
      ws.db.transaction(() => {
        if (!current.done) writeLines(current.value);
        if (next.done) finish();
      })();
    }
    options.onProgress?.({ phase: 'saving', current: position, total: summary.examples });
    return {
      project: { id: project!.id, name: project!.name },
      dataset: { id: datasetId, name: datasetName },
      version: {
        id: versionId,
        hash: staged.versionHash,
        examples: summary.examples,
        rejected: summary.rejected,
        format: summary.format,
        encoding: summary.encoding,
        ...(summary.mapping ? { mapping: summary.mapping } : {}),
        ...(summary.emptySkipped ? { emptySkipped: summary.emptySkipped } : {}),
      },
      rejectedFile,
    };
  } catch (e) {
    if (started && !done) {
      ws.db.transaction(() => {
        repo.dropIncomplete(versionId);
        if (createdProject && project) {
          ws.projects.delete(project.id);
          ws.audit.append({
            actor: 'user',
            action: 'project.delete',
            subject: project.id,
            details: { name: project.name, reason: 'the import it was created for did not finish' },
          });
        }
      })();
      repo.collectOrphanExamples(); // the batches already written; no other version lists them
      if (rejectedFile) rmSync(rejectedFile, { force: true });
    }
    throw e;
  } finally {
    await chunks.return(undefined);
    ws.db.pragma(`cache_size = ${cacheBefore}`);
    discardStaged(staged);
  }
}

/** Removes imports a crash left incomplete (old enough that no live process can still be writing them). */
function dropStaleImports(ws: Workspace): void {
  const repo = ws.datasets;
  const stale = repo.staleIncomplete(new Date(Date.now() - STALE_MS).toISOString());
  if (stale.length === 0) return;
  ws.db.transaction(() => {
    for (const id of stale) repo.dropIncomplete(id);
  })();
  repo.collectOrphanExamples();
}

/** Lines of a staged file, a chunk (CHUNK_BYTES) at a time, read without blocking. */
async function* readLineChunks(path: string): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    yield lines;
  }
  rest += decoder.decode();
  if (rest) yield [rest];
}

const IMPORT_CANCELLED = 'The import was cancelled; nothing was added.';

/**
 * The reading half in a worker thread: parsing a large CSV or workbook is seconds of synchronous work. The staging
 * folder is made here, so a cancelled thread (ended wherever it was) leaves nothing behind.
 */
export async function stageInWorker(path: string, options: ImportRunOptions = {}, dir = stagingDir()): Promise<StagedImport> {
  const { signal, onProgress, ...plain } = options;
  try {
    return await runInWorker(
      'dataset.stage',
      { path, dir, options: plain },
      {
        signal,
        cancelledMessage: IMPORT_CANCELLED,
        onProgress: (_phase, current, total) => onProgress?.({ phase: 'reading', current, total }),
      },
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Stage (in a worker thread) + commit (here: writes stay on the core's thread), for callers holding a workspace. */
export async function importIntoWorkspace(
  ws: Workspace,
  path: string,
  target: ProjectTarget,
  options: ImportRunOptions & { datasetName?: string } = {},
): Promise<ImportResult> {
  const { datasetName: _name, ...stageOptions } = options;
  // an encrypted workspace stages its decoded rows in a private scratch folder (RAM where possible: disk/scratch.ts)
  const staged = await stageInWorker(path, stageOptions, ws.encryptionKey ? makeScratchDir(ws.dir) : undefined);
  return commitImport(ws, staged, target, options);
}
