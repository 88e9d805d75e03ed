// `fieldtune data import`: a file or folder into a workspace, as a new dataset version, through the same import job
// as the app. A project named with --project that does not exist yet is created only when the import succeeds, and a
// refused file on a workspace that did not exist leaves none behind (withCore).
import { basename, extname, resolve } from 'node:path';
import { DomainTemplate } from '../../contract/domain.js';
import { FieldtuneError } from '../../contract/errors.js';
import { ImportFormat } from '../../contract/datasets.js';
import type { CliCommand } from '../command.js';
import { resolveProject, runJob, withCore, workspaceOption } from '../coreSession.js';
import { parseMapArg } from '../mapArg.js';

const IMPORT_FORMATS = ImportFormat.options;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export const dataImportCommand: CliCommand = {
  name: 'data import',
  summary: 'Import a dataset (JSONL/JSON, CSV/TSV, XLSX, or text/Markdown/PDF/DOCX documents) as a new version',
  usage: [
    'Usage: fieldtune data import FILE|FOLDER [--workspace DIR] [--project NAME] [--dataset NAME] [--format F]',
    '                             [--map COL=FIELD,...] [--encoding E] [--sheet NAME] [--skip-empty] [--skip-bad]',
    '                             [--domain D] [--locale L] [--json]',
    '',
    '  --project NAME   project (name or id) to add the dataset to; created if missing (default: named after the file)',
    '  --dataset NAME   dataset name (default: the file name without extension)',
    `  --format F       override detection: ${IMPORT_FORMATS.join(', ')}`,
    '  --map COL=FIELD  spreadsheet columns: FIELD is user, assistant, system, metadata or ignore',
    '                   (default by header: question/prompt/instruction/input -> user,',
    '                   answer/response/output/completion -> assistant, system -> system, category -> metadata;',
    '                   then by the words in a header: "Patient question" -> user, "Reception reply" -> assistant)',
    '  --sheet NAME     the worksheet of an XLSX workbook to read (default: the first)',
    '  --skip-empty     leave out rows whose question or answer is empty',
    '  --encoding E     text encoding when not UTF-8/UTF-16, e.g. windows-1252 (what Excel often writes)',
    '  --skip-bad       import the good rows and write the bad ones to a rejected-rows file in the workspace',
    '                   (default: stop at the first bad row and name its line)',
    '  --domain D       domain of a newly created project: general, medical, legal, finance, education',
    "  --locale L       locale of a newly created project (e.g. en-GB): how its dates are read; default: this computer's",
    '',
    'Prints {project, dataset, version: {id, hash, examples, rejected, format}}. Exit 1 when the file is refused.',
  ].join('\n'),
  options: {
    ...workspaceOption,
    project: { type: 'string' },
    dataset: { type: 'string' },
    format: { type: 'string' },
    map: { type: 'string' },
    encoding: { type: 'string' },
    'skip-bad': { type: 'boolean' },
    'skip-empty': { type: 'boolean' },
    sheet: { type: 'string' },
    domain: { type: 'string' },
    locale: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, out) {
    const file = args.positionals[0];
    if (!file) throw new FieldtuneError('BAD_REQUEST', 'Missing FILE to import');
    const format = str(args.values['format']);
    if (format && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw new FieldtuneError('BAD_REQUEST', `--format must be one of ${IMPORT_FORMATS.join(', ')} (got ${format})`);
    }
    const domainRaw = str(args.values['domain']) ?? 'general';
    const domain = DomainTemplate.safeParse(domainRaw);
    if (!domain.success) throw new FieldtuneError('BAD_REQUEST', `--domain must be one of ${DomainTemplate.options.join(', ')}`);
    const mapArg = str(args.values['map']);
    const map = mapArg ? parseMapArg(mapArg) : undefined;
    const encoding = str(args.values['encoding']);
    const datasetName = str(args.values['dataset']);
    const sheet = str(args.values['sheet']);
    const locale = str(args.values['locale']);
    const projectName = str(args.values['project']) ?? basename(file, extname(file));
    let encrypted = false;
    const result = await withCore(args, async (core) => {
      encrypted = core.ws.encryptionKey !== undefined;
      // Re-running an import with the same --project adds a dataset to it instead of making a twin project.
      const existing = await resolveProject(core, projectName).catch(() => null);
      return runJob(
        core,
        out,
        'datasets:import',
        {
          ...(existing ? { projectId: existing.id } : { newProject: { name: projectName, domain: domain.data, ...(locale ? { locale } : {}) } }),
          path: resolve(file),
          skipBad: args.values['skip-bad'] === true,
          ...(format ? { format: format as ImportFormat } : {}),
          ...(map ? { map } : {}),
          ...(encoding ? { encoding } : {}),
          ...(datasetName ? { name: datasetName } : {}),
          ...(sheet ? { sheet } : {}),
          ...(args.values['skip-empty'] === true ? { skipEmpty: true } : {}),
        },
        'dataset.import',
      );
    });
    {
      const v = result.version;
      const human = [
        `Imported ${v.examples} example(s) into ${result.project.name} / ${result.dataset.name} (${v.format}${v.encoding ? `, ${v.encoding}` : ''}).`,
        v.mapping
          ? `Columns: ${Object.entries(v.mapping)
              .map(([c, f]) => `${c} -> ${f}`)
              .join(', ')}`
          : '',
        v.rejected
          ? `${v.rejected} bad row(s) set aside in ${result.rejectedFile}${encrypted ? ' (encrypted like the rest of the workspace: only Fieldtune opens it)' : ''}`
          : '',
        v.emptySkipped ? `${v.emptySkipped} row(s) with an empty question or answer left out` : '',
        `Version ${v.id} (sha256 ${v.hash.slice(0, 12)}...)`,
      ]
        .filter(Boolean)
        .join('\n');
      out.result(result, human);
      return 0;
    }
  },
};
