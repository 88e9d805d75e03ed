// models:discover: looks for GGUF models already on this computer as a job. The walk and the header reads run in a
// worker thread (a folder of thousands of files must not hold the core's event loop); the service only adds which
// candidates are registered already. Picking one is the ordinary models:register.
import type { JobOf } from '../../../contract/jobs.js';
import type { ModelRoots } from '../../../contract/models.js';
import { resolveUserPath } from '../../data/userPath.js';
import { resolveRoots } from '../../models/roots.js';
import { nativeTool, trainerAvailable } from '../../train/supervisor.js';
import { runInWorker } from '../../workers/runInWorker.js';
import type { Workspace } from '../../workspace.js';

export function startDiscovery(ws: Workspace, folders: string[], roots?: ModelRoots): JobOf<'model.discover'> {
  const named = folders.map((f) => resolveUserPath(f).path);
  const params = roots ? { folders: named, roots } : { folders: named };
  return ws.jobs.start({ kind: 'model.discover', params }, async ({ signal, onProgress }) => {
    const found = await runInWorker(
      'model.discover',
      { roots: resolveRoots(roots), folders: named, trainer: trainerAvailable() ? nativeTool('fieldtune-train') : null },
      { signal, onProgress: (phase, current, total) => onProgress({ phase, current, total }), cancelledMessage: 'Looking for models was cancelled.' },
    );
    return { ...found, candidates: found.candidates.map((c) => ({ ...c, registeredModelId: ws.models.byPath(c.path)?.id ?? null })) };
  });
}
