// `fieldtune data clean|split|stats|export|versions`: operations on a stored dataset version. Each accepts a version
// id or a dataset id (meaning that dataset's newest version); each change prints the new version it made.
import { resolve } from 'node:path';
import type { ReviewPage, ReviewRemoval, ReviewSection } from '../../contract/datasets.js';
import { FieldtuneError } from '../../contract/errors.js';
import type { Core } from '../../core/core.js';
import type { CliArgs, CliCommand } from '../command.js';
import { resolveProject, runJob, withCore, workspaceOption } from '../coreSession.js';

async function versionIdFrom(core: Core, args: CliArgs): Promise<string> {
  const id = args.positionals[0];
  if (!id) throw new FieldtuneError('BAD_REQUEST', 'Missing the dataset or version ID');
  return (await core.call('datasets:version', { id })).id;
}

function num(args: CliArgs, name: string, fallback?: number): number | undefined {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new FieldtuneError('BAD_REQUEST', `--${name} must be a non-negative number (got ${String(raw)})`);
  return n;
}

/** Every item of a finished review's list (the job's result holds counts; the lists are read a page at a time). */
type Items<S extends ReviewSection> = Extract<ReviewPage, { section: S }>['items'];
async function wholeSection<S extends ReviewSection>(core: Core, jobId: string, section: S): Promise<Items<S>> {
  const items: unknown[] = [];
  for (;;) {
    const page = await core.call('datasets:review-page', { jobId, section, offset: items.length, limit: 5000 });
    items.push(...(page.items as unknown[]));
    if (page.items.length === 0 || items.length >= page.total) return items as Items<S>;
  }
}

const versionSummary = (v: { id: string; hash: string; examples: number; parentId: string | null; operation: string }) => ({
  id: v.id,
  hash: v.hash,
  examples: v.examples,
  parentId: v.parentId,
  operation: v.operation,
});

