import { FieldtuneError } from '../../contract/errors.js';
import type { CliCommand } from '../command.js';
import { withCore, workspaceOption } from '../coreSession.js';

export const jobsListCommand: CliCommand = {
  name: 'jobs list',
  summary: 'List recent jobs and their status',
  usage: 'Usage: fieldtune jobs list [--project ID] [--workspace DIR] [--json]',
  options: { ...workspaceOption, project: { type: 'string' } },
  async run(args, out) {
    const projectId = args.values['project'];
    const jobs = await withCore(args, (core) => core.call('jobs:list', typeof projectId === 'string' ? { projectId } : {}));
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
