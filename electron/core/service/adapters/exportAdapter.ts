// `adapters:export`: a finished run's adapter in one format, as a job. Every format writes the model card beside what
// it exports; a file appears only when complete (written under a temporary name, then renamed).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportResult } from '../../../contract/adapters.js';
import { BUNDLE_FORMAT, type BundleManifest } from '../../../contract/adapters.js';
import { FieldtuneError } from '../../../contract/errors.js';
import type { JobOf } from '../../../contract/jobs.js';
import type { ParsedInput } from '../../../contract/requests.js';
import type { TrainingRun } from '../../../contract/train.js';
import { appVersion } from '../../appPaths.js';
import { resolveUserPath } from '../../data/userPath.js';
import { readBaseFacts, readBaseIdentity } from '../../export/baseFacts.js';
import { readGgufHeader } from '../../gguf/index.js';
import { buildBundle, sha256Hex } from '../../export/bundle.js';
import { readLoraGguf } from '../../export/loraGguf.js';
import { renderModelfile } from '../../export/modelfile.js';
import { writePeftFolder } from '../../export/peftFiles.js';
import { exportLoraProgress, quantizeProgress, type ToolProgress } from '../../export/toolProgress.js';
import type { JobContext } from '../../jobs/jobManager.js';
import { nativeTool } from '../../train/supervisor.js';
import type { Workspace } from '../../workspace.js';
import { requireRun, toRun } from '../train/runs.js';
import { cardFor, evaluationFor } from './card.js';
import { writeJobPackage } from './jobPackage.js';
import { ownKey } from './keys.js';

type ExportInput = ParsedInput<'adapters:export'>;

export function exportableRun(ws: Workspace, runId: string): TrainingRun & { adapterPath: string } {
  const run = toRun(ws, requireRun(ws, runId));
  if (run.status !== 'succeeded' || !run.adapterPath || !existsSync(run.adapterPath)) {
    throw new FieldtuneError('CONFLICT', `Run ${runId} has no finished adapter to export (it is ${run.status}).`, { details: { status: run.status } });
  }
  // every format reads the adapter by name (node-llama-cpp's tools too): an encrypted workspace's is decrypted for it
  return { ...run, adapterPath: ws.plainCopy(run.adapterPath) };
}

function baseOf(ws: Workspace, run: TrainingRun) {
  const model = run.baseModelId ? ws.models.get(run.baseModelId) : ws.models.list().find((m) => m.sha256 === run.baseSha256);
  if (!model || !existsSync(model.path)) {
    throw new FieldtuneError('INVALID_INPUT', 'The run’s base model is no longer registered or its file has moved; register it again to export.', {
      details: { baseSha256: run.baseSha256 },
    });
  }
  return model;
}

/** Checks what can be checked before a job starts, then starts it. */
export function startExport(ws: Workspace, input: ExportInput): JobOf<'adapter.export'> {
  const run = exportableRun(ws, input.runId);
  baseOf(ws, run);
  const out = resolveUserPath(input.out).path;
  if (input.overwrite !== true && existsSync(out) && (statSync(out).isFile() || readdirSync(out).length > 0)) {
    throw new FieldtuneError('CONFLICT', `${out} already exists; nothing was written.`, { details: { out }, fix: { setting: 'overwrite' } });
  }
  if (input.format === 'job' && input.confirm !== true) {
    throw new FieldtuneError(
      'CONFLICT',
      'The training job package takes the dataset (redacted version), its split and the run’s settings off this machine. Confirm to write it.',
      { details: { confirmNeeded: true } },
    );
  }
  if (input.format === 'merged') {
    for (const tool of ['llama-export-lora', 'llama-quantize'] as const) {
      if (!existsSync(nativeTool(tool)))
        throw new FieldtuneError('INVALID_INPUT', `${tool} is not built (run node native/build.mjs): a merged model needs it.`);
    }
  }
  if (input.passphrase !== undefined && input.format !== 'bundle')
    throw new FieldtuneError('INVALID_INPUT', 'Only a share bundle can be encrypted with a passphrase.');
  if (input.quant !== undefined && input.format !== 'merged') throw new FieldtuneError('INVALID_INPUT', 'A quantization type only applies to a merged model.');
  return ws.jobs.start({ kind: 'adapter.export', projectId: run.projectId, params: { runId: run.id, format: input.format, out } }, (ctx) =>
    runExport(ws, run, { ...input, out }, ctx),
  );
}

