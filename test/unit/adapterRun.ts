// Test support: a workspace with a registered demo base and one finished run whose adapter is random (what a trained
// adapter looks like to export and import: real shapes, non-zero values), without spending minutes training.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BaseModel } from '../../electron/contract/domain.js';
import { readBaseFacts } from '../../electron/core/export/baseFacts.js';
import { compareTargets, writeLoraGguf, type LoraAdapter } from '../../electron/core/export/loraGguf.js';
import { sha256OfFile } from '../../electron/core/store/blobStore.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { runDirOf } from '../../electron/core/service/train/runs.js';

export async function registerBase(ws: Workspace, path: string): Promise<BaseModel> {
  return ws.models.upsert({
    id: randomUUID(),
    path,
    sizeBytes: 1,
    sha256: await sha256OfFile(path),
    label: basename(path),
    isDemo: true,
    metadata: {},
    addedAt: new Date().toISOString(),
  });
}

export async function randomAdapterFor(basePath: string, seed: number, rank = 4): Promise<LoraAdapter> {
  const facts = await readBaseFacts(basePath);
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 0.2 - 0.1;
  const kinds = ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'attn_qkv', 'ffn_gate', 'ffn_up', 'ffn_down'];
  const pairs = [...facts.tensors]
    .filter(([name]) => kinds.some((k) => name.endsWith(`.${k}.weight`)))
    .sort((x, y) => compareTargets(x[0], y[0]))
    .map(([target, dims]) => {
      const [nIn, nOut] = dims as [number, number];
      return { target, nIn, nOut, rank, a: Float32Array.from({ length: rank * nIn }, rand), b: Float32Array.from({ length: nOut * rank }, rand) };
    });
  return { architecture: facts.architecture, alpha: 8, pairs, extra: [] };
}

/** A project, and a succeeded run on `base` whose adapter is kept like the train job keeps one. */
export async function seedRun(
  ws: Workspace,
  base: BaseModel,
  projectName: string,
  seed = 1,
  datasets: { versionId: string; weight: number }[] = [],
): Promise<string> {
  const project =
    ws.projects.list().find((p) => p.name === projectName) ??
    (await import('../../electron/core/service/projects/projects.js')).createProject(ws, projectName, 'medical');
  const runId = randomUUID();
  const dir = runDirOf(ws, runId);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'adapter.gguf');
  await writeLoraGguf(file, await randomAdapterFor(base.path, seed));
  const blob = await ws.blobs.put(await readFile(file));
  ws.blobs.reference(project.id, blob.sha256, 'adapter');
  ws.trainingRuns.create({
    id: runId,
    projectId: project.id,
    jobId: null,
    baseSha256: base.sha256,
    trainSha256: 'train',
    valSha256: null,
    settings: { rank: 4, alpha: 8, epochs: 2, lr: 0.001 },
    inputs: {
      baseModelId: base.id,
      datasets,
      preset: 'quick',
      continueFrom: null,
      replay: null,
      provenance: { seed: 7, appVersion: '0.1.0', trainerBuild: 'test', llamaCppCommit: '80fb11a', datasetHashes: {}, mix: {}, replayed: 0 },
    },
  });
  ws.trainingRuns.record(runId, {
    type: 'done',
    adapterPath: file,
    steps: 10,
    tokensTrained: 100,
    trainLoss: 1.5,
    valLoss: null,
    droppedSamples: 0,
    seconds: 1,
    stoppedEarly: false,
  });
  ws.trainingRuns.setAdapter(runId, blob.sha256);
  return runId;
}
