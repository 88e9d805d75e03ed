import { readFileSync } from 'node:fs';
import type { Project } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { CliArgs, CliCommand } from '../command.js';
import { resolveProject, withCore, workspaceOption } from '../coreSession.js';

function table(projects: Project[]): string {
  if (projects.length === 0) return 'No projects yet. Create one: fieldtune projects create NAME';
  return projects.map((p) => `${p.id}  ${p.name}${p.isDemo ? '  (demo)' : ''}  [${p.domain}, ${p.locale}]`).join('\n');
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
  usage:
    'Usage: fieldtune projects create NAME [--domain general|medical|legal|finance|education] [--locale L] [--workspace DIR] [--json]\n\n' +
    "  --locale L  how the project's ambiguous dates are read, e.g. en-GB (02/11/2015 = 2 November); default: this computer's",
  options: { ...workspaceOption, domain: { type: 'string' }, locale: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const name = positional(args, 0, 'project NAME');
    const domain = args.values['domain'];
    const locale = args.values['locale'];
    const project = await withCore(args, (core) =>
      core.call('projects:create', { name, ...(domain === undefined ? {} : { domain }), ...(typeof locale === 'string' ? { locale } : {}) }),
    );
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

export const projectsUpdateCommand: CliCommand = {
  name: 'projects update',
  summary: "Change a project's settings (its system prompt)",
  usage:
    'Usage: fieldtune projects update PROJECT [--system-prompt TEXT | --system-prompt-file F | --clear-system-prompt] [--workspace DIR] [--json]\n\n' +
    "PROJECT is the project's name or id.\n" +
    '  --system-prompt TEXT       the instructions the model gets before every conversation (the prompting baseline, the\n' +
    '                             Playground and exports use it)\n' +
    '  --system-prompt-file F     the same, read from a UTF-8 text file\n' +
    '  --clear-system-prompt      remove it\n' +
    'With none of these it prints the current settings.',
  options: { ...workspaceOption, 'system-prompt': { type: 'string' }, 'system-prompt-file': { type: 'string' }, 'clear-system-prompt': { type: 'boolean' } },
  allowPositionals: true,
  async run(args, out) {
    const ref = positional(args, 0, 'PROJECT (a name or an id)');
    const text = args.values['system-prompt'];
    const file = args.values['system-prompt-file'];
    const clear = args.values['clear-system-prompt'] === true;
    if ([typeof text === 'string', typeof file === 'string', clear].filter(Boolean).length > 1) {
      throw new FieldtuneError('BAD_REQUEST', 'Give only one of --system-prompt, --system-prompt-file and --clear-system-prompt');
    }
    let systemPrompt: string | null | undefined = clear ? null : typeof text === 'string' ? text : undefined;
    if (typeof file === 'string') {
      try {
        systemPrompt = readFileSync(file, 'utf8');
      } catch (error) {
        throw new FieldtuneError('INVALID_INPUT', `Cannot read the system prompt file ${file}: ${(error as Error).message}`);
      }
    }
    const project = await withCore(args, async (core) => {
      const { id } = await resolveProject(core, ref);
      return systemPrompt === undefined ? core.call('projects:get', { id }) : core.call('projects:update', { id, systemPrompt });
    });
    out.result(project, `${project.name}\nSystem prompt: ${project.systemPrompt ?? '(none)'}`);
    return 0;
  },
};
