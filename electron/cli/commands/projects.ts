import type { Project } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { CliArgs, CliCommand } from '../command.js';
import { resolveProject, withCore, workspaceOption } from '../coreSession.js';

function table(projects: Project[]): string {
  if (projects.length === 0) return 'No projects yet. Create one: fieldtune projects create NAME';
  return projects.map((p) => `${p.id}  ${p.name}${p.isDemo ? '  (demo)' : ''}  [${p.domain}]`).join('\n');
}

function positional(args: CliArgs, index: number, what: string): string {
  const value = args.positionals[index];
  if (!value) throw new FieldtuneError('BAD_REQUEST', `Missing ${what}`);
  return value;
}

export const projectsListCommand: CliCommand = {
  name: 'projects list',
  summary: 'List the projects in the workspace',
  usage: 'Usage: fieldtune projects list [--workspace DIR] [--json]',
  options: workspaceOption,
  async run(args, out) {
    const projects = await withCore(args, (core) => core.call('projects:list'));
    out.result(projects, table(projects));
    return 0;
  },
};

export const projectsCreateCommand: CliCommand = {
  name: 'projects create',
  summary: 'Create a project',
  usage: 'Usage: fieldtune projects create NAME [--domain general|medical|legal|finance|education] [--workspace DIR] [--json]',
  options: { ...workspaceOption, domain: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const name = positional(args, 0, 'project NAME');
    const domain = args.values['domain'];
    const project = await withCore(args, (core) => core.call('projects:create', domain === undefined ? { name } : { name, domain }));
    out.result(project, `Created ${project.name} (${project.id})`);
    return 0;
  },
};

export const projectsRenameCommand: CliCommand = {
  name: 'projects rename',
  summary: 'Rename a project',
  usage: "Usage: fieldtune projects rename PROJECT NEW_NAME [--workspace DIR] [--json]\n\nPROJECT is the project's name or id.",
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const ref = positional(args, 0, 'PROJECT (a name or an id)');
    const name = positional(args, 1, 'NEW_NAME');
    const project = await withCore(args, async (core) => core.call('projects:rename', { id: (await resolveProject(core, ref)).id, name }));
    out.result(project, `Renamed to ${project.name}`);
    return 0;
  },
};

export const projectsDeleteCommand: CliCommand = {
  name: 'projects delete',
  summary: 'Delete a project and everything only it uses (asks for its name)',
  usage:
    "Usage: fieldtune projects delete PROJECT --confirm NAME [--workspace DIR] [--json]\n\nPROJECT is the project's name or id; --confirm must repeat its name exactly.",
  options: { ...workspaceOption, confirm: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const ref = positional(args, 0, 'PROJECT (a name or an id)');
    const confirmName = args.values['confirm'];
    if (typeof confirmName !== 'string') throw new FieldtuneError('BAD_REQUEST', "Repeat the project's name with --confirm NAME");
    const result = await withCore(args, async (core) => core.call('projects:delete', { id: (await resolveProject(core, ref)).id, confirmName }));
    out.result(result, `Deleted; ${result.removedBlobs} file(s) no other project used were removed`);
    return 0;
  },
};
