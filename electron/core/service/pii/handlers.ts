// Handlers for the 'pii:*' and 'templates:*' requests (the privacy section); inputs arrive validated.
import type { ParsedInput, RequestOutput, Requests } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { deleteDatasetMap, startApply, versionReport } from './apply.js';
import { decide, spansPage, startScan, versionStatus } from './pii.js';
import { importTemplateSample, templateInfo } from './templates.js';

type PiiMethod = Extract<keyof Requests, `pii:${string}` | `templates:${string}`>;
type PiiHandlers = { [M in PiiMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const piiHandlers: PiiHandlers = {
  'pii:status': ({ versionId }, { ws }) => versionStatus(ws, versionId),
  'pii:scan': ({ versionId }, { ws }) => startScan(ws, versionId),
  'pii:spans': ({ versionId, offset, limit, type }, { ws }) => spansPage(ws, versionId, offset, limit, type),
  'pii:decide': ({ versionId, changes }, { ws }) => decide(ws, versionId, changes),
  'pii:apply': ({ versionId, mode, policy }, { ws }) => startApply(ws, versionId, mode, policy),
  'pii:report': ({ versionId }, { ws }) => versionReport(ws, versionId),
  'pii:delete-map': ({ datasetId }, { ws }) => deleteDatasetMap(ws, datasetId),
  'templates:get': ({ domain, variant }) => templateInfo(domain, variant),
  'templates:import-sample': ({ projectId, domain, variant }, { ws }) => importTemplateSample(ws, projectId, domain, variant),
};
