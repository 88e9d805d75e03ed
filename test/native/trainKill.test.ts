// A workspace run survives its host being killed: the CLI process holding the core is SIGKILLed mid-run; the trainer
// sees its parent vanish and writes a checkpoint; reopening the workspace lists the run as interrupted, and
// `runs resume` continues it to the same adapter as an uninterrupted run with the same seed (within 1e-5).
import { execFile, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterTensors, demoModel, maxDiff, requireTrainer, tempDir } from './trainerHelpers.js';

const exec = promisify(execFile);
/** A CLI call whose failure shows the CLI's own words. */
const run = (cmd: string, args: string[], opts: { maxBuffer?: number } = {}) =>
  exec(cmd, args, opts).catch((e: { stderr?: string; stdout?: string; message: string }) => {
    throw new Error(`${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  });
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');

describe('a training run whose host is killed', () => {
  let dir = '';
  let base = '';
  beforeAll(async () => {
    requireTrainer();
    dir = tempDir('ft-train-kill-');
    base = await demoModel(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is listed as interrupted after a SIGKILL and resumes to the uninterrupted adapter', async () => {
    const settings = ['--epochs', '6', '--threads', '1', '--lr', '1e-3', '--seed', '11'];
    const trainIn = async (ws: string) => {
      const imported = await run('node', [CLI, 'data', 'import', SAMPLE, '--workspace', ws, '--project', 'P', '--json']);
      const versionId = (JSON.parse(imported.stdout.trim()) as { version: { id: string } }).version.id;
      return ['train', '--workspace', ws, '--project', 'P', '--dataset', versionId, '--base', base, ...settings, '--json'];
    };
    const lastRun = (stdout: string) => (JSON.parse(stdout.trim().split('\n').at(-1)!) as { run: { id: string; status: string; adapterPath: string } }).run;

    // the reference: the same run, uninterrupted
    const refWs = join(dir, 'ref');
    const reference = lastRun((await run('node', [CLI, ...(await trainIn(refWs))], { maxBuffer: 1 << 24 })).stdout);
    expect(reference.status).toBe('succeeded');

    // the same run, its host killed after 20 steps
    const ws = join(dir, 'killed');
    const child = spawn('node', [CLI, ...(await trainIn(ws))], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        const e = JSON.parse(line) as { type?: string; step?: number };
        if (e.type === 'step' && (e.step ?? 0) >= 20) resolve();
        if (e.type === 'done') reject(new Error('the run finished before it could be killed'));
      });
      child.once('exit', () => reject(new Error('the CLI exited before it was killed')));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const listed = JSON.parse((await run('node', [CLI, 'runs', 'list', '--workspace', ws, '--json'])).stdout.trim()) as Array<{
      id: string;
      status: string;
      steps: number;
    }>;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: 'interrupted' });
    expect(listed[0]!.steps).toBeGreaterThanOrEqual(20);
    // the orphaned trainer notices its parent is gone, finishes its step and writes a checkpoint in the run folder
    const checkpoint = join(ws, 'files', 'runs', listed[0]!.id, 'checkpoints', 'checkpoint.gguf');
    for (let i = 0; i < 600 && !existsSync(checkpoint); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(checkpoint)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000)); // and exits

    const resumed = lastRun((await run('node', [CLI, 'runs', 'resume', listed[0]!.id, '--workspace', ws, '--json'], { maxBuffer: 1 << 24 })).stdout);
    expect(resumed).toMatchObject({ id: listed[0]!.id, status: 'succeeded' });
    expect(maxDiff(adapterTensors(reference.adapterPath), adapterTensors(resumed.adapterPath))).toBeLessThanOrEqual(1e-5);
  }, 600_000);
});
