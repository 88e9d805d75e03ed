// The Data wizard's requests over the data engine (electron/core/data): listing, the import job, paged examples,
// metadata columns, token statistics with a base model's tokenizer, and export.
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { assertFreeSpace } from '../../disk/freeSpace.js';
import { resolveUserPath } from '../../data/userPath.js';
import type { Dataset, ExampleRow, SplitLabel } from '../../../contract/datasets.js';
import type { DomainTemplate, Sample } from '../../../contract/domain.js';
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { exportVersion } from './export.js';
import { importIntoWorkspace, type ProjectTarget } from './importCommit.js';
import { requireVersion, toMember, walkVersion } from './versions.js';
import { systemLocale } from '../../data/dateLocale.js';
import { isSample } from '../../data/example.js';
import { resourcePath } from '../../appPaths.js';
import type { PreviewInput } from './preview.js';
import type { Workspace } from '../../workspace.js';
import { userOutFile } from '../files/outFile.js';
import { requireProject } from '../projects/projects.js';
import { LineageRepository } from '../../store/repositories/lineage.js';

export const SAMPLE_DATASET = resourcePath('demo', 'sample-chat.jsonl');

export function listDatasets(ws: Workspace, projectId: string): Dataset[] {
  requireProject(ws, projectId);
  const repo = ws.datasets;
  // a version an erasure scrubbed still counts the placeholder as an example: the list says how many there are
  const erased = new LineageRepository(ws.db).erasedCounts();
  return repo.listDatasets(projectId).map((d) => ({
    ...d,
    versions: repo.listVersions(d.id).map((v) => (erased.has(v.id) ? { ...v, erasedExamples: erased.get(v.id)! } : v)),
  }));
}

/** The demo dataset shipped in resources/ (24 clinic front-desk questions), offered where a user has no file yet. */
export function bundledSamples(): Array<{ label: string; path: string; examples: number }> {
  if (!existsSync(SAMPLE_DATASET)) return [];
  const examples = readFileSync(SAMPLE_DATASET, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  return [{ label: 'Clinic front desk (demo sample)', path: SAMPLE_DATASET, examples }];
}

/** What the preview reads, plus where the examples go and whether bad rows are set aside. */
export interface ImportInput extends PreviewInput {
  projectId?: string | undefined;
  newProject?: { name: string; domain: DomainTemplate; locale?: string | undefined } | undefined;
  skipBad: boolean;
  name?: string | undefined;
}

/** Checks what can be checked at once (project, path), then imports as a job: progress, cancel, nothing written on refusal. */
export async function startImport(ws: Workspace, input: ImportInput): Promise<JobOf<'dataset.import'>> {
  const project = input.projectId ? requireProject(ws, input.projectId) : null;
  const target: ProjectTarget = project
    ? { projectId: project.id }
    : { projectName: input.newProject!.name, domain: input.newProject!.domain, ...(input.newProject!.locale ? { locale: input.newProject!.locale } : {}) };
  // Spreadsheet dates are written as the project reads dates: its own locale, or the one the new project will get.
  const locale = project?.locale ?? input.newProject?.locale ?? input.locale ?? systemLocale();
  const path = resolveUserPath(input.path).path;
  const source = await stat(path).catch(() => null);
  if (!source) throw new FieldtuneError('INVALID_INPUT', `There is no file or folder at ${path}.`);
  // the examples, their index and the journal take about twice the source's size in the workspace's database
  if (source.isFile()) assertFreeSpace(ws.dir, source.size * 2, `import ${basename(path)}`);
  const params = {
    path,
    format: input.format ?? null,
    map: input.map ?? null,
    encoding: input.encoding ?? null,
    skipBad: input.skipBad,
    sheet: input.sheet ?? null,
    skipEmpty: input.skipEmpty ?? false,
  };
  return ws.jobs.start({ kind: 'dataset.import', projectId: input.projectId ?? null, params }, ({ signal, onProgress }) =>
    importIntoWorkspace(ws, path, target, {
      format: input.format,
      mapping: input.map,
      encoding: input.encoding,
      skipBad: input.skipBad,
      sheet: input.sheet,
      skipEmpty: input.skipEmpty,
      locale,
      signal,
      ...(input.name ? { datasetName: input.name } : {}),
      onProgress: (u) => onProgress({ phase: u.phase === 'reading' ? 'Reading the file' : 'Saving examples', current: u.current, total: u.total }),
    }),
  );
}

export function examplesPage(
  ws: Workspace,
  versionId: string,
  offset: number,
  limit: number,
): { total: number; rows: ExampleRow[]; systemPrompt: string | null } {
  const version = requireVersion(ws, versionId);
  // Positions are 0..n-1 in every version, so a page is a position range (an index lookup, not an OFFSET scan).
  const rows = ws.datasets.membersPage(versionId, offset, limit).map((r): ExampleRow => {
    const m = toMember(r);
    const e = m.example;
    const base = { position: m.position, hash: m.hash, split: m.split };
    if (isSample(e)) return { ...base, messages: e.messages, ...(e.metadata ? { metadata: e.metadata } : {}) };
    return { ...base, text: e.text };
  });
  return { total: version.examples, rows, systemPrompt: sharedSystemPrompt(ws, versionId) };
}

/** Versions never change, so the answer is kept per version (bounded: the wizard looks at a handful at a time). */
const promptCache = new Map<string, string | null>();

/** The system prompt every chat example of a version carries, or null when there is none or they differ. */
export function sharedSystemPrompt(ws: Workspace, versionId: string): string | null {
  const key = `${ws.dir}\u0000${versionId}`;
  if (promptCache.has(key)) return promptCache.get(key)!;
  let shared: string | null | undefined;
  for (const row of ws.datasets.iterateMembers(versionId)) {
    if (row.kind !== 'chat') continue;
    const e = JSON.parse(row.body) as Sample;
    const prompt = e.messages.find((m) => m.role === 'system')?.content ?? null;
    if (shared === undefined) shared = prompt;
    else if (shared !== prompt) {
      shared = null;
      break; // iterate() stops and frees its statement when the loop is left
    }
  }
  if (promptCache.size > 50) promptCache.clear();
  promptCache.set(key, shared ?? null);
  return shared ?? null;
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

export async function exportDataset(ws: Workspace, versionId: string, format: 'jsonl' | 'csv', outFile: string, split?: SplitLabel, overwrite = false) {
  const file = await userOutFile(outFile, overwrite);
  // an export is about as large as the version's examples as stored
  assertFreeSpace(dirname(file), ws.datasets.versionBytes(versionId), `export to ${file}`);
  const result = exportVersion(ws, versionId, { format, outFile: file, ...(split ? { split } : {}) });
  // A copy of the data now lives outside the workspace and cannot be recalled: the lineage view lists it from this row.
  ws.audit.append({
    actor: 'user',
    action: 'dataset.export',
    subject: versionId,
    details: { out: result.file, format, examples: result.examples, ...(split ? { split } : {}) },
  });
  return result;
}
