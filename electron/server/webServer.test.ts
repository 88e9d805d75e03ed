import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir } from '../../test/unit/helpers.js';
import type { ResponseEnvelope } from '../contract/wire.js';
import { Core } from '../core/core.js';
import { startWebServer, type RunningWebServer } from './webServer.js';

let core: Core;
let server: RunningWebServer;
const dirs = tempDir();

beforeAll(async () => {
  const staticDir = join(dirs.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  core = new Core({ workspaceDir: join(dirs.dir, 'ws'), mode: 'browser' });
  server = await startWebServer({ core, staticDir });
});

afterAll(async () => {
  await server.close();
  await core.close();
  dirs.cleanup();
});

function origin(): string {
  return `http://127.0.0.1:${server.port}`;
}

/** Opens a socket; resolves with it once open, or with the HTTP status the upgrade was refused with. */
function connect(opts: { token?: string; origin?: string; host?: string }): Promise<WebSocket | number> {
  const query = opts.token === undefined ? '' : `?token=${encodeURIComponent(opts.token)}`;
  const headers: Record<string, string> = {};
  if (opts.host) headers['Host'] = opts.host;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { origin: opts.origin ?? origin(), headers });
  return new Promise((resolve) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function exchange(ws: WebSocket, raw: string): Promise<ResponseEnvelope> {
  // Pushed events can arrive in between; wait for the response envelope itself.
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as ResponseEnvelope | { event: string };
      if ('event' in message) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(raw);
  });
}

describe('browser-mode web server', () => {
  it('refuses a socket without the token, with a wrong token, from a foreign Origin, or to a foreign Host', async () => {
    expect(await connect({})).toBe(401);
    expect(await connect({ token: 'not-the-token' })).toBe(401);
    expect(await connect({ token: server.token, origin: 'http://evil.example' })).toBe(403);
    expect(await connect({ token: server.token, origin: 'null' })).toBe(403);
    expect(await connect({ token: server.token, host: `rebind.example:${server.port}` })).toBe(403);
  });

  it('refuses page requests without the token and trades a valid token for a strict cookie', async () => {
    expect((await fetch(`${origin()}/`)).status).toBe(401);
    const res = await fetch(server.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(res.headers.get('location')).toBe('/');
    const page = await fetch(`${origin()}/`, { headers: { cookie: res.headers.get('set-cookie')!.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('explains, on a page, how to get a fresh address when the token is missing or stale', async () => {
    const res = await fetch(`${origin()}/#/projects`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('<h1>Open Fieldtune with its full address</h1>');
    expect(page).toMatch(/every start prints a new address/);
    expect(page).not.toContain('<script');
    expect((await fetch(`${origin()}/?token=stale`)).status).toBe(401);
  });

  it('answers malformed messages with typed errors and keeps serving', async () => {
    const ws = await connect({ token: server.token });
    if (typeof ws === 'number') throw new Error(`connect failed: ${ws}`);
    const notJson = await exchange(ws, '{nope');
    expect(notJson).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const noMethod = await exchange(ws, JSON.stringify({ id: 1 }));
    expect(noMethod).toMatchObject({ id: 1, ok: false, error: { code: 'BAD_REQUEST' } });
    const unknown = await exchange(ws, JSON.stringify({ id: 2, method: 'projects:explode', params: {} }));
    expect(unknown).toMatchObject({ id: 2, ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const badParams = await exchange(ws, JSON.stringify({ id: 3, method: 'projects:create', params: { name: 42 } }));
    expect(badParams).toMatchObject({ id: 3, ok: false, error: { code: 'BAD_REQUEST' } });
    expect(badParams.ok === false && badParams.error.issues?.[0]?.path).toBe('name');
    const extra = await exchange(ws, JSON.stringify({ id: 4, method: 'projects:list', params: { sneaky: true } }));
    expect(extra).toMatchObject({ id: 4, ok: false, error: { code: 'BAD_REQUEST' } });
    const missing = await exchange(ws, JSON.stringify({ id: 5, method: 'projects:get', params: { id: 'nope' } }));
    expect(missing).toMatchObject({ id: 5, ok: false, error: { code: 'NOT_FOUND' } });
    // Still alive and correct after all that.
    const created = await exchange(ws, JSON.stringify({ id: 6, method: 'projects:create', params: { name: 'Still here' } }));
    expect(created).toMatchObject({ id: 6, ok: true, result: { name: 'Still here', domain: 'general' } });
    ws.close();
  });

  it('pushes events to connected sockets', async () => {
    const ws = await connect({ token: server.token });
    if (typeof ws === 'number') throw new Error(`connect failed: ${ws}`);
    const events: unknown[] = [];
    ws.on('message', (d) => events.push(JSON.parse(d.toString())));
    await core.call('projects:create', { name: 'Pushed' });
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toContainEqual(expect.objectContaining({ event: 'projects:changed' }));
    ws.close();
  });
});
