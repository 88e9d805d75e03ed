import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestEnvelope, type ResponseEnvelope } from '../contract/wire.js';
import type { Core } from '../core/core.js';
import { AccessPolicy, SESSION_COOKIE } from './access.js';
import { answerClientError, decodablePath, hasBody, refuse } from './httpGuards.js';
import { readStatic, resolveStatic } from './staticFiles.js';

export interface WebServerOptions {
  core: Core;
  /** Built renderer (index.html + assets). */
  staticDir: string;
  port?: number;
  token?: string;
  log?: (message: string) => void;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const PROTOCOL_ERROR_GRACE_MS = 500;

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** Unsent bytes a socket may hold: a client that stops reading is dropped rather than buffered for without end. */
export const MAX_BUFFERED_BYTES = 4 * MAX_MESSAGE_BYTES;

/** Sends to an open socket, or drops the connection when the client has left too much unread. */
export function sendBounded(
  ws: Pick<WebSocket, 'readyState' | 'OPEN' | 'bufferedAmount' | 'send' | 'terminate'>,
  data: string,
  log: (message: string) => void,
  limit = MAX_BUFFERED_BYTES,
): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount + Buffer.byteLength(data) > limit) {
    log(`websocket dropped: the client left over ${limit} bytes unread`);
    ws.terminate();
    return;
  }
  ws.send(data);
}

/** Parses one socket message into a response; malformed input becomes a typed error, never an exception. */
export async function answerMessage(core: Core, raw: string): Promise<ResponseEnvelope> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { id: null, ok: false, error: { code: 'BAD_REQUEST', message: 'Message is not valid JSON' } };
  }
  const envelope = RequestEnvelope.safeParse(json);
  if (!envelope.success) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : null;
    // Echo the id only when it is a valid one: a 15 MB id would otherwise come straight back in the answer.
    const echo = RequestEnvelope.shape.id.safeParse(id);
    return {
      id: echo.success ? echo.data : null,
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Message must be {id, method, params}' },
    };
  }
  return core.request(envelope.data.method, envelope.data.params, envelope.data.id);
}

/** Browser mode: the app over HTTP + WebSocket on 127.0.0.1 only, guarded by a random token. */
export async function startWebServer(opts: WebServerOptions): Promise<RunningWebServer> {
  const log = opts.log ?? (() => {});
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const policy = new AccessPolicy(token, () => port);

  const server = createServer((req, res) => {
    // A client can reset the connection at any moment; an 'error' event without a listener would end the process.
    req.on('error', (error) => log(`http request error: ${error.message}`));
    res.on('error', (error) => log(`http response error: ${error.message}`));
    void handleHttp(req, res).catch((error: unknown) => {
      log(`http error: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Malformed requests, oversized headers or URLs (over Node's 16 KB header limit) and resets before a request is
  // parsed arrive here, not in the handler above.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, log));

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = securityHeaders(port);
    if (!policy.hostOk(req)) {
      res.writeHead(421, headers).end('Wrong host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, headers);
      return;
    }
    if (hasBody(req)) {
      // Pages and assets never take a body (requests go over the WebSocket): refuse it at once and close,
      // instead of reading (and discarding) however many bytes the client announced.
      refuse(res, 413, headers);
      return;
    }
    if (!policy.authorized(req)) {
      res
        .writeHead(401, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Fieldtune: open the address printed by `fieldtune start` (it carries the access token).');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!decodablePath(url.pathname)) {
      res.writeHead(400, headers).end('Bad path');
      return;
    }
    if (url.searchParams.has('token')) {
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      res.writeHead(303, {
        ...headers,
        'Set-Cookie': `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
      });
      res.end();
      return;
    }
    const found = await resolveStatic(opts.staticDir, url.pathname);
    const target = found ?? (await resolveStatic(opts.staticDir, '/index.html'));
    if (!target) {
      res.writeHead(500, headers).end('The renderer is not built. Run: npm run build:renderer');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': target.type });
    res.end(req.method === 'HEAD' ? undefined : await readStatic(target.file));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();
  const unsubscribe = opts.core.subscribe((event) => {
    const data = JSON.stringify(event);
    for (const socket of sockets) sendBounded(socket, data, log);
  });

  // Only reachable with noServer if ws itself fails; logged so that it can never end the process.
  wss.on('error', (error) => log(`websocket server error: ${error.message}`));

  server.on('upgrade', (req, socket, head) => {
    // Node hands an upgrade's socket over without its own error listener; until ws adds one (and on the refusal
    // path, where it never does) a reset would be an unhandled 'error'.
    socket.on('error', (error) => log(`upgrade socket error: ${error.message}`));
    const reason = !policy.hostOk(req) ? 'host' : !policy.originOk(req) ? 'origin' : !policy.authorized(req) ? 'token' : null;
    if (reason) {
      log(`refused a WebSocket (${reason}) from origin ${req.headers.origin ?? '(none)'}`);
      socket.end(`HTTP/1.1 ${reason === 'token' ? 401 : 403} Forbidden\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // ws reports protocol violations here (a message over maxPayload, an unmasked or reserved frame, bad UTF-8)
      // after it has sent a close frame with the right code (1009, 1002, 1007); without a listener they would end
      // the process. A polite close would then keep reading (and discarding) the rest of an oversized message for
      // up to 30 s, so stop reading (after ws's own resume on the next tick) and drop the connection once the
      // client has had time to read the close code.
      ws.on('error', (error: Error & { code?: string }) => {
        log(`websocket closed: ${error.code ?? 'error'}: ${error.message}`);
        setImmediate(() => socket.pause());
        setTimeout(() => ws.terminate(), PROTOCOL_ERROR_GRACE_MS).unref();
      });
      ws.on('message', (data) => {
        void answerMessage(opts.core, data.toString())
          .then((response) => {
            sendBounded(ws, JSON.stringify(response), log);
          })
          .catch((error: unknown) => log(`websocket request failed: ${(error as Error).message}`));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // After listening, a server error (e.g. out of file descriptors on accept) is logged; the server keeps serving.
  server.on('error', (error) => log(`http server error: ${error.message}`));

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
