// The core's process reaches nothing but this computer: sockets and fetch to another address are destroyed at their
// connection attempt and written to the audit log once; loopback (the browser-mode server, tests) keeps working.
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/unit/helpers.js';
import { Core } from '../../core.js';
import { isLoopback } from '../../network/guard.js';

const t = tempDir('fieldtune-guard-');
const core = new Core({ workspaceDir: join(t.dir, 'ws'), mode: 'cli' });
afterAll(async () => {
  await core.close();
  t.cleanup();
});

const outcome = (socket: ReturnType<typeof connect>) =>
  new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });

describe('the network guard', () => {
  it('tells loopback addresses from the rest', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '192.0.2.1', '::ffff:10.0.0.1', '2001:db8::1', '0.0.0.0'].some(isLoopback)).toBe(false);
  });

  it('refuses a socket and a fetch to another computer, logs each destination once, and lets loopback through', async () => {
    expect(await outcome(connect(80, '192.0.2.1'))).toBe('FIELDTUNE_OFFLINE');
    expect(await outcome(connect(80, '192.0.2.1'))).toBe('FIELDTUNE_OFFLINE');
    await expect(fetch('http://192.0.2.7:8080/upload?patient=Priya')).rejects.toThrow();
    await expect(fetch('https://updates.example.com/check')).rejects.toThrow(); // tls.connect, and no DNS query either

    const server = createServer((s) => s.end()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    expect(await outcome(connect(port, '127.0.0.1'))).toBe('connected');
    server.close();

    expect(await core.call('network:status', {})).toEqual({ blocked: 3, guarded: true });
    const rows = await core.call('audit:list', { action: 'network.blocked' });
    expect(rows.map((r) => r.subject).sort()).toEqual(['tcp://192.0.2.1:80', 'tcp://192.0.2.7:8080', 'tcp://updates.example.com:443']);
  });

  it('records what a page or the window reports, without the query that may carry data', async () => {
    const status = await core.call('network:report', { url: 'https://fonts.example.com/css?family=Priya+Sharma', source: 'page' });
    expect(status.blocked).toBe(4);
    expect((await core.call('audit:list', { limit: 1 }))[0]).toMatchObject({ subject: 'https://fonts.example.com/css', details: { source: 'page' } });
  });
});
