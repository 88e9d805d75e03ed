import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { resolveUserPath } from '../../data/userPath.js';
import type { BaseModel } from '../../../contract/domain.js';
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { JobContext } from '../../jobs/jobManager.js';
import { registerResumer } from '../jobs/resume.js';
import type { Workspace } from '../../workspace.js';
import { checkGgufFile } from '../../gguf/check.js';
import { readModelFacts } from '../../gguf/modelFacts.js';
import { runInWorker } from '../../workers/runInWorker.js';

export interface RegisterOptions {
  label?: string;
  isDemo?: boolean;
}

/** Computes a file's sha256 (tests count the calls). */
export type FileHasher = (path: string, ctx?: JobContext) => Promise<string>;

/** The default hasher: a worker thread reads the file, so gigabytes never hold the core's event loop. */
export const hashInWorker: FileHasher = async (path, ctx) =>
  (
    await runInWorker(
      'model.fingerprint',
      { path },
      {
        signal: ctx?.signal,
        onProgress: (phase, current, total) => ctx?.onProgress({ phase, current, total }),
        cancelledMessage: 'Fingerprinting was cancelled.',
      },
    )
  ).sha256;

/**
 * A model file's sha256, computed once per unchanged file: the cache (migration 011) is keyed by path, size and
 * modification time, so a file replaced or touched since is hashed again.
 */
export async function fingerprintOf(
  ws: Workspace,
  path: string,
  ctx?: JobContext,
  hash: FileHasher = hashInWorker,
): Promise<{ sha256: string; cached: boolean }> {
  const info = await stat(path);
  const identity = { path, sizeBytes: info.size, mtimeMs: info.mtimeMs };
  const known = ws.modelFingerprints.get(identity);
  if (known) {
    ctx?.onProgress({ phase: 'Fingerprint already known (file unchanged)', current: info.size, total: info.size });
    return { sha256: known, cached: true };
  }
  const sha256 = await hash(path, ctx);
  ws.modelFingerprints.put(identity, sha256);
  return { sha256, cached: false };
}

/** Fingerprints a model where it lies and records it. Runs inside a job: hashing gigabytes takes a while. */
export async function fingerprintAndRecord(ws: Workspace, path: string, opts: RegisterOptions, ctx?: JobContext, hash?: FileHasher): Promise<BaseModel> {
  const { sizeBytes } = await checkGgufFile(path);
  const { sha256 } = await fingerprintOf(ws, path, ctx, hash);
  ctx?.onProgress({ phase: 'Reading model header', current: 0, total: null });
  const metadata = await readModelFacts(path);
  const model = ws.models.upsert({
    id: randomUUID(),
    path,
    sizeBytes,
    sha256,
    label: opts.label ?? basename(path),
    isDemo: opts.isDemo ?? false,
    metadata,
    addedAt: new Date().toISOString(),
  });
  ws.audit.append({ actor: 'user', action: 'model.register', subject: model.id, hashAfter: sha256, details: { path, sizeBytes } });
  return model;
}

export async function startModelRegistration(ws: Workspace, rawPath: string, label?: string, resumedFrom?: string): Promise<JobOf<'model.register'>> {
  const path = resolveUserPath(rawPath).path;
  await checkGgufFile(path);
  const params = label === undefined ? { path } : { path, label };
  return ws.jobs.start({ kind: 'model.register', params, ...(resumedFrom ? { resumedFrom } : {}) }, (ctx) =>
    fingerprintAndRecord(ws, path, label === undefined ? {} : { label }, ctx),
  );
}

// Fingerprinting keeps no partial state: resuming reads the file again from the start.
registerResumer('model.register', (ws, params, from) => startModelRegistration(ws, params.path, params.label, from.id));

export function removeModel(ws: Workspace, id: string): { id: string } {
  const model = ws.models.get(id);
  if (!model) throw new FieldtuneError('NOT_FOUND', `No base model with id ${id}`);
  ws.db.transaction(() => {
    ws.models.delete(id);
    ws.audit.append({ actor: 'user', action: 'model.remove', subject: id, hashBefore: model.sha256, details: { path: model.path } });
  })();
  return { id };
}
