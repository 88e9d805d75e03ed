// Import into the workspace in two steps. Stage: stream the source through the importer into a temporary file
// outside the workspace (canonical JSON + hash per example). Commit: one transaction writes project, dataset,
// examples, version, members and audit row. A file refused while staging therefore changes nothing in the workspace,
// and memory stays flat because neither step holds the dataset in memory.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { DomainTemplate } from '../../contract/domain.js';
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

/** Writes a staged import in one transaction and removes the staging folder, whatever happens. */
export function commitImport(ws: Workspace, staged: StagedImport, target: ProjectTarget, options: { datasetName?: string; signal?: AbortSignal; onProgress?: (u: ImportProgressUpdate) => void } = {}): ImportResult {
  const repo = datasetsOf(ws);
  const now = new Date().toISOString();
  const datasetId = randomUUID();
  const versionId = randomUUID();
  const { summary } = staged;
  const datasetName = options.datasetName ?? basename(staged.source, extname(staged.source));
  // A larger page cache while inserting: the hash index takes inserts in random order, and with SQLite's default
  // 2 MB cache a million-row import spends most of its time re-reading index pages. 64 MB keeps memory bounded.
  const cacheBefore = ws.db.pragma('cache_size', { simple: true }) as number;
  ws.db.pragma('cache_size = -65536');
  try {
    throwIfAborted(options.signal);
    const project = ws.db.transaction(() => {
      const p = 'projectId' in target ? ws.projects.get(target.projectId) : createProject(ws, target.projectName, target.domain ?? 'general');
      if (!p) throw new FieldtuneError('NOT_FOUND', `No project with id ${(target as { projectId: string }).projectId}`);
      repo.createDataset({ id: datasetId, projectId: p.id, name: datasetName, kind: summary.kind, createdAt: now });
      const details = { source: staged.source, format: summary.format, encoding: summary.encoding, rejected: summary.rejected, ...(summary.mapping ? { mapping: summary.mapping } : {}) };
      repo.createVersion({ id: versionId, datasetId, parentId: null, hash: staged.versionHash, examples: summary.examples, operation: 'import', details, createdAt: now });
      let position = 0;
      for (const line of readLinesSync(staged.file)) {
        if (!line) continue;
        const t1 = line.indexOf('\t');
        const t2 = line.indexOf('\t', t1 + 1);
        const id = repo.putExample(line.slice(0, t1), line.slice(t1 + 1, t2) as 'chat' | 'text', line.slice(t2 + 1), now);
        repo.addMember(versionId, position, id, null);
        position += 1;
        if (position % 50_000 === 0) options.onProgress?.({ phase: 'saving', current: position, total: summary.examples });
      }
      ws.audit.append({ actor: 'user', action: 'dataset.import', subject: versionId, hashBefore: null, hashAfter: staged.versionHash, details: { datasetId, projectId: p.id, ...details, examples: summary.examples } });
      return p;
    })();
    let rejectedFile: string | null = null;
    if (summary.rejected > 0) {
      // Rejected rows are the user's data too: they stay in the workspace next to the version they were left out of.
      mkdirSync(join(ws.filesDir, 'rejected'), { recursive: true });
      rejectedFile = join(ws.filesDir, 'rejected', `${versionId}.jsonl`);
      copyFileSync(staged.rejectedFile, rejectedFile);
    }
    return {
      project: { id: project.id, name: project.name },
      dataset: { id: datasetId, name: datasetName },
      version: { id: versionId, hash: staged.versionHash, examples: summary.examples, rejected: summary.rejected, format: summary.format, encoding: summary.encoding, ...(summary.mapping ? { mapping: summary.mapping } : {}) },
      rejectedFile,
    };
  } finally {
    ws.db.pragma(`cache_size = ${cacheBefore}`);
    discardStaged(staged);
  }
}

/** Stage + commit for callers that already hold an open workspace (the app's import job). */
export async function importIntoWorkspace(ws: Workspace, path: string, target: ProjectTarget, options: ImportRunOptions & { datasetName?: string } = {}): Promise<ImportResult> {
  const staged = await stageImport(path, options);
  return commitImport(ws, staged, target, options);
}
