// Runs in the sandboxed preload: exposes the typed contract to the page and nothing else (no ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import type { HostBridge, PickPathOptions } from '../contract/bridge.js';
import { IPC } from '../contract/bridge.js';
import type { EventEnvelope, ResponseEnvelope } from '../contract/wire.js';

let nextId = 0;

const bridge: HostBridge = {
  request: (method: string, params: unknown) => ipcRenderer.invoke(IPC.request, { id: ++nextId, method, params }) as Promise<ResponseEnvelope>,
  onEvent(listener) {
    const wrapped = (_event: unknown, payload: EventEnvelope) => listener(payload);
    ipcRenderer.on(IPC.event, wrapped);
    return () => ipcRenderer.removeListener(IPC.event, wrapped);
  },
  pickPath: (options: PickPathOptions) => ipcRenderer.invoke(IPC.pickPath, options) as Promise<string | null>,
};

contextBridge.exposeInMainWorld('fieldtune', bridge);
