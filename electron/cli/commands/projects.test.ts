// `fieldtune projects update`: the project's system prompt is shown, set from text or a file, and cleared.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/unit/helpers.js';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'fieldtune.mjs');
const t = tempDir('fieldtune-cli-projects-');
afterAll(() => t.cleanup());

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [bin, ...args, '--workspace', join(t.dir, 'ws')], { encoding: 'utf8', timeout: 60_000 });
  return {
    code: res.status,
    stdout: res.stdout,
    stderr: res.stderr,
    json: args.includes('--json') && res.stdout.trim() ? (JSON.parse(res.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>) : null,
  };
}

describe('fieldtune projects update', () => {
  it('sets the system prompt from a file, prints it, and clears it', () => {
    const file = join(t.dir, 'prompt.txt');
    writeFileSync(file, '  You answer tenants of the housing office.\n');
    expect(cli('projects', 'create', 'Housing', '--json').json).toMatchObject({ name: 'Housing', systemPrompt: null });

    const set = cli('projects', 'update', 'Housing', '--system-prompt-file', file, '--json');
    expect(set.code).toBe(0);
    expect(set.json).toMatchObject({ name: 'Housing', systemPrompt: 'You answer tenants of the housing office.' });

    const shown = cli('projects', 'update', 'Housing');
    expect(shown.stdout).toContain('System prompt: You answer tenants of the housing office.');

    const both = cli('projects', 'update', 'Housing', '--system-prompt', 'x', '--clear-system-prompt', '--json');
    expect(both.code).toBe(1);
    expect(both.json).toMatchObject({ error: { code: 'BAD_REQUEST' } });

    expect(cli('projects', 'update', 'Housing', '--clear-system-prompt', '--json').json).toMatchObject({ systemPrompt: null });
  });
});
