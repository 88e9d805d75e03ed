// The Data wizard's requests over the data engine (electron/core/data): listing, the import job, paged examples,
// metadata columns, token statistics with a base model's tokenizer, and export.
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ColumnField, Dataset, ExampleRow, ImportFormat, SplitLabel } from '../../../contract/datasets.js';
import type { DomainTemplate } from '../../../contract/domain.js';
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { exportVersion } from './export.js';
import { importIntoWorkspace, type ProjectTarget } from './importCommit.js';
import { requireVersion, toMember, walkVersion } from './versions.js';
import { isSample } from '../../data/example.js';
import { resourcePath } from '../../appPaths.js';
import type { Workspace } from '../../workspace.js';
import { requireProject } from '../projects/projects.js';

export const SAMPLE_DATASET = resourcePath('demo', 'sample-chat.jsonl');

export function listDatasets(ws: Workspace, projectId: string): Dataset[] {
  requireProject(ws, projectId);
  const repo = ws.datasets;
  return repo.listDatasets(projectId).map((d) => ({ ...d, versions: repo.listVersions(d.id) }));
}

/** The demo dataset shipped in resources/ (24 clinic front-desk questions), offered where a user has no file yet. */
export function bundledSamples(): Array<{ label: string; path: string; examples: number }> {
  if (!existsSync(SAMPLE_DATASET)) return [];
  const examples = readFileSync(SAMPLE_DATASET, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  return [{ label: 'Clinic front desk (demo sample)', path: SAMPLE_DATASET, examples }];
}

export interface ImportInput {
  projectId?: string | undefined;
  newProject?: { name: string; domain: DomainTemplate } | undefined;
  path: string;
  format?: ImportFormat | undefined;
  map?: Record<string, ColumnField> | undefined;
  encoding?: string | undefined;
  skipBad: boolean;
  name?: string | undefined;
}

/** Checks what can be checked at once (project, path), then imports as a job: progress, cancel, nothing written on refusal. */
export async function startImport(ws: Workspace, input: ImportInput): Promise<JobOf<'dataset.import'>> {
  if (input.projectId) requireProject(ws, input.projectId);
  const target: ProjectTarget = input.projectId ? { projectId: input.projectId } : { projectName: input.newProject!.name, domain: input.newProject!.domain };
  const path = resolve(input.path);
  if (!(await stat(path).catch(() => null))) throw new FieldtuneError('INVALID_INPUT', `There is no file or folder at ${path}.`);
  const params = { path, format: input.format ?? null, map: input.map ?? null, encoding: input.encoding ?? null, skipBad: input.skipBad };
  return ws.jobs.start({ kind: 'dataset.import', projectId: input.projectId ?? null, params }, ({ signal, onProgress }) =>
    importIntoWorkspace(ws, path, target, {
      format: input.format,
      mapping: input.map,
      encoding: input.encoding,
      skipBad: input.skipBad,
      signal,
      ...(input.name ? { datasetName: input.name } : {}),
      onProgress: (u) => onProgress({ phase: u.phase === 'reading' ? 'Reading the file' : 'Saving examples', current: u.current, total: u.total }),
    }),
  );
}

export function examplesPage(ws: Workspace, versionId: string, offset: number, limit: number): { total: number; rows: ExampleRow[] } {
  const version = requireVersion(ws, versionId);
  // Positions are 0..n-1 in every version, so a page is a position range (an index lookup, not an OFFSET scan).
  const rows = ws.datasets.membersPage(versionId, offset, limit).map((r): ExampleRow => {
    const m = toMember(r);
    const e = m.example;
    const base = { position: m.position, hash: m.hash, split: m.split };
    if (isSample(e)) return { ...base, messages: e.messages, ...(e.metadata ? { metadata: e.metadata } : {}) };
    return { ...base, text: e.text };
  });
  return { total: version.examples, rows };
}

/**
 * Metadata columns the examples carry (e.g. category): what a split can be stratified by. The first 50,000 examples
 * are enough to name the columns and tell a label (few values) from free text, and keep this quick on huge versions.
 */
export async function metadataColumns(ws: Workspace, versionId: string): Promise<Array<{ name: string; filled: number; distinct: number }>> {
  requireVersion(ws, versionId);
  const seen = new Map<string, { filled: number; values: Set<string> }>();
  let scanned = 0;
  for await (const m of walkVersion(ws, versionId)) {
    if (++scanned > 50_000) break;
    if (!isSample(m.example)) continue;
    for (const [k, v] of Object.entries(m.example.metadata ?? {})) {
      const entry = seen.get(k) ?? { filled: 0, values: new Set<string>() };
      seen.set(k, entry);
      if (v === null || v === '') continue;
      entry.filled += 1;
      if (entry.values.size <= 10_000) entry.values.add(String(v));
    }
  }
  return [...seen].map(([name, e]) => ({ name, filled: e.filled, distinct: e.values.size })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function exportDataset(ws: Workspace, versionId: string, format: 'jsonl' | 'csv', outFile: string, split?: SplitLabel) {
  const file = resolve(outFile);
  if (!(await stat(dirname(file)).catch(() => null))) throw new FieldtuneError('INVALID_INPUT', `The folder ${dirname(file)} does not exist.`);
  return exportVersion(ws, versionId, { format, outFile: file, ...(split ? { split } : {}) });
}
