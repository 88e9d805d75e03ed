// Import into the workspace in two steps. Stage: stream the source through the importer into a temporary file
// outside the workspace (canonical JSON + hash per example). Commit: transactions write project, dataset,
// examples, version, members and audit row (in batches for large files, see commitImport). A file refused while
// staging therefore changes nothing in the workspace, and memory stays flat because neither step holds the dataset.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { DomainTemplate, Project } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import { createProject } from '../service/projectsService.js';
import type { Workspace } from '../workspace.js';
import { datasetsOf } from './datasetRepo.js';
import { throwIfAborted } from './errors.js';
import { canonicalJson, sha256 } from './example.js';
import { importFile, type ImportOptions, type ImportSummary } from './importFile.js';

export interface StagedImport {
  dir: string;
  file: string;
  rejectedFile: string;
  summary: ImportSummary;
  versionHash: string;
  source: string;
}

export interface ImportProgressUpdate { phase: 'reading' | 'saving'; current: number; total: number | null }

export interface ImportRunOptions extends Omit<ImportOptions, 'onProgress' | 'onRejected'> {
  onProgress?: (u: ImportProgressUpdate) => void;
}

/** Buffered appends with plain writeSync: simple, bounded (1 MiB), and no stream backpressure to get wrong. */
class LineWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) { this.fd = openSync(path, 'w'); }
  write(line: string): void {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = []; this.size = 0;
  }
  close(): void { this.flush(); closeSync(this.fd); }
}

