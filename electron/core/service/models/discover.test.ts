// models:discover through the door (a job whose walk runs in a worker thread), picking a candidate with the ordinary
// models:register, and the fingerprint cache: an unchanged file is hashed once, a touched one again.
import { utimesSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFakePlaces, type FakePlaces } from '../../../../test/unit/fakeModelPlaces.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { fingerprintAndRecord, hashInWorker, type FileHasher } from './models.js';

const t = tempDir('fieldtune-discover-svc-');
let core: Core;
let places: FakePlaces;

beforeAll(async () => {
  places = await buildFakePlaces(t.dir);
  core = new Core({ workspaceDir: `${t.dir}/ws`, mode: 'cli' });
});
afterAll(async () => {
  await core.close();
  t.cleanup();
});

describe('models:discover', () => {
  it('runs as a job with progress, lists the candidates, and one picked registers with models:register', async () => {
    const job = await core.call('models:discover', { folders: [places.folder], roots: places.roots });
    expect(job.kind).toBe('model.discover');
    const done = await core.ws.jobs.wait(job.id);
    expect(done.status).toBe('succeeded');
    const result = done.kind === 'model.discover' ? done.result! : null;
    expect(result?.candidates).toHaveLength(Object.keys(places.paths).length);
    const pick = result!.candidates.find((c) => c.name === 'llama3.2:1b, llama3.2:latest')!;
    expect(pick).toMatchObject({ trainable: true, registeredModelId: null, quantization: 'Q4_K_M' });

    const reg = await core.call('models:register', { path: pick.path, label: 'llama3.2:1b' });
    const registered = await core.ws.jobs.wait(reg.id);
    expect(registered.status).toBe('succeeded');
    const model = registered.kind === 'model.register' ? registered.result! : null;

    // a second look knows it is registered
    const again = await core.ws.jobs.wait((await core.call('models:discover', { folders: [], roots: places.roots })).id);
    const seen = again.kind === 'model.discover' ? again.result!.candidates.find((c) => c.path === pick.path) : null;
    expect(seen?.registeredModelId).toBe(model?.id);
  });

  it('refuses a folder list that is not a list, and a cancel stops the look', async () => {
    await expect(core.request('models:discover', { folders: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const job = await core.call('models:discover', { folders: [t.dir, '/'], roots: { lmStudio: [], ollama: [], huggingFace: [] } });
    await core.call('jobs:cancel', { id: job.id });
    expect((await core.ws.jobs.wait(job.id)).status).toBe('cancelled');
  });
});

describe('model fingerprints', () => {
  it('hashes an unchanged file once (a second registration uses the cache) and again once it changed', async () => {
    let hashed = 0;
    const counting: FileHasher = (path, ctx) => {
      hashed += 1;
      return hashInWorker(path, ctx);
    };
    const path = places.paths.folderGood;
    const first = await fingerprintAndRecord(core.ws, path, {}, undefined, counting);
    expect(hashed).toBe(1);
    await core.call('models:remove', { id: first.id });
    const second = await fingerprintAndRecord(core.ws, path, {}, undefined, counting);
    expect(hashed).toBe(1); // the cache answered
    expect(second.sha256).toBe(first.sha256);

    // a touched file (new mtime) is a different file as far as the cache knows
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    const third = await fingerprintAndRecord(core.ws, path, {}, undefined, counting);
    expect(hashed).toBe(2);
    expect(third.sha256).toBe(first.sha256); // same bytes, so the same fingerprint
  });
});
