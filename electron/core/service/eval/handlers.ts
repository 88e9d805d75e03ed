// Handlers for the 'eval:*' requests (the Evaluate step and `fieldtune eval --workspace --run`).
import type { ParsedInput, Requests, RequestOutput } from '../../../contract/requests.js';
import { driftFindings } from '../../eval/drift.js';
import { schemaProblem } from '../../eval/jsonValidity.js';
import type { HandlerContext } from '../handlers.js';
import { getEvaluation, listEvaluations } from './evaluations.js';
import { evaluationReport, saveEvaluationReport } from './report.js';
import { startEvaluation } from './start.js';

type EvalMethod = Extract<keyof Requests, `eval:${string}`>;
type EvalHandlers = { [M in EvalMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const evalHandlers: EvalHandlers = {
  'eval:start': (input, { ws }) => startEvaluation(ws, input),
  'eval:list': (filter, { ws }) => listEvaluations(ws, filter),
  'eval:drift': ({ projectId }, { ws }) => driftFindings(listEvaluations(ws, { projectId })),
  'eval:check-schema': ({ text }) => ({ problem: schemaProblem(text) }),
  'eval:get': ({ id }, { ws }) => getEvaluation(ws, id),
  'eval:report': ({ id }, { ws }) => evaluationReport(ws, id),
  'eval:save-report': ({ id, format, outFile, overwrite }, { ws }) => saveEvaluationReport(ws, id, format, outFile, overwrite),
};
