// Tracing what was derived from an example or an imported file. An example is content-addressed (its hash), and
// versions are immutable snapshots chained by parent, so lineage is computed, not stored:
// - a version lists the example when one of its members has one of the example's known hashes ("forms");
// - a child with as many members as its parent keeps positions one to one (split, redact, edit: the operations
//   that change an example's content without adding or removing any), so the member at a traced position of the
//   parent is a form of the example too: the redacted or corrected copy is still that person's record.
// - A clean that both rewrites and removes examples cannot be followed by position; such a rewritten copy is only
//   found if its text matches another known form. The report says so.
import { FieldtuneError } from '../../../contract/errors.js';
import type { Lineage, LineageExport, LineageRun, LineageVersion } from '../../../contract/lineageRequests.js';
import { canonicalJson, isSample, sha256, type Example } from '../../data/example.js';
import { LineageRepository, type LineageVersionRow } from '../../store/repositories/lineage.js';
import type { Workspace } from '../../workspace.js';
import { adaptersRepo } from '../adapters/repo.js';
import { requireVersion } from '../datasets/versions.js';

/** What an erased example's place in an old version holds from then on: the same shape, no content. */
export function placeholderOf(kind: 'chat' | 'text'): { example: Example; body: string; hash: string } {
  const example: Example =
    kind === 'chat'
      ? {
          messages: [
            { role: 'user', content: '[erased]' },
            { role: 'assistant', content: '[erased]' },
          ],
        }
      : { text: '[erased]' };
  const body = canonicalJson(example);
  return { example, body, hash: sha256(body) };
}
const PLACEHOLDERS = new Set([placeholderOf('chat').hash, placeholderOf('text').hash]);

export interface TracedVersion {
  row: LineageVersionRow;
  positions: number[];
}
export interface Trace {
  versions: Map<string, TracedVersion>;
  /** Every hash the example has had (as imported, redacted, corrected). */
  forms: Set<string>;
  preview: string;
}

const lineageRepo = (ws: Workspace) => new LineageRepository(ws.db);

function previewOf(body: string): string {
  const example = JSON.parse(body) as Example;
  const text = isSample(example) ? (example.messages.find((m) => m.role === 'user')?.content ?? '') : example.text;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

export function traceExample(ws: Workspace, versionId: string, position: number): Trace {
  requireVersion(ws, versionId);
  const member = ws.datasets.membersPage(versionId, position, 1)[0];
  if (!member || member.position !== position) throw new FieldtuneError('NOT_FOUND', `This version has no example #${position + 1}.`);
  if (PLACEHOLDERS.has(member.hash)) throw new FieldtuneError('INVALID_INPUT', `Example #${position + 1} was already erased.`);
  const repo = lineageRepo(ws);
  const forms = new Set([member.hash]);
  const versions = new Map<string, TracedVersion>();
  const rows = repo.allVersions();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Passes until no new form turns up: a later pass finds versions written before a form of the example was met
  // (the version a redacted copy came from, or a record imported again elsewhere). Each pass only adds, so it ends.
  for (let size = -1; size !== forms.size;) {
    size = forms.size;
    const places = new Map<string, number[]>();
    for (const p of repo.placesOf([...forms])) places.set(p.version_id, [...(places.get(p.version_id) ?? []), p.position]);
    for (const row of rows) {
      const found = new Set(places.get(row.id) ?? []);
      const parent = row.parent_id ? versions.get(row.parent_id) : undefined;
      if (parent && parent.row.examples === row.examples) {
        for (const p of repo.hashesAt(row.id, parent.positions)) {
          if (PLACEHOLDERS.has(p.hash)) continue;
          found.add(p.position);
          forms.add(p.hash);
        }
      }
      if (found.size === 0) continue;
      const positions = [...found].sort((a, b) => a - b);
      versions.set(row.id, { row, positions });
      // the other way: the copy this one was made from, one to one, is a form too (found by hash next pass)
      const parentRow = row.parent_id ? byId.get(row.parent_id) : undefined;
      if (parentRow && parentRow.examples === row.examples) {
        for (const p of repo.hashesAt(parentRow.id, positions)) if (!PLACEHOLDERS.has(p.hash)) forms.add(p.hash);
      }
    }
  }
  return { versions, forms, preview: previewOf(member.body) };
}

/** An imported file's lineage: the imports made from it and every version derived from them. */
export function traceFile(ws: Workspace, projectId: string, fileName: string): Map<string, TracedVersion> {
  const repo = lineageRepo(ws);
  const imports = new Set(repo.importsOfFile(projectId, fileName));
  if (imports.size === 0) throw new FieldtuneError('NOT_FOUND', `No data in this project was imported from a file named ${fileName}.`);
  const versions = new Map<string, TracedVersion>();
  for (const row of repo.allVersions()) {
    if (imports.has(row.id) || (row.parent_id && versions.has(row.parent_id))) versions.set(row.id, { row, positions: [] });
  }
  return versions;
}

/** Runs trained on any of the versions, and runs continued from those (they carry what the first run learned). */
export function runsOf(ws: Workspace, versionIds: ReadonlySet<string>): LineageRun[] {
  const flags = lineageRepo(ws).flags();
  const all = ws.trainingRuns.list().reverse();
  const hit = new Map<string, string[]>();
  for (const r of all) {
    const ids = (JSON.parse(r.datasets) as { versionId: string }[]).map((d) => d.versionId).filter((id) => versionIds.has(id));
    if (ids.length > 0) hit.set(r.id, ids);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const r of all) {
      if (!hit.has(r.id) && r.continue_from && hit.has(r.continue_from)) {
        hit.set(r.id, hit.get(r.continue_from)!);
        grew = true;
      }
    }
  }
  const current = new Map<string, string | null>();
  const currentOf = (projectId: string) => {
    if (!current.has(projectId)) current.set(projectId, adaptersRepo(ws).history(projectId).at(-1)?.run_id ?? null);
    return current.get(projectId);
  };
  return all
    .filter((r) => hit.has(r.id))
    .map((r) => {
      const flag = flags.get(r.id);
      return {
        id: r.id,
        projectId: r.project_id,
        status: r.status,
        createdAt: r.created_at,
        versionIds: hit.get(r.id)!,
        continuedFrom: r.continue_from,
        hasAdapter: r.adapter_sha256 !== null,
        current: r.project_id !== null && currentOf(r.project_id) === r.id,
        needsRetraining: flag ? { reason: flag.reason, at: flag.at } : null,
      };
    });
}

