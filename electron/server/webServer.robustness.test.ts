// Bad input must never take the browser-mode server down. The server runs in its own process here, so a crash
// shows as a dead process (as it would for a user), not as an error vitest happens to catch in-process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { randomJson, seeded } from '../../test/unit/fuzzPayloads.js';
import { tempDir } from '../../test/unit/helpers.js';
import { ErrorPayload } from '../contract/errors.js';
import { requests } from '../contract/requests.js';
import { sendBounded } from './webServer.js';

const MB = 2 ** 20;
const script = join(import.meta.dirname, '..', '..', 'test', 'unit', 'webServerProcess.ts');
const dirs = tempDir();
let child: ChildProcessWithoutNullStreams;
let lines: Interface;
let port = 0;
let token = '';
let stderr = '';

function nextLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server process exited (${code}):\n${stderr}`));
    child.once('exit', onExit);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      resolve(line);
    });
  });
}

async function rss(): Promise<number> {
  const reply = nextLine();
  child.stdin.write('rss\n');
  return (JSON.parse(await reply) as { rss: number }).rss;
}

beforeAll(async () => {
  const staticDir = join(dirs.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  child = spawn(process.execPath, ['--import', 'tsx', script, join(dirs.dir, 'ws'), staticDir]);
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.on('error', () => {}); // reported by the exit check instead
  lines = createInterface({ input: child.stdout });
  ({ port, token } = JSON.parse(await nextLine()) as { port: number; token: string });
});

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill();
    await exited;
  }
  dirs.cleanup();
});

function openSocket(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`, { origin: `http://127.0.0.1:${port}` });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The server is up and correct: a fresh client gets a real answer to a real request. */
async function expectServing(): Promise<void> {
  expect(child.exitCode, `server process died:\n${stderr}`).toBeNull();
  const ws = await openSocket();
  const reply = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
  ws.send(JSON.stringify({ id: 'alive', method: 'projects:list', params: {} }));
  expect(await reply).toMatchObject({ id: 'alive', ok: true });
  ws.close();
}

