// Small guards for the browser-mode HTTP side: every way a client can send too much, send garbage, or vanish
// ends in a short answer (or a closed socket) and a log line, never in an exception that ends the process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** True when the request announces a body (a length above zero, or chunked transfer). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** Answers with `status` and closes the connection, so an unread request body is dropped rather than drained. */
export function refuse(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.shouldKeepAlive = false;
  res.writeHead(status, { ...headers, Connection: 'close' }).end();
  res.once('finish', () => res.req.socket.destroy());
}

/** A path whose percent-escapes decode (decodeURIComponent throws on e.g. '%E0%A4%A'). */
export function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Node's 'clientError': a request it could not parse (headers or URL over its 16 KB limit, a malformed request
 * line) or a connection that failed before a request was complete. Answer when the socket can still take it.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, log: (m: string) => void): void {
  log(`http client error: ${error.code ?? ''} ${error.message}`.trim());
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
