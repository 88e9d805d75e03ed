import type { HostBridge, PickPathOptions } from '../../../electron/contract/bridge.js';
import type { Method, RequestInput, RequestOutput } from '../../../electron/contract/requests.js';
import type { EventEnvelope } from '../../../electron/contract/wire.js';
import { ApiError, type Transport } from './transport.js';
import { createWsTransport } from './wsTransport.js';

declare global {
  interface Window {
    fieldtune?: HostBridge;
  }
}

function bridgeTransport(bridge: HostBridge): Transport {
  return {
    send: (method, params) => bridge.request(method, params),
    onEvent: (listener) => bridge.onEvent(listener),
    onConnectionChange: () => () => {},
  };
}

function createTransport(): Transport {
  if (window.fieldtune) return bridgeTransport(window.fieldtune);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsTransport(`${scheme}://${location.host}/ws`);
}

let transport: Transport | undefined;
function getTransport(): Transport {
  transport ??= createTransport();
  return transport;
}

/** The renderer's only door to the core. Stores call it; components call stores. */
export const api = {
  async call<M extends Method>(method: M, input: RequestInput<M>): Promise<RequestOutput<M>> {
    const response = await getTransport().send(method, input);
    if (!response.ok) throw new ApiError(response.error);
    return response.result as RequestOutput<M>;
  },
  onEvent(listener: (event: EventEnvelope) => void): () => void {
    return getTransport().onEvent(listener);
  },
  onConnectionChange(listener: (connected: boolean) => void): () => void {
    return getTransport().onConnectionChange(listener);
  },
  /** Native file dialog in the desktop app; null in browser mode, where the UI shows a path field instead. */
  canPickPaths(): boolean {
    return Boolean(window.fieldtune);
  },
  async pickPath(options: PickPathOptions): Promise<string | null> {
    return window.fieldtune ? window.fieldtune.pickPath(options) : null;
  },
};
