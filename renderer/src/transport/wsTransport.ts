import type { EventEnvelope, ResponseEnvelope } from '../../../electron/contract/wire.js';
import type { Transport } from './transport.js';

interface Pending {
  resolve: (response: ResponseEnvelope) => void;
}

/**
 * Browser mode. The session cookie set by the server authenticates the socket, so no token lives in script.
 * Requests made while disconnected wait for the reconnect; a lost connection fails in-flight requests clearly.
 */
export function createWsTransport(url: string): Transport {
  let socket: WebSocket | undefined;
  let nextId = 0;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const eventListeners = new Set<(e: EventEnvelope) => void>();
  const connectionListeners = new Set<(c: boolean) => void>();

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      connectionListeners.forEach((l) => l(true));
      for (const message of queue.splice(0)) ws.send(message);
    };
    ws.onmessage = (msg) => {
      const data = JSON.parse(String(msg.data)) as ResponseEnvelope | EventEnvelope;
      if ('event' in data) {
        eventListeners.forEach((l) => l(data));
        return;
      }
      if (typeof data.id === 'number') {
        pending.get(data.id)?.resolve(data);
        pending.delete(data.id);
      }
    };
    ws.onclose = () => {
      connectionListeners.forEach((l) => l(false));
      for (const [id, p] of pending) {
        p.resolve({ id, ok: false, error: { code: 'INTERNAL', message: 'Lost the connection to Fieldtune while waiting for an answer' } });
      }
      pending.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  return {
    send(method, params) {
      const id = ++nextId;
      const message = JSON.stringify({ id, method, params });
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