/** Copies that left the workspace, from the audit log: they cannot be recalled, so the person must know where they went. */
export function exportsOf(ws: Workspace, versionIds: Iterable<string>, runs: readonly LineageRun[]): LineageExport[] {
  const out: LineageExport[] = [];
  for (const versionId of versionIds) {
    for (const e of ws.audit.list({ limit: 1000, action: 'dataset.export', subject: versionId })) {
      const where = e.details?.['out'];
      out.push({ at: e.at, runId: null, versionId, format: `data-${String(e.details?.['format'] ?? 'jsonl')}`, out: typeof where === 'string' ? where : null });
    }
  }
  for (const run of runs) {
    for (const e of ws.audit.list({ limit: 1000, action: 'adapters.', subject: run.id })) {
      if (e.action !== 'adapters.export' && e.action !== 'adapters.job-package') continue;
      const format = e.action === 'adapters.job-package' ? 'job' : String(e.details?.['format'] ?? 'gguf');
      out.push({ at: e.at, runId: run.id, versionId: null, format, out: typeof e.details?.['out'] === 'string' ? e.details['out'] : null });
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function toLineage(ws: Workspace, subject: Lineage['subject'], traced: Map<string, TracedVersion>): Lineage {
  const erased = lineageRepo(ws).erasedVersionIds();
  const newest = new Map<string, string>();
  for (const row of lineageRepo(ws).allVersions()) newest.set(row.dataset_id, row.id);
  const versions: LineageVersion[] = [...traced.values()].map(({ row, positions }) => ({
    id: row.id,
    datasetId: row.dataset_id,
    datasetName: row.dataset_name,
    projectId: row.project_id,
    projectName: row.project_name,
    operation: row.operation,
    createdAt: row.created_at,
    examples: row.examples,
    positions,
    latest: newest.get(row.dataset_id) === row.id,
    erased: erased.has(row.id),
  }));
  const runs = runsOf(ws, new Set(traced.keys()));
  return { subject, versions, runs, exports: exportsOf(ws, traced.keys(), runs) };
}

export function exampleLineage(ws: Workspace, versionId: string, position: number): Lineage {
  const trace = traceExample(ws, versionId, position);
  return toLineage(ws, { kind: 'example', preview: trace.preview }, trace.versions);
}

export function fileLineage(ws: Workspace, projectId: string, fileName: string): Lineage {
  return toLineage(ws, { kind: 'file', fileName }, traceFile(ws, projectId, fileName));
}
