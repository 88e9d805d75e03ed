// One AdaptersRepository per open workspace (the Workspace object stays as it is; this domain reaches its tables here).
import { AdaptersRepository } from '../../store/repositories/adapters.js';
import type { Workspace } from '../../workspace.js';

const repos = new WeakMap<Workspace, AdaptersRepository>();

export function adaptersRepo(ws: Workspace): AdaptersRepository {
  let repo = repos.get(ws);
  if (!repo) repos.set(ws, (repo = new AdaptersRepository(ws.db)));
  return repo;
}
