// Request-shaped entry points for the hosts' handlers ('datasets:*'): each takes the workspace and the parsed
// request input and returns the response, so wiring a contract entry is one line per request.
import type { Job } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { DatasetRecord, DatasetVersionRecord, SplitLabel } from '../store/repositories/datasets.js';
import type { Workspace } from '../workspace.js';
import type { ColumnMapping } from './columns.js';
import { exportVersion, versionStats, type ExportFormat, type VersionStats } from './datasetExport.js';
import { previewImport, startImportJob, type ImportPreview } from './datasetJobs.js';
import { cleanVersion, editMember, pageMembers, removeMembers, splitVersion, versionLeakage, type CleanOptions, type CleanReport, type Member, type SplitReport, type SplitVersionOptions } from './datasetOps.js';
import { datasetsOf } from './datasetRepo.js';
import type { Example } from './example.js';
import type { ImportFormat } from './importFile.js';
import type { LeakageReport } from './split.js';
import type { TokenizeExample } from './tokens.js';

export interface ImportInput {
  path: string;
  projectId?: string;
  /** Used when projectId is absent: a new project with this name (default: the file name). */
  projectName?: string;
  datasetName?: string;
  format?: ImportFormat;
  mapping?: ColumnMapping;
  encoding?: string;
  skipBad?: boolean;
}

export const datasetsService = {
  preview(_ws: Workspace, input: { path: string; format?: ImportFormat; mapping?: ColumnMapping; encoding?: string; limit?: number }): Promise<ImportPreview> {
    return previewImport(input.path, input);
  },

  import(ws: Workspace, input: ImportInput): Job {
    if (input.projectId && !ws.projects.get(input.projectId)) throw new FieldtuneError('NOT_FOUND', `No project with id ${input.projectId}`);
    const name = input.projectName ?? input.path.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
    return startImportJob(ws, {
      path: input.path,
      target: input.projectId ? { projectId: input.projectId } : { projectName: name },
      ...(input.datasetName ? { datasetName: input.datasetName } : {}),
      ...(input.format ? { format: input.format } : {}),
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.encoding ? { encoding: input.encoding } : {}),
      skipBad: input.skipBad ?? false,
    });
  },

  list(ws: Workspace, input: { projectId: string }): Array<DatasetRecord & { versions: DatasetVersionRecord[] }> {
    const repo = datasetsOf(ws);
    return repo.listDatasets(input.projectId).map((d) => ({ ...d, versions: repo.listVersions(d.id) }));
  },

  examples(ws: Workspace, input: { versionId: string; offset: number; limit: number }): { total: number; items: Member[] } {
    return pageMembers(ws, input.versionId, input.offset, input.limit);
  },

  clean(ws: Workspace, input: { versionId: string } & Omit<CleanOptions, 'countTokens' | 'signal'>): CleanReport {
    const { versionId, ...options } = input;
    return cleanVersion(ws, versionId, options);
  },

  remove(ws: Workspace, input: { versionId: string; positions: number[]; reason: string }): DatasetVersionRecord {
    return removeMembers(ws, input.versionId, input.positions, input.reason);
  },

  edit(ws: Workspace, input: { versionId: string; position: number; example: Example }): DatasetVersionRecord {
    return editMember(ws, input.versionId, input.position, input.example);
  },

  split(ws: Workspace, input: { versionId: string } & SplitVersionOptions): SplitReport {
    const { versionId, ...options } = input;
    return splitVersion(ws, versionId, options);
  },

  leakage(ws: Workspace, input: { versionId: string }): LeakageReport {
    return versionLeakage(ws, input.versionId);
  },

  /** `tokenize` comes from the base model's render+tokenize module when the request names a model. */
  stats(ws: Workspace, input: { versionId: string; maxLength: number; split?: SplitLabel; bins?: number }, tokenize?: TokenizeExample<Example>): Promise<VersionStats> {
    return versionStats(ws, input.versionId, { maxLength: input.maxLength, ...(input.split ? { split: input.split } : {}), ...(input.bins ? { bins: input.bins } : {}), ...(tokenize ? { tokenize } : {}) });
  },

  export(ws: Workspace, input: { versionId: string; format: ExportFormat; outFile: string; split?: SplitLabel }) {
    return exportVersion(ws, input.versionId, input);
  },
};
