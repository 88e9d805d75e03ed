// Bad input before a training run starts (issue 11, "Bad input"): a model file that is not GGUF, a GGUF cut short
// (its header, its tensor data, or a registered file truncated since), a base whose chat template writes markers its
// vocabulary lacks, and no free disk for checkpoints. Each gets its own message, and nothing is written: no model
// row, no job, no run row, no run folder.
import { copyFileSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core.js';
import { writeDemoModel } from '../../electron/core/demoModel/index.js';
import { readTemplate } from '../../electron/core/demoModel/vocab.js';
import { readGgufHeader } from '../../electron/core/gguf/reader.js';
import { gguf, tensorByteSize } from '../../electron/core/gguf/types.js';
import { writeGguf } from '../../electron/core/gguf/writer.js';
import { startTraining } from '../../electron/core/service/train/start.js';
import { templateMarkersMissing } from '../../electron/core/train/trainingData.js';
import { demoModel, requireTrainer, tempDir } from './trainerHelpers.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'demo', 'sample-chat.jsonl');
let dir: string;
let core: Core;
let projectId: string;
let versionId: string;
let good: string;

async function register(path: string): Promise<string> {
  const job = await core.call('models:register', { path });
  const done = await core.ws.jobs.wait(job.id);
  if (done.kind !== 'model.register' || !done.result) throw new Error(`registration failed: ${done.error?.message}`);
  return done.result.id;
}

/** What a refused request must leave behind: the same models, jobs and runs as before, and no run folder. */
async function nothingWritten(before: { models: number; jobs: number }): Promise<void> {
  expect((await core.call('models:list')).length).toBe(before.models);
  expect((await core.call('jobs:list', {})).length).toBe(before.jobs);
  expect(await core.call('train:runs', { projectId })).toEqual([]);
  expect(existsSync(join(core.ws.filesDir, 'runs'))).toBe(false);
}

const counts = async () => ({ models: (await core.call('models:list')).length, jobs: (await core.call('jobs:list', {})).length });

/** A copy of a GGUF with another chat template (a file assembled from two models' parts). */
async function withTemplate(src: string, out: string, template: string): Promise<string> {
  const header = await readGgufHeader(src);
  const bytes = readFileSync(src);
  await writeGguf(out, {
    keyValues: header.keyValues
      .map((kv) => (kv.key === 'tokenizer.chat_template' ? { key: kv.key, value: gguf.str(template) } : kv))
      .concat(header.keyValues.some((kv) => kv.key === 'tokenizer.chat_template') ? [] : [{ key: 'tokenizer.chat_template', value: gguf.str(template) }]),
    tensors: header.tensors.map((t) => {
      const start = header.dataOffset + Number(t.offset);
      return { name: t.name, dims: t.dims, type: t.type, data: () => [bytes.subarray(start, start + tensorByteSize(t.type, t.dims)!)] };
    }),
  });
  return out;
}

beforeAll(async () => {
  requireTrainer();
  dir = tempDir('ft-train-bad-');
  core = new Core({ workspaceDir: join(dir, 'ws'), mode: 'cli' });
  good = await demoModel(dir);
  projectId = (await core.call('projects:create', { name: 'Clinic' })).id;
  const imported = await core.ws.jobs.wait((await core.call('datasets:import', { projectId, path: SAMPLE })).id);
  versionId = imported.kind === 'dataset.import' ? imported.result!.version.id : '';
}, 120_000);

afterAll(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bad input before training starts', () => {
  it('a model file that is not GGUF', async () => {
    const before = await counts();
    const notes = join(dir, 'notes.gguf');
    writeFileSync(notes, 'These are my notes, not a model.\n');
    await expect(core.call('models:register', { path: notes })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'notes.gguf is not a GGUF model (it does not start with the GGUF signature)',
    });
    await nothingWritten(before);
  });

  it('a GGUF cut short in its header, or in its tensor data', async () => {
    const before = await counts();
    const whole = readFileSync(good);
    const headerCut = join(dir, 'header-cut.gguf');
    writeFileSync(headerCut, whole.subarray(0, 64));
    const dataCut = join(dir, 'data-cut.gguf');
    writeFileSync(dataCut, whole.subarray(0, whole.length - 4096));
    for (const path of [headerCut, dataCut]) {
      await expect(core.call('models:register', { path })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/is cut short \(truncated\): the file ends before the model it describes/),
      });
    }
    await nothingWritten(before);
  });

  it('a registered model whose file was cut short since', async () => {
    const copy = join(dir, 'later-cut.gguf');
    copyFileSync(good, copy);
    const modelId = await register(copy);
    truncateSync(copy, readFileSync(good).length - 4096);
    const before = await counts();
    await expect(core.call('train:start', { projectId, modelId, datasets: [{ versionId, weight: 1 }] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/later-cut\.gguf is cut short/),
    });
    await nothingWritten(before);
  });

  it('a base whose chat template writes markers its vocabulary does not have', async () => {
    // gpt-2's vocabulary with Qwen's ChatML template: <|im_start|> and <|im_end|> are no tokens of gpt-2
    const plain = await writeDemoModel({ out: join(dir, 'gpt2.gguf'), vocab: 'gpt-2', layers: 1, embd: 64, ff: 128, ctx: 256 });
    const mixed = await withTemplate(plain.path, join(dir, 'gpt2-chatml.gguf'), readTemplate('Qwen-Qwen2.5-7B-Instruct.jinja').text);
    expect(await templateMarkersMissing(good)).toEqual([]); // the demo model's phi-3 template and vocabulary belong together
    const modelId = await register(mixed);
    const before = await counts();
    await expect(core.call('train:start', { projectId, modelId, datasets: [{ versionId, weight: 1 }] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/chat template writes <\|im_start\|>, <\|im_end\|>.*which its vocabulary does not have/),
    });
    await nothingWritten(before);
  }, 60_000);

  it('no free disk for the checkpoints (an injected free-disk figure)', async () => {
    const modelId = await register(good);
    const before = await counts();
    const input = { projectId, modelId, datasets: [{ versionId, weight: 1 }], settings: {} };
    await expect(startTraining(core.ws, input, undefined, { freeDiskBytes: 100_000 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Training writes about .* and 0\.0 GB is free where the workspace is\. Free some disk space first\./),
    });
    await nothingWritten(before);
  }, 60_000);
});
