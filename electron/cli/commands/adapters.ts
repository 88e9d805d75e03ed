// `fieldtune adapters export|import|list|promote|rollback`: adapters under one noun (so nothing clashes with
// `data import/export`), through the same requests as the Export step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportFormat, QuantType } from '../../contract/adapters.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { CliArgs, CliCommand } from '../command.js';
import { resolveProject, runJob, withCore, workspaceOption } from '../coreSession.js';

const str = (args: CliArgs, name: string): string | undefined => {
  const v = args.values[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
};

const need = (args: CliArgs, name: string, what: string): string => {
  const v = str(args, name);
  if (!v) throw new FieldtuneError('BAD_REQUEST', `Missing --${name} ${what}`);
  return v;
};

/** A passphrase is read from a file (never a flag value, which would land in shell history); one trailing newline is dropped. */
function passphraseFrom(args: CliArgs): string | undefined {
  const file = str(args, 'passphrase-file');
  if (!file) return undefined;
  try {
    return readFileSync(resolve(file), 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new FieldtuneError('INVALID_INPUT', `Cannot read the passphrase file ${file}: ${(error as Error).message}`);
  }
}

export const adaptersExportCommand: CliCommand = {
  name: 'adapters export',
  summary: "Export a run's adapter: llama.cpp GGUF, merged+quantized GGUF, Hugging Face PEFT, Ollama, a signed share bundle, or a GPU training job package",
  usage: [
    'Usage: fieldtune adapters export --workspace DIR --run RUN_ID --format gguf|merged|peft|ollama|bundle|job --out PATH',
    '         [--quant Q8_0|Q4_K_M|...] [--passphrase-file F] [--card FILE] [--system-prompt-file F] [--yes] [--force] [--json]',
    '  --format gguf     the adapter file (loads in llama.cpp and node-llama-cpp with the base model)',
    '  --format merged   base + adapter merged into one GGUF, quantized with --quant (default Q8_0)',
    '  --format peft     a folder with adapter_model.safetensors + adapter_config.json (Hugging Face PEFT)',
    '  --format ollama   a folder with a Modelfile (FROM base, ADAPTER, TEMPLATE, SYSTEM) and the adapter',
    '  --format bundle   one .ftadapter file, signed with this workspace key; --passphrase-file encrypts it',
    '  --format job      a folder for an Axolotl GPU run: the (redacted) data leaves this machine, so --yes is required',
    '  --card FILE       use this model card instead of the generated one',
    '  --force           replace what is already at --out',
  ].join('\n'),
  options: {
    ...workspaceOption,
    run: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    quant: { type: 'string' },
    'passphrase-file': { type: 'string' },
    card: { type: 'string' },
    'system-prompt-file': { type: 'string' },
    yes: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run(args, out) {
    const format = ExportFormat.safeParse(need(args, 'format', '(gguf, merged, peft, ollama, bundle or job)'));
    if (!format.success) throw new FieldtuneError('BAD_REQUEST', '--format must be one of gguf, merged, peft, ollama, bundle, job');
    const quantRaw = str(args, 'quant');
    const quant = quantRaw === undefined ? undefined : QuantType.safeParse(quantRaw.toUpperCase());
    if (quant && !quant.success) throw new FieldtuneError('BAD_REQUEST', `--quant must be one of ${QuantType.options.join(', ')}`);
    const readText = (flag: string) => {
      const f = str(args, flag);
      return f === undefined ? undefined : readFileSync(resolve(f), 'utf8');
    };
    if (format.data === 'job' && args.values['yes'] !== true) {
      throw new FieldtuneError(
        'BAD_REQUEST',
        'The training job package copies the dataset (its redacted version where one exists), its split and the run settings off this machine; add --yes to confirm.',
      );
    }
    const passphrase = passphraseFrom(args);
    const card = readText('card');
    const systemPrompt = readText('system-prompt-file')?.trim();
    const input = {
      runId: need(args, 'run', 'RUN_ID (see fieldtune runs list)'),
      format: format.data,
      out: resolve(need(args, 'out', 'PATH')),
      ...(quant?.data ? { quant: quant.data } : {}),
      ...(passphrase !== undefined ? { passphrase } : {}),
      ...(card !== undefined ? { card } : {}),
      ...(systemPrompt ? { systemPrompt } : {}),
      ...(args.values['yes'] === true ? { confirm: true } : {}),
      ...(args.values['force'] === true ? { overwrite: true } : {}),
    };
    const result = await withCore(args, (core) => runJob(core, out, 'adapters:export', input, 'adapter.export'));
    out.result(result, [`Exported (${result.format}): ${result.out}`, ...result.files.map((f) => `  ${f}`), ...result.notes].join('\n'));
    return 0;
  },
};

export const adaptersImportCommand: CliCommand = {
  name: 'adapters import',
  summary: 'Import a share bundle (.ftadapter) or a Hugging Face PEFT folder as a run of a project',
  usage: [
    'Usage: fieldtune adapters import FILE|DIR --workspace DIR [--project NAME|ID] [--base MODEL_ID|PATH] [--passphrase-file F] [--json]',
    '  a bundle joins --project, else the project named in it (created when absent); its base is found by sha256',
    '  a PEFT folder needs --project and --base (the GGUF base it was trained for) unless one model is registered',
  ].join('\n'),
  options: { ...workspaceOption, project: { type: 'string' }, base: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const path = args.positionals[0];
    if (!path) throw new FieldtuneError('BAD_REQUEST', 'Missing the bundle file or PEFT folder to import');
    const passphrase = passphraseFrom(args);
    const base = str(args, 'base');
    const project = str(args, 'project');
    const result = await withCore(args, (core) =>
      core.call('adapters:import', {
        path: resolve(path),
        ...(project ? { project } : {}),
        ...(base ? { base: base.includes('/') || base.endsWith('.gguf') ? resolve(base) : base } : {}),
        ...(passphrase !== undefined ? { passphrase } : {}),
      }),
    );
    const signer = result.signer ? `signed by ${result.signer.shown} (${result.signer.status})` : 'unsigned (PEFT)';
    out.result(
      result,
      [`Imported as run ${result.runId} of ${result.projectName}${result.projectCreated ? ' (new project)' : ''}; ${signer}`, ...result.notes].join('\n'),
    );
    return 0;
  },
};

export const adaptersListCommand: CliCommand = {
  name: 'adapters list',
  summary: "A project's adapters: the current one, promoted versions, and runs that could be promoted",
  usage: 'Usage: fieldtune adapters list --project NAME|ID --workspace DIR [--json]',
  options: { ...workspaceOption, project: { type: 'string' } },
  async run(args, out) {
    const list = await withCore(args, async (core) =>
      core.call('adapters:list', { projectId: (await resolveProject(core, need(args, 'project', 'NAME|ID'))).id }),
    );
    out.result(
      list,
      [
        `Current adapter: ${list.currentRunId ?? 'none yet'}`,
        ...list.versions.map((v) => `  v${v.version}  ${v.runId}  ${v.origin}  promoted ${v.promotedAt}${v.current ? '  (current)' : ''}`),
        'Runs with an adapter:',
        ...list.available.map((a) => `  ${a.runId}  ${a.origin}  ${a.createdAt}  loss ${a.trainLoss ?? '-'}`),
      ].join('\n'),
    );
    return 0;
  },
};

export const adaptersPromoteCommand: CliCommand = {
  name: 'adapters promote',
  summary: "Make a finished run's adapter the project's current one (after its evaluation and sign-off)",
  usage: 'Usage: fieldtune adapters promote RUN_ID --workspace DIR [--note TEXT] [--json]',
  options: { ...workspaceOption, note: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const runId = args.positionals[0];
    if (!runId) throw new FieldtuneError('BAD_REQUEST', 'Missing the RUN_ID to promote');
    const note = str(args, 'note');
    const list = await withCore(args, (core) => core.call('adapters:promote', { runId, ...(note ? { note } : {}) }));
    out.result(list, `Current adapter: ${list.currentRunId}`);
    return 0;
  },
};

export const adaptersRollbackCommand: CliCommand = {
  name: 'adapters rollback',
  summary: 'Go back to the adapter that was current before (or to an earlier promoted one with --to)',
  usage: 'Usage: fieldtune adapters rollback --project NAME|ID --workspace DIR [--to RUN_ID] [--json]',
  options: { ...workspaceOption, project: { type: 'string' }, to: { type: 'string' } },
  async run(args, out) {
    const to = str(args, 'to');
    const list = await withCore(args, async (core) =>
      core.call('adapters:rollback', { projectId: (await resolveProject(core, need(args, 'project', 'NAME|ID'))).id, ...(to ? { to } : {}) }),
    );
    out.result(list, `Current adapter: ${list.currentRunId}`);
    return 0;
  },
};
