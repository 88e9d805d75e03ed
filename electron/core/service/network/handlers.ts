// Handlers for the 'network:*' requests; inputs arrive validated.
import type { ParsedInput, RequestOutput, Requests } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { networkStatus, recordBlocked } from './network.js';

type NetworkMethod = Extract<keyof Requests, `network:${string}`>;
type NetworkHandlers = { [M in NetworkMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const networkHandlers: NetworkHandlers = {
  'network:report': ({ url, source }, { ws }) => recordBlocked(ws, url, source),
  'network:status': (_input, { ws }) => networkStatus(ws),
};
