// Handlers for the 'adapters:*' and 'keys:*' requests; inputs arrive validated.
import type { ParsedInput, Requests, RequestOutput } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { cardFor } from './card.js';
import { exportableRun, startExport } from './exportAdapter.js';
import { importAdapter } from './importAdapter.js';
import { listKeys, revokeKey, trustKey } from './keys.js';
import { listAdapters, promoteAdapter, rollbackAdapter } from './versions.js';

type AdapterMethod = Extract<keyof Requests, `adapters:${string}` | `keys:${string}`>;
type AdapterHandlers = { [M in AdapterMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const adapterHandlers: AdapterHandlers = {
  'adapters:export': (input, { ws }) => startExport(ws, input),
  'adapters:import': async (input, ctx) => {
    const result = await importAdapter(ctx.ws, input);
    if (result.projectCreated) ctx.projectsChanged();
    return result;
  },
  'adapters:list': ({ projectId }, { ws }) => listAdapters(ws, projectId),
  'adapters:promote': ({ runId, note }, { ws }) => promoteAdapter(ws, runId, note),
  'adapters:rollback': ({ projectId, to }, { ws }) => rollbackAdapter(ws, projectId, to),
  'adapters:card': async ({ runId, systemPrompt, evaluation }, { ws }) => {
    const run = exportableRun(ws, runId);
    const projectPrompt = run.projectId ? (ws.projects.get(run.projectId)?.systemPrompt ?? null) : null;
    return { markdown: await cardFor(ws, run, { systemPrompt: systemPrompt ?? projectPrompt, ...(evaluation ? { evaluation } : {}) }) };
  },
  'keys:list': (_input, { ws }) => listKeys(ws),
  'keys:trust': ({ fingerprint, label }, { ws }) => trustKey(ws, fingerprint, label),
  'keys:revoke': ({ fingerprint }, { ws }) => revokeKey(ws, fingerprint),
};
