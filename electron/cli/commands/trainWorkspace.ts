// `fieldtune train --workspace DIR --project P --dataset V[:W] ...`: a workspace run through the same requests as the
// Train wizard. It runs in the foreground and never prompts: exit 0 succeeded, 1 failed, 75 interrupted (Ctrl-C or
// SIGTERM: the trainer writes a checkpoint first; `fieldtune runs resume ID` continues it). With --json, stdout carries
// the trainer's events and ends with {"run": {...}}.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import type { Job } from '../../contract/jobs.js';
import { PresetId, type DatasetShare, type TrainingRun } from '../../contract/train.js';
import type { Core } from '../../core/core.js';
import type { CliArgs, CliOutput } from '../command.js';
import { resolveProject, runJob, waitForJob, withCore } from '../coreSession.js';
import { trainingSettingsFrom } from '../trainingFlags.js';

export const EXIT_INTERRUPTED = 75;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

async function datasetsFrom(core: Core, args: CliArgs): Promise<DatasetShare[]> {
  const refs = list(args.values['dataset']);
  if (refs.length === 0) throw new FieldtuneError('BAD_REQUEST', 'Name what to train on with --dataset VERSION_ID (repeat it, with :WEIGHT, to mix versions)');
  return Promise.all(
    refs.map(async (ref) => {
      const at = ref.lastIndexOf(':');
      const weight = at > 0 ? Number(ref.slice(at + 1)) : 1;
      if (!Number.isFinite(weight) || weight <= 0) throw new FieldtuneError('BAD_REQUEST', `--dataset ${ref}: the weight after ':' must be a positive number`);
      const version = await core.call('datasets:version', { id: at > 0 ? ref.slice(0, at) : ref });
      return { versionId: version.id, weight };
    }),
  );
}

/** --base: a registered model's id, or a GGUF path (registered first when new); else the project's usual model. */
async function baseFrom(core: Core, out: CliOutput, args: CliArgs, projectId: string): Promise<string> {
  const ref = args.values['base'];
  const models = await core.call('models:list');
  if (typeof ref === 'string') {
    const byId = models.find((m) => m.id === ref);
    if (byId) return byId.id;
    const path = resolve(ref);
    const byPath = models.find((m) => m.path === path);
    if (byPath) return byPath.id;
    if (!existsSync(path)) throw new FieldtuneError('NOT_FOUND', `--base ${ref} is neither a registered model nor a file`, { details: { base: ref } });
    out.log(`registering ${path} ...`);
    return (await runJob(core, out, 'models:register', { path }, 'model.register')).id;
  }
  const runs = await core.call('train:runs', { projectId });
  const usual = runs.find((r) => r.candidate)?.baseModelId ?? runs[0]?.baseModelId;
  const mine = models.filter((m) => !m.isDemo);
  const chosen = usual ?? (mine.length === 1 ? mine[0]!.id : models.find((m) => m.isDemo)?.id);
  if (!chosen) throw new FieldtuneError('BAD_REQUEST', 'Name the base model with --base MODEL_ID|PATH (see fieldtune models list)');
  return chosen;
}

function runSummary(run: TrainingRun) {
  return {
    id: run.id,
    status: run.status,
    adapterPath: run.adapterPath,
    datasets: run.datasets,
    baseSha256: run.baseSha256,
    baseModelId: run.baseModelId,
    preset: run.preset,
    settings: run.settings,
    trainLoss: run.trainLoss,
    valLoss: run.valLoss,
    steps: run.steps,
    seconds: run.seconds,
    continueFrom: run.continueFrom,
    replay: run.replay,
    provenance: run.provenance,
    error: run.error,
  };
}

/** Follows a started (or resumed) train job to its end, printing events; returns the exit code. */
export async function followRun(core: Core, out: CliOutput, started: Job): Promise<number> {
  const stopEvents = core.subscribe((e) => {
    if (e.event !== 'train:event' || e.payload.jobId !== started.id) return;
    const ev = e.payload.event;
    if (out.json) out.result(ev);
    else if (ev.type === 'step')
      out.log(`step ${ev.step}/${ev.totalSteps}  loss ${ev.loss.toFixed(4)}  ${ev.tokensPerSecond.toFixed(0)} tok/s  eta ${ev.etaSeconds.toFixed(0)} s`);
    else if (ev.type === 'eval') out.log(`validation loss ${ev.valLoss.toFixed(4)}`);
  });
  const cancel = () => {
    out.log('stopping: the trainer writes a checkpoint first ...');
    void core.call('jobs:cancel', { id: started.id }).catch(() => {});
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  try {
    const job = await waitForJob(core, started.id);
    const run = (await core.call('train:runs', {})).find((r) => r.jobId === job.id);
    if (run) out.result({ run: runSummary(run) }, `Run ${run.id}: ${run.status}${run.adapterPath ? `, adapter ${run.adapterPath}` : ''}`);
    if (job.status === 'succeeded') return 0;
    if (job.status === 'cancelled' || job.status === 'interrupted') {
      out.log(`interrupted; continue with: fieldtune runs resume ${run?.id ?? job.id}`);
      return EXIT_INTERRUPTED;
    }
    if (!out.json) out.log(`training failed: ${job.error?.message ?? 'unknown error'}`);
    return 1;
  } finally {
    stopEvents();
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
}

export async function trainInWorkspace(args: CliArgs, out: CliOutput): Promise<number> {
  const projectRef = args.values['project'];
  if (typeof projectRef !== 'string')
    throw new FieldtuneError('BAD_REQUEST', 'Name the project with --project NAME|ID (or use file mode: --base --data --out)');
  const preset = args.values['preset'];
  if (preset !== undefined && !PresetId.safeParse(preset).success)
    throw new FieldtuneError('BAD_REQUEST', `--preset must be one of ${PresetId.options.join(', ')}`);
  const replayRaw = args.values['replay'];
  const replay = typeof replayRaw === 'string' ? Number(replayRaw) : undefined;
  const continueRef = args.values['continue-from'];
  const settings = trainingSettingsFrom(args);
  return withCore(args, async (core) => {
    const project = await resolveProject(core, projectRef);
    const datasets = await datasetsFrom(core, args);
    const modelId = await baseFrom(core, out, args, project.id);
    let continueFrom: { continueFrom: string } | { continueFromFile: string } | object = {};
    if (typeof continueRef === 'string') {
      const isRun = (await core.call('train:runs', {})).some((r) => r.id === continueRef);
      continueFrom = isRun ? { continueFrom: continueRef } : { continueFromFile: resolve(continueRef) };
    }
    const started = await core.call('train:start', {
      projectId: project.id,
      modelId,
      datasets,
      settings,
      ...(preset ? { preset: preset as PresetId } : {}),
      ...continueFrom,
      ...(replay !== undefined ? { replay } : {}),
    });
    return followRun(core, out, started);
  });
}
