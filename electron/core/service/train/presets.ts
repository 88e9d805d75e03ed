// Presets for a model and dataset versions: token lengths counted with the model's own tokenizer and chat template,
// and this machine's threads and GPU builds (core/train/presets.ts computes them).
import { availableParallelism } from 'node:os';
import type { BaseModel } from '../../../contract/domain.js';
import type { DatasetShare, Preset } from '../../../contract/train.js';
import { modelTokenizer } from '../../llm/renderTokens.js';
import { computePresets } from '../../train/presets.js';
import type { Workspace } from '../../workspace.js';
import { gatherExamples } from './inputs.js';

/** Token lengths of the examples a run would train on, sorted. */
export async function exampleLengths(ws: Workspace, model: BaseModel, datasets: readonly DatasetShare[]): Promise<number[]> {
  const { mix } = gatherExamples(ws, datasets, 42);
  const tokenizer = await modelTokenizer(model.path, model.sha256);
  return mix.samples.map((s) => tokenizer.count(s)).sort((a, b) => a - b);
}

export async function presetsFor(ws: Workspace, model: BaseModel, datasets: readonly DatasetShare[]): Promise<Preset[]> {
  const lengths = await exampleLengths(ws, model, datasets);
  const p95 = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))] ?? 0;
  return computePresets({ examples: lengths.length, p95Tokens: p95, maxTokens: lengths.at(-1) ?? 0, gpu: false, threads: availableParallelism() });
}
