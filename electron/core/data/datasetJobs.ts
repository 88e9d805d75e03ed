// Entry points for hosts (the app's request handlers): import as a Job with progress and real cancel, and a
// preview of the first rows for the Data wizard's format/column-mapping step (reads only the start of the file).
import type { Job, Sample, TextDocument } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { Workspace } from '../workspace.js';
import type { ColumnMapping } from './columns.js';
import { importIntoWorkspace, type ImportResult, type ProjectTarget } from './datasetImport.js';
import { DataImportError } from './errors.js';
import { importFile, type Detected, type ImportFormat, type RejectedRow } from './importFile.js';

export interface ImportJobParams {
  path: string;
  target: ProjectTarget;
  datasetName?: string;
  format?: ImportFormat;
  mapping?: ColumnMapping;
  encoding?: string;
  skipBad?: boolean;
}

/** Starts an import job; its result is an ImportResult. Progress: 'reading' in bytes, then 'saving' in examples. */
export function startImportJob(ws: Workspace, params: ImportJobParams): Job {
  const projectId = 'projectId' in params.target ? params.target.projectId : null;
  return ws.jobs.start<ImportResult>({ kind: 'data.import', projectId, params }, (ctx) =>
    importIntoWorkspace(ws, params.path, params.target, {
      datasetName: params.datasetName, format: params.format, mapping: params.mapping, encoding: params.encoding, skipBad: params.skipBad,
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress({ phase: p.phase, current: p.current, total: p.total }),
    }),
  );
}

export interface ImportPreview extends Detected {
  /** The first examples as they would be imported. */
  examples: Array<{ line: number; example: Sample | TextDocument }>;
  /** Bad rows among those read, so the user sees problems before starting a long import. */
  rejected: RejectedRow[];
}

/** Reads just enough of the file to show `limit` examples with the detected format, encoding and mapping. */
export async function previewImport(path: string, options: { format?: ImportFormat; mapping?: ColumnMapping; encoding?: string; limit?: number } = {}): Promise<ImportPreview> {
  const limit = options.limit ?? 20;
  const controller = new AbortController();
  let detected: Detected | null = null;
  const examples: ImportPreview['examples'] = [];
  const rejected: RejectedRow[] = [];
  try {
    await importFile(path, {
      ...options, skipBad: true, signal: controller.signal,
      onDetected: (d) => { detected = d; },
      onRejected: (r) => { if (rejected.length < limit) rejected.push(r); },
    }, (item) => {
      examples.push({ line: item.line, example: 'sample' in item ? item.sample : item.document });
      if (examples.length >= limit) controller.abort();
    });
  } catch (e) {
    // Stopping early is how the preview ends; any other failure (encoding, unmappable headers) is the answer.
    if (!(e instanceof FieldtuneError && e.code === 'CANCELLED' && !(e instanceof DataImportError))) throw e;
  }
  if (!detected) throw new DataImportError('The file holds nothing Fieldtune can read.');
  return { ...(detected as Detected), examples, rejected };
}
