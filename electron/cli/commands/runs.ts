// `fieldtune runs list|show|compare|resume`: a workspace's training runs, through the same requests as the app.
import { FieldtuneError } from '../../contract/errors.js';
import type { CliCommand } from '../command.js';
import { resolveProject, withCore, workspaceOption } from '../coreSession.js';
import { followRun } from './trainWorkspace.js';

const idAt = (positionals: string[], i: number) => {
  const id = positionals[i];
  if (!id) throw new FieldtuneError('BAD_REQUEST', 'Missing the run ID (see fieldtune runs list)');
  return id;
};

export const runsListCommand: CliCommand = {
  name: 'runs list',
  summary: 'List training runs (status, adapter, dataset versions, base fingerprint, settings, final losses)',
  usage: 'Usage: fieldtune runs list --workspace DIR [--project NAME|ID] [--json]',
  options: { ...workspaceOption, project: { type: 'string' } },
  async run(args, out) {
    const project = args.values['project'];
    const runs = await withCore(args, async (core) =>
      core.call('train:runs', typeof project === 'string' ? { projectId: (await resolveProject(core, project)).id } : {}),
    );
    out.result(
      runs,
      runs
        .map(
          (r) =>
            `${r.id}  ${r.status.padEnd(11)} ${r.preset ?? '-'}  steps ${r.steps}  loss ${r.trainLoss?.toFixed(4) ?? '-'}  ${r.adapterPath ?? ''}${r.candidate ? '  (candidate)' : ''}${r.needsRetraining ? '  (needs retraining: trained on erased data)' : ''}`,
        )
        .join('\n') || 'No training runs yet.',
    );
    return 0;
  },
};

export const runsShowCommand: CliCommand = {
  name: 'runs show',
  summary: 'One training run with its loss curves',
  usage: 'Usage: fieldtune runs show RUN_ID --workspace DIR [--json]',
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const detail = await withCore(args, (core) => core.call('train:run', { id: idAt(args.positionals, 0) }));
    out.result(detail);
    return 0;
  },
};

export const runsCompareCommand: CliCommand = {
  name: 'runs compare',
  summary: 'Two training runs side by side: what differs, and both curves',
  usage: 'Usage: fieldtune runs compare RUN_ID RUN_ID --workspace DIR [--json]',
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const c = await withCore(args, (core) => core.call('train:compare', { a: idAt(args.positionals, 0), b: idAt(args.positionals, 1) }));
    out.result(
      c,
      [
        `${c.a.run.id} vs ${c.b.run.id}`,
        ...c.differences.map((d) => `  ${d.name}: ${d.a} | ${d.b}`),
        `  final train loss: ${c.a.run.trainLoss ?? '-'} | ${c.b.run.trainLoss ?? '-'}`,
      ].join('\n'),
    );
    return 0;
  },
};

export const runsResumeCommand: CliCommand = {
  name: 'runs resume',
  summary: 'Continue an interrupted or cancelled run from its last checkpoint (exit codes as fieldtune train)',
  usage: 'Usage: fieldtune runs resume RUN_ID --workspace DIR [--json]',
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    return withCore(args, async (core) => {
      const { run } = await core.call('train:run', { id: idAt(args.positionals, 0) });
      if (!run.jobId) throw new FieldtuneError('CONFLICT', 'This run has no job to resume.');
      return followRun(core, out, await core.call('jobs:resume', { id: run.jobId }));
    });
  },
};