/** A raw TCP connection that has completed a valid WebSocket handshake, for sending frames ws would never send. */
async function handshakenSocket(): Promise<Socket> {
  const socket = tcpConnect(port, '127.0.0.1');
  socket.on('error', () => {});
  await new Promise((r) => socket.once('connect', r));
  socket.write(
    [
      `GET /ws?token=${encodeURIComponent(token)} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const head = await new Promise<string>((r) => socket.once('data', (d: Buffer) => r(d.toString())));
  expect(head).toMatch(/^HTTP\/1\.1 101/);
  return socket;
}

/** Sends raw bytes and resolves when the server closes the connection (or after a timeout, as 'open'). */
function sendRaw(bytes: Buffer | string, opts: { reset?: boolean } = {}): Promise<{ reply: string; closed: boolean }> {
  const socket = tcpConnect(port, '127.0.0.1');
  let reply = '';
  socket.on('data', (d: Buffer) => (reply += d.toString('latin1')));
  socket.on('error', () => {});
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closed: false });
    }, 5000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ reply, closed: true });
    });
    socket.once('connect', () => {
      socket.write(bytes, () => {
        if (opts.reset) socket.resetAndDestroy();
      });
    });
  });
}

describe('browser-mode server under hostile input', () => {
  it('survives a 60 MB WebSocket message, closes that socket with 1009, and keeps memory bounded', async () => {
    await expectServing();
    const before = await rss();
    let peak = before;
    for (let i = 0; i < 3; i += 1) {
      const ws = await openSocket();
      const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
      ws.on('error', () => {});
      ws.send(Buffer.alloc(60 * MB, 0x61));
      // Sample the server's memory while the message is in flight, not only afterwards.
      let done = false;
      const sampling = (async () => {
        while (!done) {
          peak = Math.max(peak, await rss());
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      expect(await closed).toBe(1009); // "message too big", so a client can say why
      done = true;
      await sampling;
    }
    await expectServing();
    // Refused from its frame header and not read further: nothing near the 16 MB message limit is ever held.
    expect(peak - before).toBeLessThan(16 * MB);
  });

  it('survives malformed frames (unmasked, reserved opcode, invalid UTF-8) and keeps serving', async () => {
    const frames = [
      Buffer.from([0x81, 0x05, ...Buffer.from('hello')]), // client frames must be masked
      Buffer.from([0x83, 0x80, 1, 2, 3, 4]), // opcode 3 is reserved
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]), // text frame that is not UTF-8
    ];
    for (const frame of frames) {
      const socket = await handshakenSocket();
      const closed = new Promise((r) => socket.once('close', r));
      socket.write(frame);
      await closed;
    }
    // A handshake ws itself refuses (unsupported protocol version), with a valid token and origin.
    const badUpgrade = await sendRaw(
      [
        `GET /ws?token=${encodeURIComponent(token)} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Origin: http://127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 7',
        '',
        '',
      ].join('\r\n'),
    );
    expect(badUpgrade.reply).toMatch(/^HTTP\/1\.1 400 /);
    await expectServing();
  });

  it('survives a client that resets mid-message, mid-request and mid-upgrade', async () => {
    const socket = await handshakenSocket();
    socket.write(Buffer.from([0x82, 0xfe, 0xff, 0xff, 1, 2, 3, 4, 9, 9])); // 64 KB frame announced, 2 bytes sent
    socket.resetAndDestroy();
    await sendRaw(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Half: `, { reset: true });
    await sendRaw(`POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1000000\r\n\r\npartial`, { reset: true });
    await sendRaw(`GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`, { reset: true });
    await new Promise((r) => setTimeout(r, 200));
    await expectServing();
  });

  it('refuses an oversized URL and a request body, closing the connection, and keeps serving', async () => {
    const longUrl = await sendRaw(`GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(longUrl.reply).toMatch(/^HTTP\/1\.1 431 /);
    expect(longUrl.closed).toBe(true);
    const garbage = await sendRaw('\x16\x03\x01 not HTTP at all\r\n\r\n');
    expect(garbage.reply).toMatch(/^HTTP\/1\.1 400 /);
    // A body is never expected (the API is the WebSocket): refused at once, not read to its announced 1 GB end.
    const body = await sendRaw(
      `POST /?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1073741824\r\n\r\n${'x'.repeat(1000)}`,
    );
    expect(body.reply).toMatch(/^HTTP\/1\.1 (405|413)/);
    expect(body.closed).toBe(true);
    const badPath = await sendRaw(`GET /%E0%A4%A?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(badPath.reply).toMatch(/^HTTP\/1\.1 400/);
    await expectServing();
  });
});

describe('answers that could grow without bound', () => {
  function fakeSocket(bufferedAmount: number) {
    const calls: string[] = [];
    const ws = {
      readyState: 1 as const,
      OPEN: 1 as const,
      bufferedAmount,
      send: (data: string) => calls.push(`send ${data.length}`),
      terminate: () => calls.push('terminate'),
    };
    return { ws, calls };
  }

  it('drops a socket whose client has stopped reading instead of queueing more for it', () => {
    const log: string[] = [];
    const reading = fakeSocket(0);
    sendBounded(reading.ws, 'x'.repeat(1000), (m) => log.push(m), 4096);
    expect(reading.calls).toEqual(['send 1000']);
    const stalled = fakeSocket(3500);
    sendBounded(stalled.ws, 'x'.repeat(1000), (m) => log.push(m), 4096);
    expect(stalled.calls).toEqual(['terminate']);
    expect(log).toEqual([expect.stringContaining('4096 bytes unread')]);
  });

  it('does not echo an invalid (e.g. 1 MB) request id back in the error answer', async () => {
    const ws = await openSocket();
    const reply = new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())));
    ws.send(JSON.stringify({ id: 'i'.repeat(MB), method: 'projects:list', params: {} }));
    const text = await reply;
    expect(text.length).toBeLessThan(1000);
    expect(JSON.parse(text)).toMatchObject({ id: null, ok: false, error: { code: 'BAD_REQUEST' } });
    ws.close();
  });
});

describe('fuzzing the WebSocket door', () => {
  it('answers 300 random and hostile messages with one typed reply each, and keeps serving with bounded memory', async () => {
    const seed = 20261201;
    const rand = seeded(seed);
    const methods = Object.keys(requests);
    const ws = await openSocket();
    ws.on('error', () => {});
    const before = await rss();
    for (let i = 0; i < 300; i++) {
      const message =
        rand() < 0.2
          ? `{"id": ${i}, "method": "projects:list", "params": ` // cut short: not JSON
          : JSON.stringify(
              rand() < 0.3
                ? randomJson(rand)
                : { id: i, method: rand() < 0.8 ? methods[Math.floor(rand() * methods.length)] : randomJson(rand), params: randomJson(rand) },
            );
      // a request that starts a job (models:discover) also pushes jobs:updated events: those are not its reply
      const reply = new Promise<string>((resolve) => {
        const onMessage = (d: unknown) => {
          const text = String(d);
          if ((JSON.parse(text) as { event?: unknown }).event !== undefined) return;
          ws.off('message', onMessage);
          resolve(text);
        };
        ws.on('message', onMessage);
      });
      ws.send(message);
      const answer = JSON.parse(await reply) as { ok: boolean; error?: unknown };
      const context = `seed ${seed} #${i}: ${message.slice(0, 200)}`;
      if (!answer.ok) {
        const error = ErrorPayload.safeParse(answer.error);
        expect(error.success, context).toBe(true);
        expect(error.data?.code, `${context}: ${error.data?.message}`).not.toBe('INTERNAL');
      }
    }
    ws.close();
    await expectServing();
    expect((await rss()) - before).toBeLessThan(200 * MB);
  });
});
