// What the Electron preload exposes to the renderer as window.fieldtune. Types only: the contract stays pure.
import type { ResponseEnvelope, EventEnvelope } from './wire.js';

export interface PickPathOptions {
  kind: 'file' | 'folder';
  title?: string;
  /** e.g. [{ name: 'GGUF models', extensions: ['gguf'] }] */
  filters?: Array<{ name: string; extensions: string[] }>;
}

export interface HostBridge {
  request(method: string, params: unknown): Promise<ResponseEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
  /** Native open dialog; resolves null when the user cancels. Browser mode has none (path field or upload). */
  pickPath(options: PickPathOptions): Promise<string | null>;
}

export const IPC = {
  request: 'fieldtune:request',
  event: 'fieldtune:event',
  pickPath: 'fieldtune:pick-path',
} as const;
