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
import { changePassphrase, checkNewPassphrase, encryptWorkspace } from './store/workspaceEncryption.js';
import { openWorkspace, type Workspace } from './workspace.js';
import type { WorkspaceLockState } from '../contract/workspaceRequests.js';

export interface CoreOptions {
  workspaceDir: string;
  mode: HostMode;
  modeReason?: string | null;
  /** The passphrase of an encrypted workspace. */
  passphrase?: string | undefined;
  /**
   * Start without the passphrase of an encrypted workspace (the app: it then asks for it on its passphrase screen).
   * Until 'workspace:unlock' succeeds every other request is refused with a typed error. The CLI never waits.
   */
  startLocked?: boolean;
}

export type EventListener = (event: EventEnvelope) => void;

const version = appVersion();

/**
 * The domain core every host drives: it validates each request against the contract, runs it, and pushes
 * events. It imports no Electron, so the desktop app, the browser-mode server and the CLI share it unchanged.
 */
export class Core {
  /** The open workspace; undefined while an encrypted one waits for its passphrase (startLocked). */
  private opened: Workspace | undefined;
  private readonly listeners = new Set<EventListener>();
  private readonly ctx: HandlerContext;
  private readonly stopGuard: () => void;

  constructor(private readonly opts: CoreOptions) {
    try {
      this.opened = this.open(opts.passphrase);
    } catch (error) {
      const needsPassphrase = error instanceof FieldtuneError && error.fix?.setting === 'passphrase' && opts.passphrase === undefined;
      if (!(opts.startLocked && needsPassphrase)) throw error;
    }
    // the core's process reaches nothing but this computer; each refusal is written to the audit log (once it is open)
    this.stopGuard = guardNetwork((target) => {
      if (this.opened) recordBlocked(this.opened, `tcp://${target.host}:${target.port}`, 'core');
    });
    const current = (): Workspace => this.ws;
    this.ctx = {
      get ws() {
        return current();
      },
      appInfo: () => this.appInfo(),
      projectsChanged: () => this.emit({ event: 'projects:changed', payload: this.ws.projects.list() }),
      lock: {
        state: () => this.lockState(),
        unlock: (passphrase) => this.unlock(passphrase),
        encrypt: (passphrase) => this.encrypt(passphrase),
        changePassphrase: (passphrase, next) => this.changePassphrase(passphrase, next),
      },
    };
  }

  private open(passphrase: string | undefined): Workspace {
    return openWorkspace(
      this.opts.workspaceDir,
      (job: Job) => this.emit({ event: 'jobs:updated', payload: job }),
      (event) => this.emit(event),
      { passphrase },
    );
  }

  get ws(): Workspace {
    if (!this.opened)
      throw new FieldtuneError('UNAUTHORIZED', 'This workspace is encrypted: it opens only with its passphrase.', { fix: { setting: 'passphrase' } });
    return this.opened;
  }

  get locked(): boolean {
    return this.opened === undefined;
  }

  private lockState(): WorkspaceLockState {
    return { encrypted: this.opened ? this.opened.encryptionKey !== undefined : true, locked: this.locked };
  }

  private unlock(passphrase: string): WorkspaceLockState {
    if (!this.opened) this.opened = this.open(passphrase);
    return this.lockState();
  }

  /** Encrypts the open workspace in place: it is closed (nothing may be running), encrypted, and opened again. */
  private async encrypt(passphrase: string): Promise<WorkspaceLockState> {
    const ws = this.ws;
    if (ws.encryptionKey) throw new FieldtuneError('CONFLICT', 'This workspace is encrypted already; its passphrase can be changed.');
    if (ws.jobs.list().some((j) => j.status === 'running' || j.status === 'queued'))
      throw new FieldtuneError('CONFLICT', 'Wait for the running tasks to finish (or cancel them) before encrypting the workspace.');
    checkNewPassphrase(passphrase);
    await closePlayground(ws);
    await ws.close();
    this.opened = undefined;
    try {
      const { files } = encryptWorkspace(this.opts.workspaceDir, passphrase);
      this.opened = this.open(passphrase);
      this.opened.audit.append({ actor: 'user', action: 'workspace.encrypt', subject: 'workspace', details: { files } });
    } finally {
      // whatever happened, the workspace is open again as it now is (plain if the encryption never started)
      this.opened ??= this.open(passphrase);
    }
    return this.lockState();
  }

  private changePassphrase(passphrase: string, next: string): WorkspaceLockState {
    changePassphrase(this.ws.dir, passphrase, next);
    this.ws.audit.append({ actor: 'user', action: 'workspace.change-passphrase', subject: 'workspace', details: {} });
    return this.lockState();
  }

  appInfo(): AppInfo {
    const base = { version, mode: this.opts.mode, workspace: this.opts.workspaceDir, modeReason: this.opts.modeReason ?? null };
    if (!this.opened) return { ...base, workspace: this.opts.workspaceDir, demoModelId: null, encrypted: true, locked: true };
    const demo = this.opened.models.list().find((m) => m.isDemo);
    return { ...base, workspace: this.opened.dir, demoModelId: demo?.id ?? null, encrypted: this.opened.encryptionKey !== undefined, locked: false };
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
    if (this.opened) {
      // a reply being written holds the model: stop it and free the model before the database closes
      await closePlayground(this.opened);
      await this.opened.close();
    }
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