export const dataCleanCommand: CliCommand = {
  name: 'data clean',
  summary: 'Normalize text, drop empty/too-short/too-long examples and duplicates, flag conflicting answers',
  usage: [
    'Usage: fieldtune data clean ID [--min-tokens N] [--max-tokens N] [--dedupe exact|near|none] [--threshold X]',
    '                            [--no-normalize] [--workspace DIR] [--json]',
    '',
    'ID is a dataset version id or a dataset id (its newest version). Makes a new version; the old one stays.',
    '  --dedupe     exact (default): remove identical examples and list near-duplicates for review;',
    '               near: remove near-duplicates too (keeps the first of each cluster); none: no duplicate check',
    '  --threshold  near-duplicate similarity 0..1 (default 0.7)',
  ].join('\n'),
  options: {
    ...workspaceOption,
    'min-tokens': { type: 'string' },
    'max-tokens': { type: 'string' },
    dedupe: { type: 'string' },
    threshold: { type: 'string' },
    'no-normalize': { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, out) {
    const dedupe = (args.values['dedupe'] as string | undefined) ?? 'exact';
    if (!['near', 'exact', 'none'].includes(dedupe)) throw new FieldtuneError('BAD_REQUEST', '--dedupe must be near, exact or none');
    const normalize = args.values['no-normalize'] !== true;
    // The app's two steps: review (what would go), then clean (a new version without it). --dedupe picks the removals
    // the app's reviewer would tick: exact copies always, near copies only with 'near', none with 'none'.
    const { review, version } = await withCore(args, async (core) => {
      const versionId = await versionIdFrom(core, args);
      const minTokens = num(args, 'min-tokens');
      const maxTokens = num(args, 'max-tokens');
      const review = await runJob(
        core,
        out,
        'datasets:review',
        {
          versionId,
          threshold: num(args, 'threshold', 0.7)!,
          nearDuplicates: dedupe !== 'none',
          ...(minTokens !== undefined ? { minTokens } : {}),
          ...(maxTokens !== undefined ? { maxTokens } : {}),
        },
        'dataset.review',
      );
      const removed = (await wholeSection(core, review.jobId, 'removals')).filter((p) => REMOVED_BY[dedupe as Dedupe].includes(p.reason));
      const version = await core.call('datasets:clean', { versionId, remove: removed.map((p) => p.position), normalize });
      const nearPairs = await wholeSection(core, review.jobId, 'nearPairs');
      const conflicts = await wholeSection(core, review.jobId, 'conflicts');
      return { review: { ...review, proposed: removed, nearPairs, conflicts }, version };
    });
    const count = (reason: ReviewRemoval['reason']) => review.proposed.filter((p) => p.reason === reason).length;
    const report = {
      version: versionSummary(version),
      before: review.examples,
      after: version.examples,
      normalizedChanged: normalize ? review.normalizedChanged : 0,
      removed: {
        empty: count('empty'),
        tooShort: count('too-short'),
        tooLong: count('too-long'),
        exactDuplicates: count('exact-duplicate'),
        nearDuplicates: count('near-duplicate'),
      },
      nearPairs: review.nearPairs,
      conflicts: review.conflicts,
    };
    const r = report.removed;
    out.result(
      report,
      [
        `${report.before} -> ${report.after} examples (new version ${version.id})`,
        `removed: ${r.empty} empty, ${r.tooShort} too short, ${r.tooLong} too long, ${r.exactDuplicates} exact and ${r.nearDuplicates} near duplicates`,
        `${report.normalizedChanged} normalized; to review: ${report.nearPairs.length} near-duplicate pair(s), ${report.conflicts.length} question(s) with conflicting answers`,
      ].join('\n'),
    );
    return 0;
  },
};

type Dedupe = 'exact' | 'near' | 'none';
const LENGTH_REASONS = ['empty', 'too-short', 'too-long'] as const;
const REMOVED_BY: Record<Dedupe, readonly string[]> = {
  none: LENGTH_REASONS,
  exact: [...LENGTH_REASONS, 'exact-duplicate'],
  near: [...LENGTH_REASONS, 'exact-duplicate', 'near-duplicate'],
};

export const dataSplitCommand: CliCommand = {
  name: 'data split',
  summary: 'Split into train/validation/test with a fixed seed, optionally stratified, and check for leakage',
  usage: [
    'Usage: fieldtune data split ID [--ratios 80/10/10] [--seed N] [--stratify COLUMN] [--allow-near-straddle]',
    '                            [--workspace DIR] [--json]',
    '',
    '  --ratios      train/validation/test shares (default 80/10/10)',
    '  --seed        the same seed and data always give the same split (default 42)',
    '  --stratify    a metadata column (e.g. category) whose mix each split keeps',
    '  --allow-near-straddle  do not keep near-duplicate clusters together (they may then leak across splits)',
  ].join('\n'),
  options: {
    ...workspaceOption,
    ratios: { type: 'string' },
    seed: { type: 'string' },
    stratify: { type: 'string' },
    'allow-near-straddle': { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, out) {
    const raw = (args.values['ratios'] as string | undefined) ?? '80/10/10';
    const parts = raw.split(/[/,:]/).map(Number);
    if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p) || p < 0) || parts.reduce((a, b) => a + b, 0) <= 0) {
      throw new FieldtuneError('BAD_REQUEST', `--ratios must be three non-negative numbers like 80/10/10 (got ${raw})`);
    }
    const [train, validation, test] = parts as [number, number, number];
    const stratify = args.values['stratify'];
    const report = await withCore(args, async (core) =>
      core.call('datasets:split', {
        versionId: await versionIdFrom(core, args),
        shares: { train, validation, test },
        seed: num(args, 'seed', 42)!,
        ...(typeof stratify === 'string' ? { stratifyBy: stratify } : {}),
        keepNearDuplicatesTogether: args.values['allow-near-straddle'] !== true,
      }),
    );
    const l = report.leakage;
    out.result(
      { version: versionSummary(report.version), counts: report.counts, leakage: l, advice: report.advice },
      [
        `train ${report.counts.train}, validation ${report.counts.validation}, test ${report.counts.test} (new version ${report.version.id})`,
        ...report.advice.warnings.map((w) => `Warning: ${w}`),
        l.ok
          ? 'No leakage: no example appears (exactly or nearly) in two splits.'
          : `Leakage: ${l.exact} exact and ${l.near} near-duplicate pair(s) across splits; ${l.leakedEvalItems} evaluation example(s) have a copy in train.`,
      ].join('\n'),
    );
    return 0;
  },
};

