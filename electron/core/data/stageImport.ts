// The stage half of an import: stream the source through the importer into a temporary file outside any workspace
// (canonical JSON + hash per example). The service commits it (service/datasets/importCommit.ts); memory stays flat
// because neither step holds the dataset.
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { processAlive } from '../disk/processAlive.js';
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

export interface ImportProgressUpdate {
  phase: 'reading' | 'saving';
  current: number;
  total: number | null;
}

export interface ImportRunOptions extends Omit<ImportOptions, 'onProgress' | 'onRejected'> {
  onProgress?: (u: ImportProgressUpdate) => void;
}

/** Buffered appends with plain writeSync: simple, bounded (1 MiB), and no stream backpressure to get wrong. */
class LineWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(line: string): void {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const STAGING_PREFIX = 'fieldtune-import-';
const STAGING_NAME = /^fieldtune-import-(\d+)-/;

/**
 * A fresh staging folder (the caller owns it: a cancelled worker thread cannot remove its own), named after this
 * process so that sweepStaleStaging can tell a dead importer's folder from a live one's.
 */
export function stagingDir(): string {
  return mkdtempSync(join(tmpdir(), `${STAGING_PREFIX}${process.pid}-`));
}

/**
 * Removes the staging folders of importers that died (a crash, a kill) in the OS temp folder: they hold decoded rows
 * of the user's file, personal data included, which nothing else would ever delete (the crash test left three per
 * run). Folders of live processes, other users' included, are left alone; returns the paths removed.
 */
export function sweepStaleStaging(root = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = STAGING_NAME.exec(name)?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    const path = join(root, name);
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // another user's folder, or one in use: not ours to force
    }
  }
  return removed;
}

/** Stages `path` into `dir` (a new staging folder when omitted); on failure the folder is removed. */
export async function stageImport(path: string, options: ImportRunOptions = {}, dir = stagingDir()): Promise<StagedImport> {
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
      throw new FieldtuneError(
        'INVALID_INPUT',
        `Nothing to import: ${basename(path)} holds no usable examples${summary.rejected ? ` (${summary.rejected} rejected)` : ''}.`,
      );
    }
    return { dir, file, rejectedFile, summary, versionHash: version.digest('hex'), source: basename(path) };
  } catch (e) {
    try {
      out.close();
      rejected.close();
    } catch {
      /* already closed */
    }
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export function discardStaged(staged: StagedImport): void {
  rmSync(staged.dir, { recursive: true, force: true });
}
