// Handlers for the 'train:*' requests (the Train wizard and `fieldtune train --workspace`); inputs arrive validated.
import type { ParsedInput, Requests, RequestOutput } from '../../../contract/requests.js';
import type { HandlerContext } from '../handlers.js';
import { estimateRun } from './estimate.js';
import { detectHardware } from './hardware.js';
import { presetsFor } from './presets.js';
import { compareRuns, markCandidate, runDetail, toRun } from './runs.js';
import { requireModelFile, startTraining } from './start.js';
import { requireProject } from '../projects/projects.js';

type TrainMethod = Extract<keyof Requests, `train:${string}`>;
type TrainHandlers = { [M in TrainMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const trainHandlers: TrainHandlers = {
  'train:hardware': (_input, { ws }) => detectHardware(ws.dir),
  'train:presets': ({ modelId, datasets }, { ws }) => presetsFor(ws, requireModelFile(ws, modelId), datasets),
  'train:estimate': (input, { ws }) => estimateRun(ws, input),
  'train:start': (input, { ws }) => startTraining(ws, input),
  'train:runs': ({ projectId }, { ws }) => {
    if (projectId) requireProject(ws, projectId);
    return ws.trainingRuns.list(projectId).map((r) => toRun(ws, r));
  },
  'train:run': ({ id }, { ws }) => runDetail(ws, id),
  'train:compare': ({ a, b }, { ws }) => compareRuns(ws, a, b),
  'train:candidate': ({ id }, { ws }) => markCandidate(ws, id),
};