export const dataStatsCommand: CliCommand = {
  name: 'data stats',
  summary: 'Token statistics of a dataset version: total, length histogram, share over a max length',
  usage: [
    'Usage: fieldtune data stats ID [--model MODEL_ID] [--max-length N] [--split train|validation|test] [--bins N]',
    '                            [--workspace DIR] [--json]',
    '',
    '  --model  a registered base model: tokens are counted with its tokenizer and chat template, exactly as',
    '           training renders them; without it the counts are estimates (about 4 characters per token)',
  ].join('\n'),
  options: { ...workspaceOption, 'max-length': { type: 'string' }, split: { type: 'string' }, bins: { type: 'string' }, model: { type: 'string' } },
  allowPositionals: true,
  async run(args, out) {
    const split = args.values['split'];
    if (split !== undefined && !['train', 'validation', 'test'].includes(split as string))
      throw new FieldtuneError('BAD_REQUEST', '--split must be train, validation or test');
    const modelId = args.values['model'];
    const stats = await withCore(args, async (core) =>
      runJob(
        core,
        out,
        'datasets:stats',
        {
          versionId: await versionIdFrom(core, args),
          maxTokens: num(args, 'max-length', 2048)!,
          bins: num(args, 'bins', 20)!,
          ...(split ? { split: split as 'train' | 'validation' | 'test' } : {}),
          ...(typeof modelId === 'string' ? { modelId } : {}),
        },
        'dataset.stats',
      ),
    );
    const peak = Math.max(1, ...stats.histogram.map((h) => h.count));
    out.result(
      stats,
      [
        `${stats.count} examples, ${stats.totalTokens} tokens (${stats.tokenizer === 'rough' ? 'estimated' : 'model tokenizer'}); median ${stats.median}, p95 ${stats.p95}, max ${stats.max}`,
        `${stats.overMax} (${(100 * stats.overMaxShare).toFixed(1)}%) longer than ${stats.maxLength} tokens`,
        ...stats.histogram
          .filter((h) => h.count > 0)
          .map((h) => `${String(h.from).padStart(7)}-${String(h.to).padEnd(7)} ${'#'.repeat(Math.ceil((40 * h.count) / peak))} ${h.count}`),
      ].join('\n'),
    );
    return 0;
  },
};

export const dataExportCommand: CliCommand = {
  name: 'data export',
  summary: 'Export a dataset version as JSONL or CSV',
  usage:
    'Usage: fieldtune data export ID --out FILE [--format jsonl|csv] [--split train|validation|test] [--force] [--workspace DIR] [--json]\n\nThe format defaults to the --out extension (.csv -> csv, otherwise jsonl). An existing file is replaced only with --force.',
  options: { ...workspaceOption, out: { type: 'string' }, format: { type: 'string' }, split: { type: 'string' }, force: { type: 'boolean' } },
  allowPositionals: true,
  async run(args, out) {
    const file = args.values['out'];
    if (typeof file !== 'string' || !file) throw new FieldtuneError('BAD_REQUEST', 'Missing --out FILE');
    const format = (args.values['format'] as string | undefined) ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
    if (format !== 'jsonl' && format !== 'csv') throw new FieldtuneError('BAD_REQUEST', '--format must be jsonl or csv');
    const split = args.values['split'];
    if (split !== undefined && !['train', 'validation', 'test'].includes(split as string))
      throw new FieldtuneError('BAD_REQUEST', '--split must be train, validation or test');
    const result = await withCore(args, async (core) =>
      core.call('datasets:export', {
        versionId: await versionIdFrom(core, args),
        format,
        outFile: resolve(file),
        ...(split ? { split: split as 'train' | 'validation' | 'test' } : {}),
        overwrite: args.values['force'] === true,
      }),
    );
    out.result(result, `Wrote ${result.examples} example(s) to ${result.file}`);
    return 0;
  },
};

export const dataVersionsCommand: CliCommand = {
  name: 'data versions',
  summary: 'List the datasets of a project and their versions (newest last)',
  usage: 'Usage: fieldtune data versions PROJECT [--workspace DIR] [--json]\n\nPROJECT is a project name or id.',
  options: workspaceOption,
  allowPositionals: true,
  async run(args, out) {
    const projectId = args.positionals[0];
    if (!projectId) throw new FieldtuneError('BAD_REQUEST', 'Missing PROJECT (a name or an id)');
    const list = await withCore(args, async (core) => core.call('datasets:list', { projectId: (await resolveProject(core, projectId)).id }));
    out.result(
      list,
      list
        .map((d) =>
          [
            `${d.id}  ${d.name} [${d.kind}]`,
            ...d.versions.map((v) => `  ${v.id}  ${v.operation.padEnd(7)} ${String(v.examples).padStart(8)} examples  ${v.hash.slice(0, 12)}  ${v.createdAt}`),
          ].join('\n'),
        )
        .join('\n') || 'No datasets yet.',
    );
    return 0;
  },
};
