// Correcting one example through the door: a new version with only that example changed, the old one untouched,
// labels and split kept; empty or unchanged edits and the wrong shape are refused and write nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contract/jobs.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';

const tmp = tempDir('fieldtune-edit-');
let core: Core;
let versionId: string;

async function finished(id: string): Promise<Job> {
  for (;;) {
    const job = await core.call('jobs:get', { id });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  const projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  const file = join(tmp.dir, 'qa.csv');
  writeFileSync(file, 'Question,Answer,Topic\nWhen do you open?,At 9.,hours\nCan I pay by card?,Yes.,billing\n');
  const job = await finished((await core.call('datasets:import', { projectId, path: file })).id);
  if (job.kind !== 'dataset.import' || !job.result) throw new Error(`import failed: ${JSON.stringify(job.error)}`);
  versionId = job.result.version.id;
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('datasets:edit-example', () => {
  it('makes a new version with the corrected example and leaves the others and the old version as they were', async () => {
    const [before] = (await core.call('datasets:examples', { versionId, offset: 0, limit: 1 })).rows;
    const messages = before!.messages!.map((m) => (m.role === 'assistant' ? { ...m, content: 'We open at 8 in the morning, Monday to Friday.' } : m));
    const next = await core.call('datasets:edit-example', { versionId, position: 0, messages });
    expect(next).toMatchObject({ parentId: versionId, operation: 'edit', examples: 2 });
    const rows = (await core.call('datasets:examples', { versionId: next.id, offset: 0, limit: 10 })).rows;
    expect(rows[0]!.messages!.find((m) => m.role === 'assistant')!.content).toBe('We open at 8 in the morning, Monday to Friday.');
    expect(rows[0]!.metadata).toEqual(before!.metadata);
    const untouched = (await core.call('datasets:examples', { versionId, offset: 0, limit: 10 })).rows;
    expect(untouched[0]!.messages).toEqual(before!.messages);
    expect(rows[1]!.hash).toBe(untouched[1]!.hash);
    const audit = await core.call('audit:list', { limit: 5 });
    expect(audit.some((a) => a.action === 'dataset.edit' && a.subject === next.id)).toBe(true);
  });

  it('refuses an empty answer, an unchanged example, a missing position or the wrong shape, and makes no version', async () => {
    const count = async () => (await core.call('datasets:list', { projectId: (await core.call('projects:list', {}))[0]!.id }))[0]!.versions.length;
    const n = await count();
    const [row] = (await core.call('datasets:examples', { versionId, offset: 1, limit: 1 })).rows;
    const blank = row!.messages!.map((m) => (m.role === 'assistant' ? { ...m, content: '  ' } : m));
    await expect(core.call('datasets:edit-example', { versionId, position: 1, messages: blank })).rejects.toMatchObject({ message: /needs an answer/ });
    await expect(core.call('datasets:edit-example', { versionId, position: 1, messages: row!.messages! })).rejects.toMatchObject({
      message: /Nothing was changed/,
    });
    await expect(core.call('datasets:edit-example', { versionId, position: 9, messages: row!.messages! })).rejects.toMatchObject({ message: /no example #10/ });
    await expect(core.call('datasets:edit-example', { versionId, position: 1, text: 'x' })).rejects.toMatchObject({ message: /is a conversation/ });
    await expect(core.call('datasets:edit-example', { versionId, position: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await count()).toBe(n);
  });
});
