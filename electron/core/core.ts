import type { AppInfo, HostMode } from '../contract/domain.js';
import type { Job } from '../contract/jobs.js';
import { FieldtuneError } from '../contract/errors.js';
import type { EventEnvelope } from '../contract/wire.js';
import { parseRequest, toErrorPayload, type ResponseEnvelope } from '../contract/wire.js';
import type { Method, RequestOutput } from '../contract/requests.js';
import { appVersion } from './appPaths.js';
import { guardNetwork } from './network/guard.js';
import { handlers, type HandlerContext } from './service/handlers.js';
import { recordBlocked } from './service/network/network.js';
import { closePlayground } from './service/playground/playground.js';
import { openWorkspace, type Workspace } from './workspace.js';

export interface CoreOptions {
  workspaceDir: string;
  mode: HostMode;
  modeReason?: string | null;
  /** The passphrase of an encrypted workspace. */
  passphrase?: string | undefined;
}

export type EventListener = (event: EventEnvelope) => void;

const version = appVersion();

/**
 * The domain core every host drives: it validates each request against the contract, runs it, and pushes
 * events. It imports no Electron, so the desktop app, the browser-mode server and the CLI share it unchanged.
 */
export class Core {
  readonly ws: Workspace;
  private readonly listeners = new Set<EventListener>();
  private readonly ctx: HandlerContext;
  private readonly stopGuard: () => void;

  constructor(private readonly opts: CoreOptions) {
    this.ws = openWorkspace(
      opts.workspaceDir,
      (job: Job) => this.emit({ event: 'jobs:updated', payload: job }),
      (event) => this.emit(event),
      { passphrase: opts.passphrase },
    );
    // the core's process reaches nothing but this computer; each refusal is written to the audit log
    this.stopGuard = guardNetwork((target) => recordBlocked(this.ws, `tcp://${target.host}:${target.port}`, 'core'));
    this.ctx = {
      ws: this.ws,
      appInfo: () => this.appInfo(),
      projectsChanged: () => this.emit({ event: 'projects:changed', payload: this.ws.projects.list() }),
    };
  }

  appInfo(): AppInfo {
    const demo = this.ws.models.list().find((m) => m.isDemo);
    return {
      version,
      mode: this.opts.mode,
      workspace: this.ws.dir,
      modeReason: this.opts.modeReason ?? null,
      demoModelId: demo?.id ?? null,
    };
  }

  /** Validates and runs one request. Never throws: every failure becomes a typed error envelope. */
  async request(method: unknown, params: unknown, id: string | number | null = null): Promise<ResponseEnvelope> {
    try {
      const parsed = parseRequest(method, params);
      const handler = handlers[parsed.method] as (input: unknown, ctx: HandlerContext) => unknown;
      const result = await handler(parsed.input, this.ctx);
      return { id, ok: true, result };
    } catch (error) {
      return { id, ok: false, error: toErrorPayload(error) };
    }
  }

  /** Typed convenience for in-process callers (CLI, tests): throws the typed error instead of returning it. */
  async call<M extends Method>(method: M, params: unknown = {}): Promise<RequestOutput<M>> {
    const response = await this.request(method, params);
    if (!response.ok) throw FieldtuneError.fromPayload(response.error); // keeps details and fix, not only issues
    return response.result as RequestOutput<M>;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.stopGuard();
    // a reply being written holds the model: stop it and free the model before the database closes
    await closePlayground(this.ws);
    await this.ws.close();
    this.listeners.clear();
  }

  private emit(event: EventEnvelope): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed socket) must not break the core or other listeners.
      }
    }
  }
}
