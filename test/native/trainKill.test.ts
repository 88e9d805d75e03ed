// A workspace run survives the process that hosts the core being killed: a browser-mode server (`fieldtune serve`,
// as the app's browser mode runs it) starts a run through its WebSocket and is SIGKILLed mid-run; the trainer sees its
// parent vanish and writes a checkpoint; a new server on the same workspace lists the run as interrupted, and
// `jobs:resume` continues it to the same adapter as an uninterrupted run with the same seed (within 1e-5; the
// reference is trained by `fieldtune train --workspace`, the same typed request from the CLI).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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

  static async start(workspace: string): Promise<Server> {
    const server = new Server(spawn(process.execPath, [CLI, 'serve', '--workspace', workspace, '--no-demo', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] }));
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
  const servers: Server[] = [];
  beforeAll(async () => {
    requireTrainer();
    dir = tempDir('ft-train-kill-');
    base = await demoModel(dir);
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is listed as interrupted after a SIGKILL of fieldtune serve and resumes to the uninterrupted adapter', async () => {
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

    // the same run started in browser mode, its server killed after 20 steps
    const ws = join(dir, 'killed');
    const first = await Server.start(ws);
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

    // a new server on the same workspace: the run is interrupted, its orphaned trainer left a checkpoint
    const second = await Server.start(ws);
    servers.push(second);
    const runs = await second.call<Array<{ id: string; status: string; steps: number; jobId: string }>>('train:runs', { projectId: project.id });
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
    expect(maxDiff(adapterTensors(reference.adapterPath), adapterTensors(finished.adapterPath))).toBeLessThanOrEqual(1e-5);
  }, 600_000);
});
