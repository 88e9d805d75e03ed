// `fieldtune data generate` and `fieldtune data augment`: the Data step's More examples, headless. A local chat model
// writes questions and answers from documents, or variations of a version's questions; they wait in the project's
// inbox for a person (the app's review, or `fieldtune call inbox:decide` and `inbox:commit`).
import { resolve } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { VariationKind, type GenerateResult } from '../../contract/generate.js';
import type { CliArgs, CliCommand, CliOutput } from '../command.js';
import { numberFlag as num, stringFlag as str } from '../flags.js';
import { resolveProject, runJob, withCore, workspaceOption } from '../coreSession.js';

const need = (args: CliArgs, name: string): string => {
  const v = str(args, name);
  if (!v) throw new FieldtuneError('BAD_REQUEST', `Missing --${name}`);
  return v;
};

function print(out: CliOutput, r: GenerateResult): void {
  const lines = [
    `${r.suggested} suggestion(s) from ${r.inputs} ${r.mode === 'questions' ? 'passage(s)' : 'example(s)'} wait in the project's inbox for review`,
    `left out: ${r.duplicates} copies of questions already asked, ${r.empty} empty replies`,
    ...r.unreadable.map((u) => `skipped: ${u}`),
    'review them in the app (Data, More examples) or with fieldtune call inbox:list / inbox:decide / inbox:commit',
  ];
  out.result(r, lines.join('\n'));
}

export const dataGenerateCommand: CliCommand = {
  name: 'data generate',
  summary: 'Write questions and answers from documents with a local chat model (they wait for review)',
  usage: [
    'Usage: fieldtune data generate DOCUMENT... --project NAME|ID --model MODEL_ID [--per-passage N] [--passage-chars N]',
    '                               [--max-tokens N] [--workspace DIR] [--json]',
    '',
    'DOCUMENT is a PDF, DOCX, TXT or Markdown file, or a folder of them. Each is cut into passages at its headings and',
    'at --passage-chars (default 1500); the model writes --per-passage questions (default 2) with answers citing it.',
    '  --model        a registered chat model (see fieldtune models list)',
    '  --max-tokens   longest question or answer, in word pieces (default 200)',
  ].join('\n'),
  options: {
    ...workspaceOption,
    project: { type: 'string' },
    model: { type: 'string' },
    'per-passage': { type: 'string' },
    'passage-chars': { type: 'string' },
    'max-tokens': { type: 'string' },
  },
  allowPositionals: true,
  async run(args, out) {
    if (args.positionals.length === 0) throw new FieldtuneError('BAD_REQUEST', 'Name at least one document (a PDF, DOCX, TXT or Markdown file, or a folder)');
    const projectRef = need(args, 'project');
    const modelId = need(args, 'model');
    const perPassage = num(args, 'per-passage');
    const passageChars = num(args, 'passage-chars');
    const maxNewTokens = num(args, 'max-tokens');
    const result = await withCore(args, async (core) => {
      const project = await resolveProject(core, projectRef);
      return runJob(
        core,
        out,
        'generate:questions',
        {
          projectId: project.id,
          modelId,
          paths: args.positionals.map((p) => resolve(p)),
          ...(perPassage !== undefined ? { questionsPerPassage: perPassage } : {}),
          ...(passageChars !== undefined ? { passageChars } : {}),
          ...(maxNewTokens !== undefined ? { maxNewTokens } : {}),
        },
        'data.generate',
      );
    });
    print(out, result);
    return 0;
  },
};

export const dataAugmentCommand: CliCommand = {
  name: 'data augment',
  summary: 'Write variations of a version’s training questions with a local chat model (they wait for review)',
  usage: [
    'Usage: fieldtune data augment VERSION_ID --project NAME|ID --model MODEL_ID [--kinds reword,register,typos] [--limit N]',
    '                              [--max-tokens N] [--workspace DIR] [--json]',
    '',
    'Each variation keeps the original answer. Test and validation examples are never varied; copies of questions the',
    'project already has are left out.',
    '  --kinds   reword (other words), register (another tone), typos (a hurried typist); default reword',
    '  --limit   how many examples to vary (default 50)',
  ].join('\n'),
  options: {
    ...workspaceOption,
    project: { type: 'string' },
    model: { type: 'string' },
    kinds: { type: 'string' },
    limit: { type: 'string' },
    'max-tokens': { type: 'string' },
  },
  allowPositionals: true,
  async run(args, out) {
    const versionId = args.positionals[0];
    if (!versionId) throw new FieldtuneError('BAD_REQUEST', 'Missing the version ID');
    const projectRef = need(args, 'project');
    const modelId = need(args, 'model');
    const kinds = (str(args, 'kinds') ?? 'reword').split(',').map((k) => k.trim());
    for (const k of kinds) {
      if (!VariationKind.safeParse(k).success) throw new FieldtuneError('BAD_REQUEST', `--kinds takes reword, register or typos (got "${k}")`);
    }
    const limit = num(args, 'limit');
    const maxNewTokens = num(args, 'max-tokens');
    const result = await withCore(args, async (core) => {
      const project = await resolveProject(core, projectRef);
      return runJob(
        core,
        out,
        'generate:augment',
        {
          projectId: project.id,
          modelId,
          versionId,
          kinds: kinds as VariationKind[],
          ...(limit !== undefined ? { limit } : {}),
          ...(maxNewTokens !== undefined ? { maxNewTokens } : {}),
        },
        'data.generate',
      );
    });
    print(out, result);
    return 0;
  },
};
