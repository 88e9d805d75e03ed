// Handlers for the 'inbox:*' requests; inputs arrive validated.
import type { ParsedInput, Requests, RequestOutput } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { commitInbox } from './commit.js';
import { addInboxItem, decideInboxItem, listInbox } from './inbox.js';

type InboxMethod = Extract<keyof Requests, `inbox:${string}`>;
type InboxHandlers = { [M in InboxMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const inboxHandlers: InboxHandlers = {
  'inbox:add': (input, { ws }) => addInboxItem(ws, input),
  'inbox:list': ({ projectId, status }, { ws }) => listInbox(ws, projectId, status),
  'inbox:decide': ({ id, decision, correction, question }, { ws }) => decideInboxItem(ws, id, decision, correction, question),
  'inbox:commit': ({ projectId, datasetId }, { ws }) => commitInbox(ws, projectId, datasetId),
};
