// Offline, enforced in the core's own process: every TCP connection the process opens (http, https, fetch, any
// library's socket) starts with net.Socket's connect(), so that is where the guard stands. A connection to anything
// but this computer is refused before the connect, and before any name lookup, so not even a DNS query leaves.
// Node offers no supported hook that fires before the connect for every socket (the 'net.client.socket' channel
// misses tls.connect, which fetch uses for https), hence the wrapped prototype method: installed once, removed when
// the last guard stops.
import { isIP, Socket } from 'node:net';

export interface BlockedConnection {
  host: string;
  port: number;
}

export function isLoopback(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  const lower = address.toLowerCase();
  return lower === '::1' || lower.startsWith('::ffff:127.');
}

export class OfflineError extends Error {
  readonly code = 'FIELDTUNE_OFFLINE';
  constructor(target: BlockedConnection) {
    super(`Fieldtune works offline: a connection to ${target.host}:${target.port} was blocked`);
  }
}

/** Where connect() was asked to go; null for a local socket or pipe (a path), which never leaves the computer. */
function targetOf(args: unknown[]): BlockedConnection | null {
  // net.connect() hands over its arguments already normalised, as an array
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const o = first as { path?: string; host?: string; port?: number | string };
    if (o.path) return null;
    return { host: o.host ?? 'localhost', port: Number(o.port) };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null;
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
}

const listeners = new Set<(target: BlockedConnection) => void>();
let original: Socket['connect'] | null = null;

/** Whether this thread's sockets are guarded now. */
export function networkGuarded(): boolean {
  return original !== null;
}

/** Starts guarding this thread's sockets; onBlocked hears of each refusal. Returns the function that stops it. */
export function guardNetwork(onBlocked: (target: BlockedConnection) => void): () => void {
  listeners.add(onBlocked);
  if (original === null) {
    const connect = Socket.prototype.connect;
    original = connect;
    Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
      const target = targetOf(args);
      if (target === null || target.host === 'localhost' || isLoopback(target.host)) return (connect as (...a: unknown[]) => Socket).apply(this, args);
      // failed the way a refused connection fails: asynchronously, through 'error', so callers handle it as usual
      process.nextTick(() => this.destroy(new OfflineError(target)));
      for (const listener of listeners) listener(target);
      return this;
    } as Socket['connect'];
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    listeners.delete(onBlocked);
    if (listeners.size === 0 && original !== null) {
      Socket.prototype.connect = original;
      original = null;
    }
  };
}
