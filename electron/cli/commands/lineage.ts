// `fieldtune data lineage|erase`: what was derived from one example (or one imported file), and erasing an example
// everywhere it can still be used (the app's "Where is this used?" and "Erase everywhere…").
import type { Lineage } from '../../contract/lineageRequests.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { Core } from '../../core/core.js';
import type { CliArgs, CliCommand } from '../command.js';
import { resolveProject, withCore, workspaceOption } from '../coreSession.js';

/** The version (or a dataset's newest version) and the example's place: --example counts from 1, like the app's #1. */
async function exampleRef(core: Core, args: CliArgs): Promise<{ versionId: string; position: number }> {
  const id = args.positionals[0];
  if (!id) throw new FieldtuneError('BAD_REQUEST', 'Missing the dataset or version ID');
  const raw = args.values['example'];
  const n = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new FieldtuneError('BAD_REQUEST', `--example must be the example's number, 1 or more (got ${String(raw)})`);
  return { versionId: (await core.call('datasets:version', { id })).id, position: n - 1 };
}

function describe(l: Lineage): string {
  const lines = [
    l.subject.kind === 'example' ? `Example: ${l.subject.preview}` : `File: ${l.subject.fileName}`,
    '',
    `Dataset versions (${l.versions.length}):`,
  ];
  for (const v of l.versions) {
    const where = v.positions.length ? ` example #${v.positions.map((p) => p + 1).join(', #')}` : '';
    lines.push(`  ${v.id}  ${v.datasetName}: ${v.operation}, ${v.createdAt}${where}${v.latest ? ' (newest)' : ''}${v.erased ? ' (erased here)' : ''}`);
  }
  lines.push('', `Training runs (${l.runs.length}):`);
  for (const r of l.runs) {
    lines.push(
      `  ${r.id}  ${r.status}${r.hasAdapter ? ', with adapter' : ''}${r.current ? ', current adapter' : ''}${r.needsRetraining ? ', NEEDS RETRAINING' : ''}`,
    );
  }
  lines.push('', `Copies that left the workspace (${l.exports.length}):`);
  for (const e of l.exports) lines.push(`  ${e.at}  ${e.format} -> ${e.out ?? '(not recorded)'}`);
  return lines.join('\n');
}

export const dataLineageCommand: CliCommand = {
  name: 'data lineage',
  summary: 'Show every version, training run, adapter and export derived from an example or an imported file',
  usage: [
    'Usage: fieldtune data lineage ID --example N [--workspace DIR] [--json]',
    '       fieldtune data lineage --project P --file NAME [--workspace DIR] [--json]',
    '',
    'ID is a dataset version id or a dataset id (its newest version); N is the example number shown in the app (#1, #2...).',
    'NAME is the imported file name as the version list shows it. Nothing is changed.',
  ].join('\n'),
  options: { ...workspaceOption, example: { type: 'string' }, project: { type: 'string' }, file: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const lineage = await withCore(args, async (core) => {
      const file = args.values['file'];
      if (typeof file === 'string') {
        const project = args.values['project'];
        if (typeof project !== 'string' || !project) throw new FieldtuneError('BAD_REQUEST', 'Missing --project P (the project the file was imported into)');
        return core.call('lineage:file', { projectId: (await resolveProject(core, project)).id, fileName: file });
      }
      return core.call('lineage:example', await exampleRef(core, args));
    });
    out.result(lineage, describe(lineage));
    return 0;
  },
};

export const dataEraseCommand: CliCommand = {
  name: 'data erase',
  summary: 'Erase an example everywhere it can still be used and flag the runs trained on it for retraining',
  usage: [
    'Usage: fieldtune data erase ID --example N --confirm erase [--reason TEXT] [--workspace DIR] [--json]',
    '',
    'Each dataset whose newest version holds the example gets a new version without it; in older versions its text is',
    'replaced by "[erased]" and deleted from the workspace; runs trained on it are flagged "needs retraining"; the audit',
    'log records it. Copies already exported cannot be recalled: `data lineage` lists them. This cannot be undone.',
  ].join('\n'),
  options: { ...workspaceOption, example: { type: 'string' }, confirm: { type: 'string' }, reason: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const confirm = args.values['confirm'];
    const reason = args.values['reason'];
    // The core's own refusal speaks of typing a word (the app's form); here the same check is worded as the flag.
    if (typeof confirm !== 'string' || confirm.trim().toLowerCase() !== 'erase') {
      throw new FieldtuneError('BAD_REQUEST', 'Erasing cannot be undone: add --confirm erase to go ahead. Nothing was changed.');
    }
    const result = await withCore(args, async (core) =>
      core.call('lineage:erase', {
        ...(await exampleRef(core, args)),
        confirm,
        ...(typeof reason === 'string' && reason.trim() ? { reason } : {}),
      }),
    );
    const text = [
      `Erased. New version(s): ${result.newVersions.map((v) => `${v.versionId} (${v.datasetName})`).join(', ') || 'none (no newest version held it)'}`,
      `Text replaced in ${result.scrubbedVersions} version(s); ${result.flaggedRuns.length} run(s) flagged for retraining.`,
      result.exportsOutside ? `${result.exportsOutside} exported copy(ies) are outside the workspace and cannot be recalled.` : '',
    ]
      .filter(Boolean)
      .join('\n');
    out.result(result, text);
    return 0;
  },
};
