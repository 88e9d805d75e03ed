// The desktop host with the real core in its own process. Electron cannot run here (SETUP-FACTS), so the window
// process is this test's process and the core is started with child_process.fork: the same coreProcess.ts entry and
// the same messages as under utilityProcess. What is proven: the window side's event loop stays free while the core
// is busy with a long synchronous operation, requests and events cross correctly, and a dead core answers with a
// typed error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contract/jobs.js';
import { CORE_STOPPED, CoreClient, forkCoreChannel } from './coreClient.js';
import { createIpcDispatcher } from './dispatcher.js';

const entry = join(import.meta.dirname, 'coreProcess.ts');
const appPage = 'file:///app/index.html';
let dir: string;
let core: CoreClient;

function start(): CoreClient {
  return new CoreClient(forkCoreChannel(entry, [`--workspace=${join(dir, 'ws')}`, '--no-demo'], ['--import', 'tsx']));
}

async function call(method: string, params: unknown = {}): Promise<unknown> {
  const r = await core.request(method, params, 1);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
}

function jobDone(id: string): Promise<Job> {
  return new Promise((resolve) => {
    const off = core.subscribe((e) => {
      if (e.event === 'jobs:updated' && e.payload.id === id && e.payload.status !== 'running' && e.payload.status !== 'queued') {
        off();
        resolve(e.payload);
      }
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldtune-coreproc-'));
  core = start();
  await core.ready;
}, 60_000);

afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the core in its own process (desktop host, with a forked child for Electron)', () => {
  it('answers requests through the IPC dispatcher and pushes events', async () => {
    const dispatch = createIpcDispatcher(core, (url) => url === appPage);
    const events: string[] = [];
    const off = core.subscribe((e) => events.push(e.event));
    const created = await dispatch({ senderFrame: { url: appPage } }, { id: 'r1', method: 'projects:create', params: { name: 'Clinic' } });
    expect(created).toMatchObject({ id: 'r1', ok: true, result: { name: 'Clinic' } });
    const bad = await dispatch({ senderFrame: { url: appPage } }, { id: 'r2', method: 'projects:create', params: { name: '' } });
    expect(bad).toMatchObject({ id: 'r2', ok: false, error: { code: 'BAD_REQUEST' } });
    expect(events).toContain('projects:changed');
    off();
  }, 60_000);

  it('keeps the window thread responsive while the core runs a long synchronous operation', async () => {
    const rows = [
      'question,answer',
      ...Array.from({ length: 30_000 }, (_, i) => `"How do I renew permit ${i} for site ${i * 7}?","Send form ${i} to the office ${i % 97} with the fee."`),
    ];
    const file = join(dir, 'big.csv');
    writeFileSync(file, rows.join('\n'));
    const project = (await call('projects:create', { name: 'Permits' })) as { id: string };
    const job = (await call('datasets:import', { projectId: project.id, path: file })) as Job;
    const imported = await jobDone(job.id);
    expect(imported.status).toBe('succeeded');
    const versionId = imported.kind === 'dataset.import' ? imported.result!.version.id : '';

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    // Cleaning 30k examples (normalize all, write a new version) runs synchronously in the core's event loop.
    const cleaning = core.request('datasets:clean', { versionId, remove: [0], normalize: true });
    await new Promise((r) => setTimeout(r, 20));
    const pingSent = performance.now();
    const ping = await core.request('app:info', {});
    const pingMs = performance.now() - pingSent;
    const cleaned = await cleaning;
    const cleanMs = performance.now() - started;
    delay.disable();
    const p99 = delay.percentile(99) / 1e6;
    const max = delay.max / 1e6;
    console.log(
      `[coreProcess] clean ${cleanMs.toFixed(0)} ms in the core; a ping waited ${pingMs.toFixed(0)} ms there; window thread p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    expect(cleaned).toMatchObject({ ok: true, result: { examples: 29_999 } });
    expect(ping.ok).toBe(true);
    // The core really was busy (the ping queued behind the clean) ...
    expect(pingMs).toBeGreaterThan(200);
    // ... while the window's thread kept turning.
    expect(p99).toBeLessThan(50);
  }, 120_000);

  it('answers waiting requests with a typed error when the core dies', async () => {
    const doomed = start();
    await doomed.ready;
    const channelKill = (doomed as unknown as { channel: { kill(): void } }).channel;
    const waiting = doomed.request('app:info', {}, 9);
    channelKill.kill();
    const r = await waiting;
    // The request either made it before the kill or is answered with the stop message; never left hanging.
    if (!r.ok) expect(r.error).toEqual({ code: 'INTERNAL', message: CORE_STOPPED });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await doomed.request('app:info', {}, 10)).toEqual({ id: 10, ok: false, error: { code: 'INTERNAL', message: CORE_STOPPED } });
  }, 60_000);
});
