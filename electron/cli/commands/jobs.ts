import { FieldtuneError } from '../../contract/errors.js';
import type { CliCommand } from '../command.js';
import { resolveProject, runJob, withCore, workspaceOption } from '../coreSession.js';

export const jobsListCommand: CliCommand = {
  name: 'jobs list',
  summary: 'List recent jobs and their status',
  usage: 'Usage: fieldtune jobs list [--project NAME|ID] [--workspace DIR] [--json]',
  options: { ...workspaceOption, project: { type: 'string' } },
  async run(args, out) {
    const project = args.values['project'];
    const jobs = await withCore(args, async (core) =>
      core.call('jobs:list', typeof project === 'string' ? { projectId: (await resolveProject(core, project)).id } : {}),
    );
    out.result(jobs, jobs.map((j) => `${j.id}  ${j.kind}  ${j.status}${j.message ? `  ${j.message}` : ''}`).join('\n') || 'No jobs.');
    return 0;
  },
};

export const jobsCancelCommand: CliCommand = {
  name: 'jobs cancel',
  summary: 'Cancel a running job',
  usage: 'Usage: fieldtune jobs cancel ID [--workspace DIR] [--json]',
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const id = args.positionals[0];
    if (!id) throw new FieldtuneError('BAD_REQUEST', 'Missing job ID');
    const job = await withCore(args, (core) => core.call('jobs:cancel', { id }));
    out.result(job, `${job.id}: ${job.status}`);
    return 0;
  },
};

export const jobsResumeCommand: CliCommand = {
  name: 'jobs resume',
  summary: 'Resume an interrupted job (a training run continues from its checkpoint)',
  usage: 'Usage: fieldtune jobs resume ID [--workspace DIR] [--json]\n\nStarts the job again as a new job and waits for it; exit 0 when it succeeds.',
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const id = args.positionals[0];
    if (!id) throw new FieldtuneError('BAD_REQUEST', 'Missing job ID');
    const result = await withCore(args, async (core) => {
      const job = await core.call('jobs:get', { id });
      return runJob(core, out, 'jobs:resume', { id }, job.kind);
    });
    out.result(result);
    return 0;
  },
};
