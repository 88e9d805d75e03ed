// Handlers for the 'generate:*' requests; inputs arrive validated.
import type { ParsedInput, Requests, RequestOutput } from '../../../contract/requests.js';
import { recommendFit } from '../../data/generate/fit.js';
import type { HandlerContext } from '../handlers.js';
import { startAugmentation } from './augment.js';
import { startQuestionGeneration } from './questions.js';

type GenerateMethod = Extract<keyof Requests, `generate:${string}`>;
type GenerateHandlers = { [M in GenerateMethod]: (input: ParsedInput<M>, ctx: HandlerContext) => RequestOutput<M> | Promise<RequestOutput<M>> };

export const generateHandlers: GenerateHandlers = {
  'generate:fit': (input) => recommendFit(input),
  'generate:questions': (input, { ws }) => startQuestionGeneration(ws, input),
  'generate:augment': (input, { ws }) => startAugmentation(ws, input),
};
