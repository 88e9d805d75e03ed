// `fieldtune train --workspace ... --preset quick --json` through the package's bin: stdout holds the trainer's
// events and ends with {"run": ...} whose adapterPath exists after exit; `runs list --json` shows the run succeeded.
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainerEvent } from '../../electron/contract/trainerEvents.js';
import { demoModel, requireTrainer, tempDir } from './trainerHelpers.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');

describe('fieldtune train in a workspace (CLI)', () => {
  let dir = '';
  let base = '';
  beforeAll(async () => {
    requireTrainer();
    dir = tempDir('ft-train-cli-');
    base = await demoModel(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('train --preset quick --json ends with the run line; runs list --json shows it succeeded', async () => {
    const ws = join(dir, 'ws');
    const imported = await run('node', [CLI, 'data', 'import', SAMPLE, '--workspace', ws, '--project', 'Front desk', '--json']);
    const versionId = (JSON.parse(imported.stdout.trim()) as { version: { id: string } }).version.id;
    const t = await run(
      'node',
      [CLI, 'train', '--workspace', ws, '--project', 'Front desk', '--dataset', versionId, '--base', base, '--preset', 'quick', '--threads', '2', '--json'],
      { maxBuffer: 1 << 24 },
    );
    const lines = t.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = lines.at(-1) as { run: { id: string; status: string; adapterPath: string; datasets: unknown; baseSha256: string; settings: unknown } };
    for (const e of lines.slice(0, -1)) expect(TrainerEvent.safeParse(e).success).toBe(true);
    expect(lines.some((e) => e['type'] === 'step')).toBe(true);
    expect(last.run).toMatchObject({ status: 'succeeded', datasets: [{ versionId, weight: 1 }], settings: { rank: 8, threads: 2 } });
    expect(last.run.adapterPath).toMatch(/\.gguf$/);
    expect(existsSync(last.run.adapterPath)).toBe(true);
    expect(last.run.baseSha256).toMatch(/^[0-9a-f]{64}$/);

    const listed = await run('node', [CLI, 'runs', 'list', '--workspace', ws, '--project', 'Front desk', '--json']);
    const runs = JSON.parse(listed.stdout.trim()) as Array<{ id: string; status: string; adapterPath: string; trainLoss: number }>;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: last.run.id, status: 'succeeded', adapterPath: last.run.adapterPath });
    expect(runs[0]!.trainLoss).toBeGreaterThan(0);
  }, 300_000);
});
