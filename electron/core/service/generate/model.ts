// The model that writes generated examples, checked before a job exists: registered, its file present, a chat model
// (its GGUF carries a chat template; a base model would only continue the prompt's text), and fitting in memory.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { BaseModel } from '../../../contract/domain.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { Generator } from '../../eval/generator.js';
import { headerFacts, readGgufHeader } from '../../gguf/index.js';
import { assertModelFits } from '../../llm/runtime.js';
import type { Workspace } from '../../workspace.js';

export interface OpenedWriter {
  generator: Generator;
  dispose(): Promise<void>;
}

/** How a job opens its model; tests pass a fake (a deterministic generator), the app the node-llama-cpp one. */
export type OpenWriter = (modelPath: string) => Promise<OpenedWriter>;

export const openLlamaWriter: OpenWriter = async (modelPath) => {
  const { openLlamaGenerators } = await import('../../eval/llamaGenerator.js');
  // one core stays free for the app, as in the evaluation
  const opened = await openLlamaGenerators({ base: modelPath, threads: Math.max(1, availableParallelism() - 1) });
  return { generator: opened.base, dispose: () => opened.dispose() };
};

export async function requireChatModel(ws: Workspace, modelId: string): Promise<BaseModel> {
  const model = ws.models.get(modelId);
  if (!model) throw new FieldtuneError('NOT_FOUND', 'That model is not registered in this workspace; add it under Models.', { details: { model: modelId } });
  if (!existsSync(model.path)) {
    throw new FieldtuneError('INVALID_INPUT', `The model file is missing: ${model.path}.`, { details: { reason: 'modelMissing' } });
  }
  const facts = headerFacts(await readGgufHeader(model.path));
  if (!facts.hasChatTemplate) {
    throw new FieldtuneError(
      'INVALID_INPUT',
      `${model.label} is not a chat model (its file has no chat template), so it would continue the text instead of answering. Pick a chat or instruct model to write examples.`,
      { details: { reason: 'notChatModel', model: model.id } },
    );
  }
  await assertModelFits(model.path);
  return model;
}