async function writeAtomically(path: string, bytes: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, path);
}

const cardPathFor = (file: string): string => join(dirname(file), `${basename(file).replace(/\.[^.]+$/, '')}.MODEL_CARD.md`);

async function runExport(ws: Workspace, run: TrainingRun & { adapterPath: string }, input: ExportInput, ctx: JobContext): Promise<ExportResult> {
  const model = baseOf(ws, run);
  // the project's system prompt is the default one the exports carry (Modelfile SYSTEM, the card)
  const systemPrompt = input.systemPrompt ?? (run.projectId ? ws.projects.get(run.projectId)?.systemPrompt : null) ?? null;
  const card = input.card ?? (await cardFor(ws, run, { systemPrompt }));
  const notes: string[] = [];
  const done = (files: string[], sha256: string | null = null): ExportResult => {
    ws.audit.append({ actor: 'user', action: 'adapters.export', subject: run.id, hashAfter: sha256, details: { format: input.format, out: input.out } });
    return { format: input.format, out: input.out, files, sha256, notes };
  };
  ctx.onProgress({ phase: 'Preparing', current: 0, total: null });
  switch (input.format) {
    case 'gguf': {
      const bytes = await readFile(run.adapterPath);
      await writeAtomically(input.out, bytes);
      await writeAtomically(cardPathFor(input.out), card);
      return done([input.out, cardPathFor(input.out)], sha256Hex(bytes));
    }
    case 'peft': {
      const { config } = await writePeftFolder(input.out, await readLoraGguf(run.adapterPath), await readBaseFacts(model.path));
      await writeAtomically(join(input.out, 'README.md'), card);
      if (Object.keys(config.rank_pattern).length) notes.push('Some modules have their own rank (rank_pattern in adapter_config.json).');
      return done([join(input.out, 'adapter_model.safetensors'), join(input.out, 'adapter_config.json'), join(input.out, 'README.md')]);
    }
    case 'ollama': {
      const identity = await readBaseIdentity(model.path);
      await mkdir(input.out, { recursive: true });
      await copyFile(run.adapterPath, join(input.out, 'adapter.gguf'));
      const mf = renderModelfile({
        basePath: model.path,
        adapterFile: './adapter.gguf',
        chatTemplate: identity.chatTemplate,
        systemPrompt,
      });
      notes.push(...mf.notes);
      await writeAtomically(join(input.out, 'Modelfile'), mf.text);
      await writeAtomically(join(input.out, 'MODEL_CARD.md'), card);
      return done([join(input.out, 'Modelfile'), join(input.out, 'adapter.gguf'), join(input.out, 'MODEL_CARD.md')]);
    }
    case 'bundle': {
      const bytes = await buildBundleFor(ws, run, model, card, input.passphrase);
      await writeAtomically(input.out, bytes);
      return done([input.out], sha256Hex(bytes));
    }
    case 'merged':
      return done(await exportMerged(run, model.path, input, ctx, card, notes));
    case 'job': {
      const files = await writeJobPackage(ws, run, input.out, card);
      ws.audit.append({ actor: 'user', action: 'adapters.job-package', subject: run.id, details: { out: input.out, leaves: files.leaves } });
      notes.push(`Leaves this machine: ${files.leaves.join('; ')}`);
      return done(files.files);
    }
  }
}

