// `jobs:resume` through the door: an interrupted job of a resumable kind starts again as a new job that points back
// at it and finishes; a kind that cannot resume, and a job that is not interrupted, are refused with the reason.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deadPid, tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { writeDemoModel } from '../../demoModel/index.js';

const tmp = tempDir('fieldtune-resume-');
afterAll(() => tmp.cleanup());

describe('jobs:resume', () => {
  it('resumes an interrupted model registration as a new job linked to it, and refuses what cannot resume', async () => {
    const model = await writeDemoModel({ out: join(tmp.dir, 'tiny.gguf'), vocab: 'gpt-2', layers: 1, embd: 64 });
    const wsDir = join(tmp.dir, 'ws');
    // A registration whose process died: the job row still says running when the database closes under it.
    const first = new Core({ workspaceDir: wsDir, mode: 'cli' });
    const started = first.ws.jobs.start({ kind: 'model.register', params: { path: model.path } }, () => new Promise(() => {}));
    first.ws.db.prepare('UPDATE jobs SET owner_pid = ? WHERE id = ?').run(await deadPid(), started.id);
    first.ws.db.close();

    const core = new Core({ workspaceDir: wsDir, mode: 'cli' });
    try {
      const interrupted = await core.call('jobs:get', { id: started.id });
      expect(interrupted).toMatchObject({ status: 'interrupted', resumable: true });
      const resumed = await core.call('jobs:resume', { id: started.id });
      expect(resumed).toMatchObject({ kind: 'model.register', resumedFrom: started.id });
      const done = await core.ws.jobs.wait(resumed.id);
      expect(done.status).toBe('succeeded');
      expect(done.kind === 'model.register' && done.result?.path).toBe(model.path);

      // a finished job is not resumed again
      await expect(core.call('jobs:resume', { id: resumed.id })).rejects.toMatchObject({ code: 'CONFLICT' });
      // a kind that cannot resume: a cancelled token count
      const project = await core.call('projects:create', { name: 'P' });
      const imported = await core.call('datasets:import', { projectId: project.id, path: join(import.meta.dirname, '../../../../test/fixtures/data/qa.csv') });
      await core.ws.jobs.wait(imported.id);
      const version = (await core.call('datasets:list', { projectId: project.id }))[0]!.versions[0]!;
      const stats = await core.call('datasets:stats', { versionId: version.id, maxTokens: 64 });
      await core.ws.jobs.cancel(stats.id);
      const refused = core.call('jobs:resume', { id: stats.id });
      await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cannot be resumed|only an interrupted/) });
    } finally {
      await core.close();
    }
  });
});