/** Lines of a file read synchronously in 1 MiB chunks (for use inside a synchronous SQLite transaction). */
export function* readLinesSync(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let rest = '';
  const decoder = new TextDecoder('utf-8');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const text = rest + decoder.decode(buf.subarray(0, n), { stream: true });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

export async function stageImport(path: string, options: ImportRunOptions = {}): Promise<StagedImport> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldtune-import-'));
  const file = join(dir, 'examples.tsv');
  const rejectedFile = join(dir, 'rejected.jsonl');
  const out = new LineWriter(file);
  const rejected = new LineWriter(rejectedFile);
  const version = createHash('sha256');
  try {
    const summary = await importFile(
      path,
      {
        ...options,
        onProgress: (p) => options.onProgress?.({ phase: 'reading', current: p.bytesRead, total: p.totalBytes }),
        onRejected: (r) => rejected.write(JSON.stringify(r)),
      },
      (item) => {
        const body = canonicalJson('sample' in item ? item.sample : item.document);
        const hash = sha256(body);
        version.update(`${hash}\n`); // same scheme as versionHash(): ordered member hashes, no split yet
        out.write(`${hash}\t${'sample' in item ? 'chat' : 'text'}\t${body}`);
      },
    );
    out.close();
    rejected.close();
    if (summary.examples === 0) {
      throw new FieldtuneError('INVALID_INPUT', `Nothing to import: ${basename(path)} holds no usable examples${summary.rejected ? ` (${summary.rejected} rejected)` : ''}.`);
    }
    return { dir, file, rejectedFile, summary, versionHash: version.digest('hex'), source: basename(path) };
  } catch (e) {
    try { out.close(); rejected.close(); } catch { /* already closed */ }
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export function discardStaged(staged: StagedImport): void {
  rmSync(staged.dir, { recursive: true, force: true });
}

export type ProjectTarget = { projectId: string } | { projectName: string; domain?: DomainTemplate };

export interface ImportResult {
  project: { id: string; name: string };
  dataset: { id: string; name: string };
  version: { id: string; hash: string; examples: number; rejected: number; format: string; encoding: string | null; mapping?: Record<string, string> };
  /** Where the rejected rows were written (skip-bad), inside the workspace; null when none. */
  rejectedFile: string | null;
}

/** Rows per write transaction: large enough to amortize a commit, small enough to keep the event loop responsive. */
const BATCH = 20_000;
/** An incomplete import this old was left by a crash (another process would have finished or dropped it by now). */
const STALE_MS = 6 * 3600_000;

/**
 * Writes a staged import and removes the staging folder, whatever happens. A small import is one transaction. A
 * large one is written in batches with the event loop free in between (progress events flow, the app stays
 * responsive, cancel works), under a version row marked incomplete that every read ignores; the last batch marks it
 * complete. If anything fails or the job is cancelled, the partial version (and a project made for it) is removed.
 */
export async function commitImport(ws: Workspace, staged: StagedImport, target: ProjectTarget, options: { datasetName?: string; signal?: AbortSignal; onProgress?: (u: ImportProgressUpdate) => void } = {}): Promise<ImportResult> {
  const repo = datasetsOf(ws);
  const now = new Date().toISOString();
  const datasetId = randomUUID();
  const versionId = randomUUID();
  const { summary } = staged;
  const datasetName = options.datasetName ?? basename(staged.source, extname(staged.source));
  const details = { source: staged.source, format: summary.format, encoding: summary.encoding, rejected: summary.rejected, ...(summary.mapping ? { mapping: summary.mapping } : {}) };
  const rejectedFile = summary.rejected > 0 ? join(ws.filesDir, 'rejected', `${versionId}.jsonl`) : null;
  const lines = readLinesSync(staged.file);
  let position = 0;
  let project: Project | undefined;
  let createdProject = false;
  let started = false;
  let done = false;
  /** Writes up to BATCH examples; on the last one, keeps the rejected rows and marks the version complete. */
  const writeBatch = (): void => {
    for (let n = 0; n < BATCH; ) {
      const next = lines.next();
      if (next.done) { finish(); return; }
      const line = next.value;
      if (!line) continue;
      const t1 = line.indexOf('\t');
      const t2 = line.indexOf('\t', t1 + 1);
      repo.addMember(versionId, position, repo.putExample(line.slice(0, t1), line.slice(t1 + 1, t2) as 'chat' | 'text', line.slice(t2 + 1), now), null);
      position += 1;
      n += 1;
    }
  };
  const finish = (): void => {
    if (rejectedFile) {
      // Rejected rows are the user's data too: they stay in the workspace next to the version they were left out of.
      mkdirSync(dirname(rejectedFile), { recursive: true });
      copyFileSync(staged.rejectedFile, rejectedFile);
    }
    repo.completeVersion(versionId);
    ws.audit.append({ actor: 'user', action: 'dataset.import', subject: versionId, hashBefore: null, hashAfter: staged.versionHash, details: { datasetId, projectId: project!.id, ...details, examples: summary.examples } });
    done = true;
  };
  // A larger page cache while inserting: the hash index takes inserts in random order, and with SQLite's default
  // 2 MB cache a million-row import spends most of its time re-reading index pages. 64 MB keeps memory bounded.
  const cacheBefore = ws.db.pragma('cache_size', { simple: true }) as number;
  ws.db.pragma('cache_size = -65536');
  try {
    dropStaleImports(ws);
    throwIfAborted(options.signal);
    ws.db.transaction(() => {
      project = 'projectId' in target ? ws.projects.get(target.projectId) : createProject(ws, target.projectName, target.domain ?? 'general');
      if (!project) throw new FieldtuneError('NOT_FOUND', `No project with id ${(target as { projectId: string }).projectId}`);
      createdProject = !('projectId' in target);
      repo.createDataset({ id: datasetId, projectId: project.id, name: datasetName, kind: summary.kind, createdAt: now });
      repo.createVersion({ id: versionId, datasetId, parentId: null, hash: staged.versionHash, examples: summary.examples, operation: 'import', details, createdAt: now }, false);
      writeBatch();
    })();
    started = true;
    while (!done) {
      options.onProgress?.({ phase: 'saving', current: position, total: summary.examples });
      await new Promise((resolve) => setImmediate(resolve));
      throwIfAborted(options.signal);
      ws.db.transaction(writeBatch)();
    }
    options.onProgress?.({ phase: 'saving', current: position, total: summary.examples });
    return {
      project: { id: project!.id, name: project!.name },
      dataset: { id: datasetId, name: datasetName },
      version: { id: versionId, hash: staged.versionHash, examples: summary.examples, rejected: summary.rejected, format: summary.format, encoding: summary.encoding, ...(summary.mapping ? { mapping: summary.mapping } : {}) },
      rejectedFile,
    };
  } catch (e) {
    if (started && !done) {
      ws.db.transaction(() => {
        repo.dropIncomplete(versionId);
        if (createdProject && project) {
          ws.projects.delete(project.id);
          ws.audit.append({ actor: 'user', action: 'project.delete', subject: project.id, details: { name: project.name, reason: 'the import it was created for did not finish' } });
        }
      })();
      repo.collectOrphanExamples(); // the batches already written; no other version lists them
      if (rejectedFile) rmSync(rejectedFile, { force: true });
    }
    throw e;
  } finally {
    lines.return(undefined);
    ws.db.pragma(`cache_size = ${cacheBefore}`);
    discardStaged(staged);
  }
}

/** Removes imports a crash left incomplete (old enough that no live process can still be writing them). */
function dropStaleImports(ws: Workspace): void {
  const repo = datasetsOf(ws);
  const stale = repo.staleIncomplete(new Date(Date.now() - STALE_MS).toISOString());
  if (stale.length === 0) return;
  ws.db.transaction(() => { for (const id of stale) repo.dropIncomplete(id); })();
  repo.collectOrphanExamples();
}

/** Stage + commit for callers that already hold an open workspace (the app's import job). */
export async function importIntoWorkspace(ws: Workspace, path: string, target: ProjectTarget, options: ImportRunOptions & { datasetName?: string } = {}): Promise<ImportResult> {
  const staged = await stageImport(path, options);
  return commitImport(ws, staged, target, options);
}
