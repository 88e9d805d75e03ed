// `fieldtune chat` with the demo model and a seeded run: the tuned answer at strength 0 is the original model's
// greedy answer, --json carries the speed, and an unknown run exits 1 with the sentence the Playground shows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { registerBase, seedRun } from '../unit/adapterRun.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
let dir: string;
let ws: string;
let runId: string;
let modelId: string;

function chat(...args: string[]) {
  const res = spawnSync(process.execPath, [bin, 'chat', ...args, '--workspace', ws, '--project', 'Clinic letters', '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, out: JSON.parse(res.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>, stderr: res.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtune-chat-cli-'));
  ws = join(dir, 'ws');
  const core = new Core({ workspaceDir: ws, mode: 'cli' });
  try {
    const model = await writeDemoModel({ out: join(dir, 'base.gguf'), layers: 1, embd: 64, ff: 64, ctx: 256 });
    const base = await registerBase(core.ws, model.path);
    modelId = base.id;
    runId = await seedRun(core.ws, base, 'Clinic letters');
  } finally {
    await core.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fieldtune chat', () => {
  it('answers with the original model and with the adapter at strength 0 alike, and says how fast', () => {
    const greedy = ['--temperature', '0', '--max-tokens', '6'];
    const plain = chat('What should I bring?', '--model', modelId, ...greedy);
    const off = chat('What should I bring?', '--run', runId, '--scale', '0', ...greedy);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.out).toMatchObject({ state: 'done', stats: { tokens: 6 } });
    expect((plain.out['stats'] as { tokensPerSecond: number }).tokensPerSecond).toBeGreaterThan(0);
    expect(off.out['text']).toBe(plain.out['text']);
  });

  it('refuses an unknown run with a sentence and exit 1', () => {
    const bad = chat('Hello', '--run', 'no-such-run');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatchObject({ error: { code: 'NOT_FOUND', message: 'There is no such training run in this project.' } });
  });
});
