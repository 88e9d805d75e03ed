// The system prompt a version's examples share is reported once with the examples, so the table can show it once
// instead of in front of every question.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Job } from '../../../contract/jobs.js';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';

const tmp = tempDir('fieldtune-sysprompt-');
let core: Core;
let projectId: string;

async function imported(lines: object[], name: string): Promise<string> {
  const path = join(tmp.dir, `${name}.jsonl`);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
  let job: Job = await core.call('datasets:import', { projectId, path });
  while (job.status === 'running' || job.status === 'queued') {
    await new Promise((r) => setTimeout(r, 20));
    job = await core.call('jobs:get', { id: job.id });
  }
  return (job.result as ImportResult).version.id;
}
const chat = (system: string | null, q: string) => ({
  messages: [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: q }, { role: 'assistant', content: 'Yes.' }],
});

beforeAll(async () => {
  core = new Core({ workspaceDir: join(tmp.dir, 'ws'), mode: 'cli' });
  projectId = (await core.call('projects:create', { name: 'Desk' })).id;
});
afterAll(async () => {
  await core.close();
  tmp.cleanup();
});

describe('the system prompt of a version', () => {
  it('is reported once when every example shares it, and the rows still carry it', async () => {
    const v = await imported([chat('You are the front desk.', 'Open?'), chat('You are the front desk.', 'Parking?')], 'same');
    const page = await core.call('datasets:examples', { versionId: v, offset: 0, limit: 10 });
    expect(page.systemPrompt).toBe('You are the front desk.');
    expect(page.rows[0]?.messages?.[0]).toEqual({ role: 'system', content: 'You are the front desk.' });
  });

  it('is null when the examples differ or have none', async () => {
    const mixed = await imported([chat('You are the front desk.', 'Open?'), chat('You are a nurse.', 'Parking?')], 'mixed');
    expect((await core.call('datasets:examples', { versionId: mixed, offset: 0, limit: 1 })).systemPrompt).toBeNull();
    const none = await imported([chat(null, 'Open?'), chat(null, 'Parking?')], 'none');
    expect((await core.call('datasets:examples', { versionId: none, offset: 0, limit: 1 })).systemPrompt).toBeNull();
  });
});
