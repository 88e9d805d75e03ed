// The messages between the desktop app's window process (Electron main) and the core's own process. The core runs
// apart so that nothing it does (a long SQLite write, hashing a model, seeding the demo) can freeze the window.
// Requests and events keep the contract's envelopes; this file only adds the routing around them.
import type { EventEnvelope, ResponseEnvelope } from '../contract/wire.js';

export type ToCore = { type: 'request'; seq: number; id: string | number | null; method: unknown; params: unknown } | { type: 'close' };

export type FromCore =
  | { type: 'ready' }
  | { type: 'response'; seq: number; response: ResponseEnvelope }
  | { type: 'event'; event: EventEnvelope }
  | { type: 'closed' }
  /** The core could not start (a workspace from a newer version, a locked database): the app shows why and quits. */
  | { type: 'failed'; message: string };

/**
 * One end of the pipe, as the window process sees it: Electron's UtilityProcess in the app, a Node child process
 * (the same messages) in tests and wherever utilityProcess is missing.
 */
export interface CoreChannel {
  send(message: ToCore): void;
  onMessage(listener: (message: FromCore) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** The core process's end: `process.parentPort` under utilityProcess, `process.send` under child_process.fork. */
export interface ParentLink {
  send(message: FromCore): void;
  onMessage(listener: (message: ToCore) => void): void;
}
