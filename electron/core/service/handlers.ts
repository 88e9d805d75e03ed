import type { AppInfo } from '../../contract/domain.js';
import type { WorkspaceLockState } from '../../contract/workspaceRequests.js';
import type { Method, ParsedInput, RequestOutput } from '../../contract/requests.js';
import type { Workspace } from '../workspace.js';
import { createProject, deleteProject, renameProject, setProjectLocale, requireProject, updateProject } from './projects/projects.js';
import { removeModel, startModelRegistration } from './models/models.js';
import { startDiscovery } from './models/discover.js';
import { auditHandlers } from './audit/handlers.js';
import { networkHandlers } from './network/handlers.js';
import { datasetHandlers } from './datasets/handlers.js';
import { resumeJob } from './jobs/resume.js';
import { filesHandlers } from './files/handlers.js';
import { piiHandlers } from './pii/handlers.js';
import { trainHandlers } from './train/handlers.js';
import { evalHandlers } from './eval/handlers.js';
import { inboxHandlers } from './inbox/handlers.js';
import { reviewHandlers } from './review/handlers.js';
import { adapterHandlers } from './adapters/handlers.js';
import { lineageHandlers } from './lineage/handlers.js';
import { playgroundHandlers } from './playground/handlers.js';
import { generateHandlers } from './generate/handlers.js';

export interface HandlerContext {
  /** The open workspace; reading it while an encrypted one waits for its passphrase throws a typed error. */
  readonly ws: Workspace;
  appInfo(): AppInfo;
  /** Tells every connected renderer the project list changed. */
  projectsChanged(): void;
  /** Encryption at rest of the workspace the core holds (core.ts does the closing and opening). */
  lock: {
    state(): WorkspaceLockState;
    unlock(passphrase: string): WorkspaceLockState;
    encrypt(passphrase: string): Promise<WorkspaceLockState>;
    changePassphrase(passphrase: string, next: string): WorkspaceLockState;
  };
}

type Handler<M extends Method> = (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>>;
export type Handlers = { [M in Method]: Handler<M> };

/** One function per contract method; inputs arrive already validated. */
export const handlers: Handlers = {
  'app:info': (_input, ctx) => ctx.appInfo(),
  'workspace:unlock': (input, ctx) => ctx.lock.unlock(input.passphrase),
  'workspace:encrypt': (input, ctx) => ctx.lock.encrypt(input.passphrase),
  'workspace:change-passphrase': (input, ctx) => ctx.lock.changePassphrase(input.passphrase, input.newPassphrase),

  'projects:list': (_input, { ws }) => ws.projects.list(),
  'projects:get': ({ id }, { ws }) => requireProject(ws, id),
  'projects:create': ({ name, domain, locale, systemPrompt }, ctx) => {
    const project = createProject(ctx.ws, name, domain, false, locale, systemPrompt ?? null);
    ctx.projectsChanged();
    return project;
  },
  'projects:set-locale': ({ id, locale }, ctx) => {
    const project = setProjectLocale(ctx.ws, id, locale);
    ctx.projectsChanged();
    return project;
  },
  'projects:update': ({ id, ...changes }, ctx) => {
    const project = updateProject(ctx.ws, id, changes);
    ctx.projectsChanged();
    return project;
  },
  'projects:rename': ({ id, name }, ctx) => {
    const project = renameProject(ctx.ws, id, name);
    ctx.projectsChanged();
    return project;
  },
  'projects:delete': async ({ id, confirmName }, ctx) => {
    const result = await deleteProject(ctx.ws, id, confirmName);
    ctx.projectsChanged();
    return result;
  },

  'models:list': (_input, { ws }) => ws.models.list(),
  'models:register': ({ path, label }, { ws }) => startModelRegistration(ws, path, label),
  'models:remove': ({ id }, { ws }) => removeModel(ws, id),
  'models:discover': ({ folders, roots }, { ws }) => startDiscovery(ws, folders, roots),

  'jobs:list': ({ projectId }, { ws }) => ws.jobs.list(projectId),
  'jobs:get': ({ id }, { ws }) => ws.jobs.get(id),
  'jobs:cancel': ({ id }, { ws }) => ws.jobs.cancel(id),
  'jobs:resume': ({ id }, { ws }) => resumeJob(ws, id),
  'jobs:clear': ({ projectId }, { ws }) => ({ removed: ws.jobs.clearFinished(projectId) }),

  ...auditHandlers,
  ...networkHandlers,

  ...datasetHandlers,
  ...piiHandlers,
  ...trainHandlers,
  ...evalHandlers,
  ...filesHandlers,
  ...inboxHandlers,
  ...reviewHandlers,
  ...adapterHandlers,
  ...lineageHandlers,
  ...playgroundHandlers,
  ...generateHandlers,
};
