// Handlers for the 'lineage:*' requests; inputs arrive validated.
import type { ParsedInput, RequestOutput, Requests } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { eraseExample } from './erase.js';
import { exampleLineage, fileLineage } from './trace.js';

type LineageMethod = Extract<keyof Requests, `lineage:${string}`>;
type LineageHandlers = { [M in LineageMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const lineageHandlers: LineageHandlers = {
  'lineage:example': ({ versionId, position }, { ws }) => exampleLineage(ws, versionId, position),
  'lineage:file': ({ projectId, fileName }, { ws }) => fileLineage(ws, projectId, fileName),
  'lineage:erase': (input, { ws }) => eraseExample(ws, input),
};
