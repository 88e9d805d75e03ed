import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'fieldtune_session';

export function tokensEqual(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Browser mode binds to 127.0.0.1, but any web page the user visits can still aim requests at it.
 * Three checks close that: the Host header must name our loopback origin (defeats DNS rebinding), a
 * WebSocket's Origin must be exactly ours (defeats cross-site sockets), and every request carries the
 * random token (in the URL once, then in a SameSite=Strict, HttpOnly cookie).
 */
export class AccessPolicy {
  constructor(
    readonly token: string,
    private readonly port: () => number,
  ) {}

  allowedHosts(): string[] {
    const p = this.port();
    return [`127.0.0.1:${p}`, `localhost:${p}`];
  }

  hostOk(req: IncomingMessage): boolean {
    return this.allowedHosts().includes(req.headers.host ?? '');
  }

  originOk(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin !== undefined && this.allowedHosts().some((h) => origin === `http://${h}`);
  }

  tokenFromRequest(req: IncomingMessage): string | undefined {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    return url.searchParams.get('token') ?? cookieValue(req, SESSION_COOKIE);
  }

  authorized(req: IncomingMessage): boolean {
    return tokensEqual(this.tokenFromRequest(req), this.token);
  }
}
