// Pseudonym maps live apart from the data: one file per dataset under <workspace>/private/pseudonym-maps/, holding
// the dataset's secret (which makes surrogates reproducible) and every original -> surrogate pair. Deleting the file
// makes the pseudonymized versions unlinkable to the originals without touching the database.
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../disk/atomicWrite.js';
import { readWorkspaceFileSync } from '../../disk/encryption.js';
import { parsePseudonymMap, serializePseudonymMap, type PseudonymMap } from '../../pii/redact.js';
import type { Workspace } from '../../workspace.js';

export interface DatasetMap {
  secret: Buffer;
  map: PseudonymMap;
}

export function mapDir(ws: Pick<Workspace, 'dir'>): string {
  return join(ws.dir, 'private', 'pseudonym-maps');
}

function mapFile(ws: Pick<Workspace, 'dir'>, datasetId: string): string {
  // Dataset ids are UUIDs made by the core; refuse anything else rather than build a path from it.
  if (!/^[A-Za-z0-9-]{1,64}$/.test(datasetId)) throw new Error(`unexpected dataset id ${datasetId}`);
  return join(mapDir(ws), `${datasetId}.json`);
}

export function loadMap(ws: Pick<Workspace, 'dir'>, datasetId: string): DatasetMap | null {
  const file = mapFile(ws, datasetId);
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readWorkspaceFileSync(file).toString('utf8')) as { secret: string; map: unknown };
  return { secret: Buffer.from(raw.secret, 'base64'), map: parsePseudonymMap(JSON.stringify(raw.map)) };
}

/** Atomic (temp file + rename) and readable by the owner only. */
export function saveMap(ws: Pick<Workspace, 'dir'>, datasetId: string, m: DatasetMap): void {
  const dir = mapDir(ws);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = mapFile(ws, datasetId);
  const body = `{"version":1,"datasetId":${JSON.stringify(datasetId)},"secret":${JSON.stringify(m.secret.toString('base64'))},"map":${serializePseudonymMap(m.map)}}`;
  writeFileAtomic(file, body, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function deleteMap(ws: Pick<Workspace, 'dir'>, datasetId: string): boolean {
  const file = mapFile(ws, datasetId);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}

/** How many original -> surrogate entries a map holds (name words and whole names both count). */
export function mapEntries(m: DatasetMap | null): number {
  if (!m) return 0;
  return Object.values(m.map.entries).reduce((n, table) => n + Object.keys(table ?? {}).length, 0);
}

/**
 * For deleteProject: notes the project's datasets before its rows go, and returns the step that removes their maps
 * once the deletion has committed (a failed deletion must keep them).
 */
export function pseudonymMapsOfProject(ws: Workspace, projectId: string): () => void {
  const ids = ws.datasets.listDatasets(projectId).map((d) => d.id);
  return () => {
    for (const id of ids) deleteMap(ws, id);
  };
}
