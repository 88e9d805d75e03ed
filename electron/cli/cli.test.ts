import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/unit/helpers.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
const t = tempDir();
afterAll(() => t.cleanup());

/** Runs the real `fieldtune` bin, exactly as a user or script would. */
function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [bin, ...args, '--workspace', join(t.dir, 'ws')], { encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function jsonLines(stdout: string): unknown[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
}

describe('fieldtune CLI', () => {
  it('creates, lists, renames and deletes projects with --json holding only JSON on stdout', () => {
    const created = cli('projects', 'create', 'Contracts', '--domain', 'legal', '--json');
    expect(created.code).toBe(0);
    const [project] = jsonLines(created.stdout) as Array<{ id: string; name: string; domain: string }>;
    expect(project).toMatchObject({ name: 'Contracts', domain: 'legal' });

    const renamed = cli('projects', 'rename', project!.id, 'Leases', '--json');
    expect(jsonLines(renamed.stdout)).toEqual([expect.objectContaining({ name: 'Leases' })]);

    const listed = cli('projects', 'list', '--json');
    expect(jsonLines(listed.stdout)).toEqual([[expect.objectContaining({ id: project!.id, name: 'Leases' })]]);

    const refused = cli('projects', 'delete', project!.id, '--confirm', 'Contracts', '--json');
    expect(refused.code).toBe(1);
    expect(jsonLines(refused.stdout)).toEqual([{ error: expect.objectContaining({ code: 'INVALID_INPUT' }) }]);

    const deleted = cli('projects', 'delete', project!.id, '--confirm', 'Leases', '--json');
    expect(deleted.code).toBe(0);
    expect(jsonLines(cli('projects', 'list', '--json').stdout)).toEqual([[]]);
  });

  it('answers malformed requests with typed errors and distinct exit codes', () => {
    const unknownMethod = cli('call', 'projects:explode', '{}', '--json');
    expect(unknownMethod.code).toBe(1);
    expect(jsonLines(unknownMethod.stdout)).toEqual([{ error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }) }]);

    const badJson = cli('call', 'projects:create', '{name:', '--json');
    expect(badJson.code).toBe(1);
    expect(jsonLines(badJson.stdout)).toEqual([{ error: expect.objectContaining({ code: 'BAD_REQUEST' }) }]);

    const badParams = cli('call', 'projects:create', '{"name":""}', '--json');
    expect(jsonLines(badParams.stdout)).toEqual([
      { error: expect.objectContaining({ code: 'BAD_REQUEST', issues: [expect.objectContaining({ path: 'name' })] }) },
    ]);
    expect(badParams.stderr).toContain('A project needs a name');

    const unknownOption = cli('projects', 'list', '--frobnicate', '--json');
    expect(unknownOption.code).toBe(2);
    expect(jsonLines(unknownOption.stdout)).toEqual([{ error: expect.objectContaining({ code: 'BAD_REQUEST' }) }]);

    const unknownCommand = cli('frobnicate', '--json');
    expect(unknownCommand.code).toBe(2);
  });

  it('refuses a non-GGUF model before starting any job', () => {
    const res = cli('models', 'add', join(import.meta.dirname, 'main.ts'), '--json');
    expect(res.code).toBe(1);
    expect(jsonLines(res.stdout)).toEqual([{ error: expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('not a GGUF') }) }]);
    expect(jsonLines(cli('jobs', 'list', '--json').stdout)).toEqual([[]]);
  });

  it('prints help without touching a workspace', () => {
    const res = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('projects create');
  });
});
