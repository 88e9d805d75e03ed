// Handlers for the 'playground:*' requests (the Playground step).
import type { ParsedInput, Requests, RequestOutput } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { sendReply, stopReply } from './playground.js';

type PlaygroundMethod = Extract<keyof Requests, `playground:${string}`>;
type PlaygroundHandlers = { [M in PlaygroundMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const playgroundHandlers: PlaygroundHandlers = {
  'playground:send': (input, { ws }) => sendReply(ws, input),
  'playground:stop': ({ replyId }, { ws }) => stopReply(ws, replyId),
};