async function buildBundleFor(
  ws: Workspace,
  run: TrainingRun & { adapterPath: string },
  model: { path: string; sha256: string; label: string },
  card: string,
  passphrase?: string,
): Promise<Buffer> {
  const adapterBytes = await readFile(run.adapterPath);
  const adapter = await readLoraGguf(run.adapterPath);
  const facts = await readBaseFacts(model.path);
  const identity = await readBaseIdentity(model.path);
  const project = run.projectId ? ws.projects.get(run.projectId) : undefined;
  const hashes = run.provenance?.datasetHashes ?? {};
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    appVersion: appVersion(),
    project: { name: project?.name ?? 'Imported adapters', domain: project?.domain ?? null },
    base: {
      name: facts.name ?? model.label,
      architecture: facts.architecture,
      sha256: model.sha256,
      tokenizerSha256: identity.tokenizerSha256,
      chatTemplateSha256: identity.chatTemplateSha256,
    },
    adapter: {
      file: 'adapter.gguf',
      sha256: sha256Hex(adapterBytes),
      bytes: adapterBytes.length,
      rank: adapter.pairs[0]?.rank ?? 1,
      alpha: adapter.alpha,
      targets: [...new Set(adapter.pairs.map((p) => p.target.replace(/^blk\.\d+\./, '').replace(/\.weight$/, '')))],
    },
    hyperparameters: run.settings as Record<string, unknown>,
    datasets: run.datasets.map((d) => ({ versionId: d.versionId, sha256: hashes[d.versionId] ?? ws.datasets.getVersion(d.versionId)?.hash ?? '' })),
    evaluation: evaluationFor(ws, run.id),
    modelCard: { file: 'MODEL_CARD.md', sha256: sha256Hex(card) },
    run: { id: run.id, provenance: run.provenance },
  };
  return buildBundle({ manifest, adapter: adapterBytes, card, signer: ownKey(ws), ...(passphrase === undefined ? {} : { passphrase }) });
}

/** Runs a native tool, turning its output lines into progress; cancel kills it. */
function runTool(bin: string, args: string[], ctx: JobContext, phase: string, progress: ToolProgress): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = partial + chunk.toString();
      tail = (tail + chunk.toString()).slice(-4000);
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const p = progress(line);
        if (p) ctx.onProgress({ phase, ...p });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const abort = () => child.kill('SIGKILL');
    ctx.signal.addEventListener('abort', abort, { once: true });
    child.on('error', reject);
    child.on('close', (code) => {
      ctx.signal.removeEventListener('abort', abort);
      if (ctx.signal.aborted) reject(new FieldtuneError('CANCELLED', 'The export was cancelled.'));
      else if (code === 0) resolve();
      else reject(new FieldtuneError('INTERNAL', `${basename(bin)} failed (exit ${code}): ${tail.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

async function exportMerged(
  run: TrainingRun & { adapterPath: string },
  basePath: string,
  input: ExportInput,
  ctx: JobContext,
  card: string,
  notes: string[],
): Promise<string[]> {
  const quant = input.quant ?? 'Q8_0';
  await mkdir(dirname(input.out), { recursive: true });
  const merged = `${input.out}.${process.pid}.merged.partial`;
  const quantized = `${input.out}.${process.pid}.partial`;
  try {
    const merging = 'Merging the adapter into the base model';
    const tensors = (await readGgufHeader(basePath)).tensors.length;
    ctx.onProgress({ phase: merging, current: 0, total: tensors });
    await runTool(
      nativeTool('llama-export-lora'),
      ['-m', basePath, '--lora', run.adapterPath, '-o', merged, '-t', '2'],
      ctx,
      merging,
      exportLoraProgress(tensors),
    );
    ctx.onProgress({ phase: `Quantizing to ${quant}`, current: 0, total: null });
    await runTool(nativeTool('llama-quantize'), [merged, quantized, quant, '2'], ctx, `Quantizing to ${quant}`, quantizeProgress);
    await rename(quantized, input.out);
  } finally {
    await rm(merged, { force: true });
    await rm(quantized, { force: true });
  }
  await writeAtomically(cardPathFor(input.out), card);
  notes.push(
    'The merged model keeps the base model’s chat template. GGUF has no field for a default system prompt, so set it in the tool that runs the model (the Ollama export carries it as SYSTEM).',
  );
  return [input.out, cardPathFor(input.out)];
}
