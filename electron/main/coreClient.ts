// The window process's handle on the core's own process: the IPC dispatcher calls request() as it would call the
// in-process Core, and events arrive through subscribe(). Each request gets a sequence number of its own (the
// renderer's ids are the renderer's), and a core that dies answers every waiting request with a typed error.
import { fork } from 'node:child_process';
import type { EventEnvelope, ResponseEnvelope } from '../contract/wire.js';
import type { CoreChannel, FromCore } from './coreProtocol.js';
import type { RequestTarget } from './dispatcher.js';

export const CORE_STOPPED = 'The Fieldtune core stopped unexpectedly. Your saved work is safe; restart the app to continue.';

export class CoreClient implements RequestTarget {
  private seq = 0;
  private readonly pending = new Map<number, (response: ResponseEnvelope) => void>();
  private readonly listeners = new Set<(event: EventEnvelope) => void>();
  private exited = false;
  private closing: Promise<void> | null = null;
  private closedResolve: (() => void) | null = null;
  /** Resolves when the core has opened the workspace (and seeded the demo); rejects with its reason if it could not. */
  readonly ready: Promise<void>;

  constructor(private readonly channel: CoreChannel) {
    let readyResolve!: () => void;
    let readyReject!: (e: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      readyResolve = resolve;
      readyReject = reject;
    });
    this.ready.catch(() => {}); // a caller that never awaits it must not see an unhandled rejection
    channel.onMessage((m: FromCore) => {
      if (m.type === 'response') {
        const settle = this.pending.get(m.seq);
        this.pending.delete(m.seq);
        settle?.(m.response);
      } else if (m.type === 'event') {
        for (const listener of this.listeners) listener(m.event);
      } else if (m.type === 'ready') readyResolve();
      else if (m.type === 'failed') readyReject(new Error(m.message));
      else if (m.type === 'closed') this.closedResolve?.();
    });
    channel.onExit((code) => {
      this.exited = true;
      readyReject(new Error(`The core process ended before it was ready (exit code ${code}).`));
      for (const [seq, settle] of this.pending) {
        this.pending.delete(seq);
        settle({ id: null, ok: false, error: { code: 'INTERNAL', message: CORE_STOPPED } });
      }
      this.closedResolve?.();
    });
  }

  request(method: unknown, params: unknown, id: string | number | null = null): Promise<ResponseEnvelope> {
    if (this.exited || this.closing) return Promise.resolve({ id, ok: false, error: { code: 'INTERNAL', message: CORE_STOPPED } });
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, (response) => resolve({ ...response, id }));
      this.channel.send({ type: 'request', seq, id, method, params });
    });
  }

  subscribe(listener: (event: EventEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the core to close the workspace (jobs marked interrupted, database closed); kills it if it does not. */
  close(timeoutMs = 10_000): Promise<void> {
    if (this.closing) return this.closing;
    if (this.exited) return (this.closing = Promise.resolve());
    this.closing = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.channel.kill();
        resolve();
      }, timeoutMs);
      this.closedResolve = () => {
        clearTimeout(timer);
        resolve();
      };
      this.channel.send({ type: 'close' });
    });
    return this.closing;
  }
}

/** A core process started with Node's child_process.fork (tests, and a fallback with the same messages). */
export function forkCoreChannel(entry: string, args: string[], execArgv: string[] = []): CoreChannel {
  const child = fork(entry, args, { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    send: (m) => child.send(m),
    onMessage: (listener) => child.on('message', (m) => listener(m as FromCore)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill(),
  };
}
