import { FieldtuneError } from '../../contract/errors.js';
import type { CliCommand } from '../command.js';
import { runJob, withCore, workspaceOption } from '../coreSession.js';

export const modelsListCommand: CliCommand = {
  name: 'models list',
  summary: 'List registered base models',
  usage: 'Usage: fieldtune models list [--workspace DIR] [--json]',
  options: workspaceOption,
  async run(args, out) {
    const models = await withCore(args, (core) => core.call('models:list'));
    out.result(models, models.map((m) => `${m.id}  ${m.label}  ${(m.sizeBytes / 1e6).toFixed(1)} MB  ${m.path}`).join('\n') || 'No models yet.');
    return 0;
  },
};

export const modelsAddCommand: CliCommand = {
  name: 'models add',
  summary: 'Register a GGUF model where it lies (fingerprinted, not copied)',
  usage: 'Usage: fieldtune models add PATH [--label TEXT] [--workspace DIR] [--json]',
  options: { ...workspaceOption, label: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const path = args.positionals[0];
    if (!path) throw new FieldtuneError('BAD_REQUEST', 'Missing PATH of a .gguf model');
    const label = args.values['label'];
    const model = await withCore(args, (core) =>
      runJob(core, out, 'models:register', typeof label === 'string' ? { path, label } : { path }, 'model.register'),
    );
    out.result(model, `Registered ${model.label} (${model.id}), sha256 ${model.sha256.slice(0, 12)}...`);
    return 0;
  },
};
