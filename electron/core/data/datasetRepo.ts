// One DatasetsRepository per open database. The workspace object (owned by the store) does not list it yet, so it is
// created on first use and cached by connection; prepared statements are then built once per workspace.
import { DatasetsRepository } from '../store/repositories/datasets.js';
import type { Workspace } from '../workspace.js';

const cache = new WeakMap<Workspace['db'], DatasetsRepository>();

export function datasetsOf(ws: Pick<Workspace, 'db'>): DatasetsRepository {
  let repo = cache.get(ws.db);
  if (!repo) {
    repo = new DatasetsRepository(ws.db);
    cache.set(ws.db, repo);
  }
  return repo;
}
