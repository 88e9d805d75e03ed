import { describe, expect, it } from 'vitest';
import type { ResponseEnvelope } from '../contract/wire.js';
import { createIpcDispatcher, type RequestTarget } from './dispatcher.js';
import { createNetworkPolicy } from './networkPolicy.js';
import { mainWindowOptions } from './windowOptions.js';

const policy = createNetworkPolicy('/opt/Fieldtune/resources/app/dist/renderer');
const appPage = 'file:///opt/Fieldtune/resources/app/dist/renderer/index.html';

function fakeCore(): RequestTarget & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    async request(method, params, id = null): Promise<ResponseEnvelope> {
      calls.push([method, params, id]);
      if (method === 'projects:list') return { id, ok: true, result: [] };
      return { id, ok: false, error: { code: 'UNKNOWN_METHOD', message: 'unknown' } };
    },
  };
}

describe('Electron IPC dispatcher (with fakes)', () => {
  it('passes well-formed requests from the app page to the core', async () => {
    const core = fakeCore();
    const dispatch = createIpcDispatcher(core, policy.isAppPage);
    const res = await dispatch({ senderFrame: { url: appPage } }, { id: 7, method: 'projects:list', params: {} });
    expect(res).toEqual({ id: 7, ok: true, result: [] });
    expect(core.calls).toEqual([['projects:list', {}, 7]]);
  });

  it('answers malformed payloads with BAD_REQUEST without calling the core', async () => {
    const core = fakeCore();
    const dispatch = createIpcDispatcher(core, policy.isAppPage);
    for (const raw of [null, 'projects:list', 42, { method: 'projects:list' }, { id: {}, method: 'x' }, { id: 1, method: 5 }]) {
      const res = await dispatch({ senderFrame: { url: appPage } }, raw);
      expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(core.calls).toEqual([]);
  });

  it('refuses requests from any frame that is not the app page', async () => {
    const core = fakeCore();
    const dispatch = createIpcDispatcher(core, policy.isAppPage);
    for (const frame of [{ url: 'https://example.com/' }, { url: 'file:///tmp/evil.html' }, null]) {
      const res = await dispatch({ senderFrame: frame }, { id: 1, method: 'projects:list', params: {} });
      expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(core.calls).toEqual([]);
  });
});

describe('Electron window and network policy', () => {
  it('hardens the window', () => {
    const prefs = mainWindowOptions('/app/preload.cjs', false).webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('allows only the app files and blocks every network request', () => {
    expect(policy.isAllowedRequest(appPage)).toBe(true);
    expect(policy.isAllowedRequest('file:///opt/Fieldtune/resources/app/dist/renderer/assets/index.js')).toBe(true);
    for (const url of [
      'https://telemetry.example/p',
      'http://127.0.0.1:8080/',
      'ws://localhost:1/',
      'file:///etc/passwd',
      'file:///opt/Fieldtune/resources/app/dist/renderer-evil/x.js',
    ]) {
      expect(policy.isAllowedRequest(url), url).toBe(false);
    }
    expect(policy.isAppPage('https://example.com/')).toBe(false);
  });
});
