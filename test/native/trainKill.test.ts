// A workspace run survives the process that hosts the core being killed: a browser-mode server (`fieldtune serve`,
// as the app's browser mode runs it) starts a run through its WebSocket and is SIGKILLed mid-run; the trainer sees its
// parent vanish and writes a checkpoint; a new server on the same workspace lists the run as interrupted, and
// `jobs:resume` continues it to the same adapter as an uninterrupted run with the same seed (within 1e-5; the
// reference is trained by `fieldtune train --workspace`, the same typed request from the CLI).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isEncryptedBytes } from '../../electron/core/disk/encryption.js';
import { adapterTensors, demoModel, maxDiff, requireTrainer, tempDir } from './trainerHelpers.js';

const exec = promisify(execFile);
/** A CLI call whose failure shows the CLI's own words. */
const run = (cmd: string, args: string[], opts: { maxBuffer?: number } = {}) =>
  exec(cmd, args, opts).catch((e: { stderr?: string; stdout?: string; message: string }) => {
    throw new Error(`${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  });
const CLI = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');
const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');
const SETTINGS = { epochs: 6, threads: 1, lr: 1e-3, seed: 11 };

interface Job {
  id: string;
  status: string;
  result: unknown;
  error: { message: string } | null;
}

/** `fieldtune serve` on a workspace, and a WebSocket client speaking the app's typed requests to it. */
class Server {
  private ws!: WebSocket;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();
  stderr = '';

  private constructor(readonly child: ChildProcess) {
    child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  static async start(workspace: string, env: NodeJS.ProcessEnv = {}): Promise<Server> {
    const server = new Server(
      spawn(process.execPath, [CLI, 'serve', '--workspace', workspace, '--no-demo', '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env },
      }),
    );
    const url = new URL(
      await new Promise<string>((resolve, reject) => {
        createInterface({ input: server.child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
        server.child.once('exit', (code) => reject(new Error(`fieldtune serve exited with ${code}:\n${server.stderr}`)));
      }),
    );
    server.ws = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, { origin: url.origin });
    await new Promise((resolve, reject) => server.ws.once('open', resolve).once('error', reject));
    server.ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: number; ok?: boolean; result?: unknown; error?: { message: string }; event?: string; payload?: unknown };
      if (m.event) for (const l of server.listeners) l(m.event, m.payload);
      const w = m.id === undefined ? undefined : server.waiting.get(m.id);
      if (!w) return;
      server.waiting.delete(m.id!);
      if (m.ok) w.resolve(m.result);
      else w.reject(new Error(`${m.error?.message}\n${server.stderr}`));
    });
    return server;
  }

  call<T>(method: string, params: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  onEvent(fn: (event: string, payload: unknown) => void): void {
    this.listeners.add(fn);
  }

  async wait(job: Job): Promise<Job> {
    for (;;) {
      const now = await this.call<Job>('jobs:get', { id: job.id });
      if (!['queued', 'running'].includes(now.status)) return now;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill(signal);
    await exited;
  }
}

describe('a training run whose server is killed', () => {
  let dir = '';
  let base = '';
  let referenceAdapter = '';
  const servers: Server[] = [];
  beforeAll(async () => {
    requireTrainer();
    dir = tempDir('ft-train-kill-');
    base = await demoModel(dir);
    // the reference: the same run, uninterrupted, from the CLI
    const refWs = join(dir, 'ref');
    const imported = await run('node', [CLI, 'data', 'import', SAMPLE, '--workspace', refWs, '--project', 'P', '--json']);
    const refVersion = (JSON.parse(imported.stdout.trim()) as { version: { id: string } }).version.id;
    const flags = ['--epochs', '6', '--threads', '1', '--lr', '1e-3', '--seed', '11'];
    const refOut = await run('node', [CLI, 'train', '--workspace', refWs, '--project', 'P', '--dataset', refVersion, '--base', base, ...flags, '--json'], {
      maxBuffer: 1 << 24,
    });
    const reference = (JSON.parse(refOut.stdout.trim().split('\n').at(-1)!) as { run: { status: string; adapterPath: string } }).run;
    expect(reference.status).toBe('succeeded');
    referenceAdapter = reference.adapterPath;
  }, 300_000);
  afterAll(async () => {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the run in browser mode and SIGKILLs its server after 20 steps; returns the project's id. */
  async function startAndKill(ws: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
    const first = await Server.start(ws, env);
    servers.push(first);
    const model = await first.wait(await first.call<Job>('models:register', { path: base }));
    const project = await first.call<{ id: string }>('projects:create', { name: 'P' });
    const data = await first.wait(await first.call<Job>('datasets:import', { projectId: project.id, path: SAMPLE }));
    const versionId = (data.result as { version: { id: string } }).version.id;
    const twentySteps = new Promise<void>((resolve, reject) => {
      first.onEvent((event, payload) => {
        const e = (payload as { event?: { type: string; step?: number } }).event;
        if (event === 'train:event' && e?.type === 'step' && (e.step ?? 0) >= 20) resolve();
        if (event === 'train:event' && e?.type === 'done') reject(new Error('the run finished before it could be killed'));
      });
    });
    await first.call<Job>('train:start', {
      projectId: project.id,
      modelId: (model.result as { id: string }).id,
      datasets: [{ versionId, weight: 1 }],
      settings: SETTINGS,
    });
    await twentySteps;
    await first.stop('SIGKILL');
    return project.id;
  }

  type RunRow = { id: string; status: string; steps: number; jobId: string; checkpointPath: string | null };

  it('is listed as interrupted after a SIGKILL of fieldtune serve and resumes to the uninterrupted adapter', async () => {
    const ws = join(dir, 'killed');
    const projectId = await startAndKill(ws);

    // a new server on the same workspace: the run is interrupted, its orphaned trainer left a checkpoint
    const second = await Server.start(ws);
    servers.push(second);
    const runs = await second.call<RunRow[]>('train:runs', { projectId });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'interrupted' });
    expect(runs[0]!.steps).toBeGreaterThanOrEqual(20);
    const checkpoint = join(ws, 'files', 'runs', runs[0]!.id, 'checkpoints', 'checkpoint.gguf');
    for (let i = 0; i < 600 && !existsSync(checkpoint); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(checkpoint)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000)); // and exits

    const resumed = await second.wait(await second.call<Job>('jobs:resume', { id: runs[0]!.jobId }));
    expect(resumed.status, resumed.error?.message).toBe('succeeded');
    const { run: finished } = await second.call<{ run: { id: string; status: string; adapterPath: string } }>('train:run', { id: runs[0]!.id });
    expect(finished).toMatchObject({ id: runs[0]!.id, status: 'succeeded' });
    expect(maxDiff(adapterTensors(referenceAdapter), adapterTensors(finished.adapterPath))).toBeLessThanOrEqual(1e-5);
  }, 600_000);

  it('in an encrypted workspace, keeps the checkpoint its trainer wrote after the kill, encrypted, and resumes to the same adapter', async () => {
    const ws = join(dir, 'killed-encrypted');
    const env = { FIELDTUNE_PASSPHRASE: 'a long private sentence for the kill test' };
    await run('node', [CLI, 'projects', 'list', '--workspace', ws, '--json']); // makes the workspace
    await exec('node', [CLI, 'workspace', 'encrypt', '--workspace', ws, '--json'], { env: { ...process.env, ...env } });
    const projectId = await startAndKill(ws, env);

    // the trainer wrote its last checkpoint in its plaintext scratch folder after its host died; a new server (the
    // trainer may still be writing as it opens) moves it, encrypted, into the run folder once the trainer has exited
    const second = await Server.start(ws, env);
    servers.push(second);
    let runs: RunRow[] = [];
    for (let i = 0; i < 300; i++) {
      runs = await second.call<RunRow[]>('train:runs', { projectId });
      if (runs[0]?.checkpointPath) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'interrupted' });
    expect(runs[0]!.steps).toBeGreaterThanOrEqual(20);
    const checkpoint = join(ws, 'files', 'runs', runs[0]!.id, 'checkpoints', 'checkpoint.gguf');
    expect(runs[0]!.checkpointPath).toBe(checkpoint);
    expect(isEncryptedBytes(readFileSync(checkpoint))).toBe(true);
    // no plaintext scratch folder of the dead server is left
    const scratch = `/dev/shm/fieldtune-${process.getuid?.() ?? 'user'}`;
    const left = existsSync(scratch) ? readdirSync(scratch).filter((n) => /^scratch-\d+-/.test(n) && !n.startsWith(`scratch-${second.child.pid}-`)) : [];
    expect(left).toEqual([]);

    const resumed = await second.wait(await second.call<Job>('jobs:resume', { id: runs[0]!.jobId }));
    expect(resumed.status, resumed.error?.message).toBe('succeeded');
    const detail = await second.call<{ run: { id: string; status: string }; train: Array<{ step: number }> }>('train:run', { id: runs[0]!.id });
    expect(detail.run).toMatchObject({ id: runs[0]!.id, status: 'succeeded' });
    // it went on from the rescued checkpoint: the curve has no step twice (a restart from an older one would repeat)
    const steps = detail.train.map((p) => p.step);
    expect(new Set(steps).size).toBe(steps.length);
    await second.stop();
    // the adapter is an encrypted blob: the CLI exports it in plain form to compare with the reference
    const out = join(dir, 'rescued-adapter.gguf');
    await exec('node', [CLI, 'adapters', 'export', '--workspace', ws, '--run', runs[0]!.id, '--format', 'gguf', '--out', out, '--json'], {
      env: { ...process.env, ...env },
    });
    expect(maxDiff(adapterTensors(referenceAdapter), adapterTensors(out))).toBeLessThanOrEqual(1e-5);
  }, 600_000);
});
