// Handlers for the 'datasets:*' requests (the Data wizard); inputs arrive validated against the contract.
import type { HandlerContext } from '../handlers.js';
import type { ParsedInput, RequestOutput } from '../../../contract/requests.js';
import { applyClean, leakageOf, reviewPage, splitWithReport, startReview } from './clean.js';
import { editExample } from './editExample.js';
import { previewImport } from './preview.js';
import { bundledSamples, examplesPage, exportDataset, listDatasets, metadataColumns, startImport } from './datasets.js';
import { startTokenStats } from './stats.js';
import { latestVersion } from './versions.js';

type DatasetMethod = Extract<keyof import('../../../contract/requests.js').Requests, `datasets:${string}`>;
type DatasetHandlers = { [M in DatasetMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const datasetHandlers: DatasetHandlers = {
  'datasets:list': ({ projectId }, { ws }) => listDatasets(ws, projectId),
  'datasets:samples': () => bundledSamples(),
  'datasets:preview': (input) => previewImport(input),
  'datasets:import': (input, { ws }) => startImport(ws, input),
  'datasets:version': ({ id }, { ws }) => ws.datasets.getVersion(id) ?? latestVersion(ws, id),
  'datasets:examples': ({ versionId, offset, limit }, { ws }) => examplesPage(ws, versionId, offset, limit),
  'datasets:columns': ({ versionId }, { ws }) => metadataColumns(ws, versionId),
  'datasets:review': ({ versionId, ...options }, { ws }) => startReview(ws, versionId, options),
  'datasets:review-page': ({ jobId, section, offset, limit }, { ws }) => reviewPage(ws, jobId, section, offset, limit),
  'datasets:clean': ({ versionId, remove, normalize }, { ws }) => applyClean(ws, versionId, remove, normalize),
  'datasets:split': ({ versionId, ...input }, { ws }) => splitWithReport(ws, versionId, input),
  'datasets:leakage': ({ versionId }, { ws }) => leakageOf(ws, versionId),
  'datasets:stats': ({ versionId, ...input }, { ws }) => startTokenStats(ws, versionId, input),
  'datasets:export': ({ versionId, format, outFile, split, overwrite }, { ws }) => exportDataset(ws, versionId, format, outFile, split, overwrite),
  'datasets:edit-example': ({ versionId, position, messages, text }, { ws }) => editExample(ws, versionId, position, { messages, text }),
};
