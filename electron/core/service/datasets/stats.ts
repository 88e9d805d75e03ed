// Token statistics of a version, as a job: with a real tokenizer 20k examples take about 15 s here (the chat template
// is rendered for every turn), so counting shows progress and can be cancelled. Lengths are cached per version and
// model content: versions are immutable, so a new max length or split only re-bins.
import { stat } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import type { SplitLabel, TokenStatsResult } from '../../../contract/datasets.js';
import type { TokenLengths } from '../../workers/tasks.js';
import type { JobOf } from '../../../contract/jobs.js';
import { FieldtuneError } from '../../../contract/errors.js';
import { requireVersion, walkVersion } from './versions.js';
import type { Example } from '../../data/example.js';
import { modelTokenizer } from '../../llm/renderTokens.js';
import { tokenStats } from '../../data/stats.js';
import type { JobContext } from '../../jobs/jobManager.js';
import { runInWorker } from '../../workers/runInWorker.js';
import { databaseSource, type Workspace } from '../../workspace.js';

type Lengths = TokenLengths;
const lengthCache = new Map<string, Lengths>();
const LENGTH_CACHE_LIMIT = 8;

/**
 * The model tokenizer's counts, on the core's thread: node-llama-cpp must never run in a worker thread (its native
 * backend is loaded once per process and is not thread-safe across isolates), and the tokenizer holds a loaded
 * model. Tokenizing with the chat template costs about 0.5-1 ms per example, so a fixed batch of 256 held the event
 * loop for 150-250 ms; counting goes on for at most SLICE_MS at a time instead, then lets the loop run
 * (bench/responsiveness-bench.ts prints the longest slice).
 */
const SLICE_MS = 20;

async function modelLengths(ws: Workspace, versionId: string, count: (e: Example) => number, ctx?: JobContext): Promise<Lengths> {
  const total = requireVersion(ws, versionId).examples;
  const out: Lengths = { lengths: [], splits: [] };
  let sliceStart = performance.now();
  // Small pages: parsing 5000 stored examples at once would itself hold the loop for tens of milliseconds.
  for await (const m of walkVersion(ws, versionId, 500)) {
    out.lengths.push(count(m.example));
    out.splits.push(m.split);
    if (performance.now() - sliceStart > SLICE_MS) {
      if (ctx?.signal.aborted) throw new FieldtuneError('CANCELLED', 'Token counting was cancelled.');
      ctx?.onProgress({ phase: 'Counting tokens', current: out.lengths.length, total });
      await setImmediate(); // the one yield left in the core: see SLICE_MS
      sliceStart = performance.now();
    }
  }
  return out;
}

/** The rough count (no model) in a worker thread that reads the version itself. */
function roughLengths(ws: Workspace, versionId: string, ctx?: JobContext): Promise<Lengths> {
  return runInWorker(
    'dataset.tokenLengths',
    { versionId, source: databaseSource(ws) },
    {
      signal: ctx?.signal,
      cancelledMessage: 'Token counting was cancelled.',
      onProgress: (phase, current, total) => ctx?.onProgress({ phase, current, total }),
    },
  );
}

async function lengthsOf(ws: Workspace, versionId: string, key: string, count: ((e: Example) => number) | null, ctx?: JobContext): Promise<Lengths> {
  const hit = lengthCache.get(key);
  if (hit) return hit;
  const out = count ? await modelLengths(ws, versionId, count, ctx) : await roughLengths(ws, versionId, ctx);
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
  let count: ((e: Example) => number) | null = null;
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
  const { lengths, splits } = await lengthsOf(ws, versionId, `${versionId}:${modelKey}`, count, ctx);
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
