import type { ErrorPayload } from '../../../electron/contract/errors.js';
import type { EventEnvelope, ResponseEnvelope } from '../../../electron/contract/wire.js';

/** How the renderer reaches the core: Electron IPC through the preload, or a WebSocket in browser mode. */
export interface Transport {
  send(method: string, params: unknown): Promise<ResponseEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
  }
  get code(): ErrorPayload['code'] {
    return this.payload.code;
  }
}
