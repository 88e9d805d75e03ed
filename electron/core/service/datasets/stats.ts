// Token statistics of a version, as a job: with a real tokenizer 20k examples take about 15 s here (the chat template
// is rendered for every turn), so counting shows progress and can be cancelled. Lengths are cached per version and
// model content: versions are immutable, so a new max length or split only re-bins.
import { stat } from 'node:fs/promises';
import type { SplitLabel, TokenStatsResult } from '../../../contract/datasets.js';
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { requireVersion, walkVersion } from './versions.js';
import type { Example } from '../../data/example.js';
import { modelTokenizer } from '../../llm/renderTokens.js';
import { tokenStats } from '../../data/stats.js';
import { countExampleTokens } from '../../data/tokens.js';
import type { JobContext } from '../../jobs/jobManager.js';
import type { Workspace } from '../../workspace.js';

interface Lengths {
  lengths: number[];
  splits: Array<SplitLabel | null>;
}
const lengthCache = new Map<string, Lengths>();
const LENGTH_CACHE_LIMIT = 8;

async function lengthsOf(ws: Workspace, versionId: string, count: (e: Example) => number, key: string, ctx?: JobContext): Promise<Lengths> {
  const hit = lengthCache.get(key);
  if (hit) return hit;
  const total = requireVersion(ws, versionId).examples;
  const out: Lengths = { lengths: [], splits: [] };
  for await (const m of walkVersion(ws, versionId)) {
    out.lengths.push(count(m.example));
    out.splits.push(m.split);
    if (out.lengths.length % 256 === 0) {
      if (ctx?.signal.aborted) throw new FieldtuneError('CANCELLED', 'Token counting was cancelled.');
      ctx?.onProgress({ phase: 'Counting tokens', current: out.lengths.length, total });
      // Tokenizing is synchronous: yield now and then so the host keeps answering other requests and job events.
      await new Promise((r) => setImmediate(r));
    }
  }
  if (lengthCache.size >= LENGTH_CACHE_LIMIT) lengthCache.delete(lengthCache.keys().next().value!);
  lengthCache.set(key, out);
  return out;
}

export interface StatsInput {
  modelId?: string | undefined;
  maxTokens: number;
  split?: SplitLabel | undefined;
  bins: number;
}

async function requireModelFile(ws: Workspace, modelId: string) {
  const model = ws.models.get(modelId);
  if (!model) throw new FieldtuneError('NOT_FOUND', `No base model with id ${modelId}`);
  if (!(await stat(model.path).catch(() => null))) {
    throw new FieldtuneError('INVALID_INPUT', `The model file ${model.path} is no longer there; register it again where it now lies.`);
  }
  return model;
}

export async function versionTokenStats(ws: Workspace, versionId: string, input: StatsInput, ctx?: JobContext): Promise<TokenStatsResult> {
  requireVersion(ws, versionId);
  let count: (e: Example) => number = countExampleTokens();
  let modelLabel: string | null = null;
  let modelKey = 'rough';
  if (input.modelId) {
    const model = await requireModelFile(ws, input.modelId);
    ctx?.onProgress({ phase: 'Loading the model’s tokenizer', current: 0, total: null });
    const tokenizer = await modelTokenizer(model.path, model.sha256);
    count = (e) => tokenizer.count(e);
    modelLabel = model.label;
    modelKey = model.sha256; // by content: a re-registered, changed file is counted again
  }
  const { lengths, splits } = await lengthsOf(ws, versionId, count, `${versionId}:${modelKey}`, ctx);
  const chosen = input.split ? lengths.filter((_, i) => splits[i] === input.split) : lengths;
  const stats = await tokenStats(chosen, (n) => n, { maxLength: input.maxTokens, bins: input.bins });
  return { versionId, tokenizer: input.modelId ? 'model' : 'rough', modelLabel, ...stats };
}

/** Checks the version and model at once (a wrong id fails the request, not a job), then counts in a job. */
export async function startTokenStats(ws: Workspace, versionId: string, input: StatsInput): Promise<JobOf<'dataset.stats'>> {
  const version = requireVersion(ws, versionId);
  if (input.modelId) await requireModelFile(ws, input.modelId);
  const projectId = ws.datasets.getDataset(version.datasetId)?.projectId ?? null;
  return ws.jobs.start({ kind: 'dataset.stats', projectId, params: { versionId, ...input } }, (ctx) => versionTokenStats(ws, versionId, input, ctx));
}
