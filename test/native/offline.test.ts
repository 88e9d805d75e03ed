// Provably offline: the whole CLI pipeline (demo model -> redact -> import -> split -> train -> eval -> export ->
// audit) runs inside a network namespace that has no network at all, and succeeds. A first step proves the namespace
// really cannot reach anything. Needs `unshare` (util-linux) and either root (CI) or unprivileged user namespaces.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireTrainer, tempDir } from './trainerHelpers.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'fieldtune.mjs');
const SAMPLE = join(root, 'resources', 'demo', 'sample-chat.jsonl');
const isRoot = process.getuid?.() === 0;

/** Runs a command in a fresh network namespace: no interfaces but a loopback that is down. */
function offline(cmd: string[], timeout = 300_000) {
  const res = spawnSync('unshare', [isRoot ? '-n' : '-rn', '--', ...cmd], { encoding: 'utf8', timeout });
  return { code: res.status, stdout: res.stdout ?? '', stderr: res.stderr ?? '', error: res.error };
}
const fieldtune = (...args: string[]) => offline([process.execPath, bin, ...args]);
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

const probe = spawnSync('unshare', [isRoot ? '-n' : '-rn', '--', 'true']);
const unavailable = probe.error || probe.status !== 0 ? `unshare -n is not available here (${probe.error?.message ?? probe.stderr.toString().trim()})` : null;
if (unavailable) console.warn(`offline pipeline test skipped: ${unavailable}`);

const dir = tempDir('ft-offline-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(unavailable !== null)('the CLI pipeline with no network at all', () => {
  it('cannot reach the network from inside the namespace', () => {
    const script = "require('net').connect(80, '192.0.2.1').on('error', (e) => { console.log(e.code); process.exit(0) }).on('connect', () => process.exit(3))";
    const res = offline([process.execPath, '-e', script], 30_000);
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toMatch(/ENETUNREACH|EHOSTUNREACH|ENETDOWN/);
  });

  it('makes a model, redacts, imports, splits, trains, evaluates, exports and verifies the audit log', () => {
    requireTrainer();
    const ws = join(dir, 'ws');
    const model = join(dir, 'demo.gguf');
    const step = (name: string, res: ReturnType<typeof fieldtune>) => {
      expect(res.code, `${name} failed offline:\n${res.stderr}\n${res.stdout}`).toBe(0);
      return res;
    };

    step('demo-model', fieldtune('demo-model', '--out', model, '--layers', '2', '--embd', '128', '--json'));

    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Priya Sharma (07700 900461) called on 03/02/2024 about her appointment.\n');
    step('data redact', fieldtune('data', 'redact', '--in', notes, '--out', join(dir, 'notes.redacted.txt'), '--report', join(dir, 'report.json'), '--json'));
    expect(readFileSync(join(dir, 'notes.redacted.txt'), 'utf8')).not.toContain('Priya');

    const imported = lastJson(step('data import', fieldtune('data', 'import', SAMPLE, '--workspace', ws, '--project', 'Clinic', '--json')).stdout);
    const importedVersion = (imported['version'] as { id: string }).id;
    const split = lastJson(step('data split', fieldtune('data', 'split', importedVersion, '--workspace', ws, '--json')).stdout);
    const versionId = ((split['version'] as { id: string } | undefined)?.id ?? split['id']) as string;

    const trained = lastJson(
      step(
        'train',
        fieldtune(
          'train',
          '--workspace',
          ws,
          '--project',
          'Clinic',
          '--dataset',
          versionId,
          '--base',
          model,
          '--preset',
          'quick',
          '--epochs',
          '1',
          '--threads',
          '2',
          '--json',
        ),
      ).stdout,
    );
    const run = trained['run'] as { status: string; adapterPath: string };
    expect(run.status).toBe('succeeded');
    expect(existsSync(run.adapterPath)).toBe(true);

    const evaluated = lastJson(
      step('eval', fieldtune('eval', '--base', model, '--adapter', run.adapterPath, '--data', SAMPLE, '--max-new-tokens', '4', '--json')).stdout,
    );
    expect(evaluated).toMatchObject({ base: { perplexity: expect.any(Number) }, tuned: { perplexity: expect.any(Number) } });

    const exported = join(dir, 'train.jsonl');
    step('data export', fieldtune('data', 'export', versionId, '--out', exported, '--split', 'train', '--workspace', ws, '--json'));
    expect(readFileSync(exported, 'utf8').trim().split('\n').length).toBeGreaterThan(5);

    step('audit verify', fieldtune('audit', 'verify', '--workspace', ws, '--json'));
  }, 600_000);

  it('serves browser mode and drives the app in chromium, all inside the namespace (loopback only)', () => {
    const driver = join(root, 'test', 'e2e', 'offlineDriver.ts');
    const script = `ip link set lo up && exec "${process.execPath}" --import tsx "${driver}" "${join(dir, 'browser-ws')}"`;
    const res = offline(['sh', '-c', script], 300_000);
    expect(res.code, `${res.stderr}\n${res.stdout}`).toBe(0);
    expect(res.stdout).toContain('offline browser mode: ok');
  }, 300_000);
});
