// `fieldtune train` flags and usage lines, generated from the contract's table of trainer settings, so the CLI, the
// trainer and the wizard can never disagree on a name, a default or a range.
import type { ParseArgsConfig } from 'node:util';
import { FieldtuneError } from '../contract/errors.js';
import { TRAINING_OPTION_KEYS, TrainingSettings, trainingOptions, type TrainingOption } from '../contract/training.js';
import type { CliArgs } from './command.js';

const name = (o: TrainingOption) => o.flag.slice(2);

export const trainingFlagOptions: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  TRAINING_OPTION_KEYS.map((k) => [name(trainingOptions[k]), { type: trainingOptions[k].type === 'boolean' ? 'boolean' : 'string' } as const]),
);

function defaultText(o: TrainingOption): string {
  if (o.type === 'boolean') return '';
  if (o.type === 'list') return ` (default ${o.default.join(',')})`;
  if (o.type === 'enum') return ` (${o.values.join('|')}; default ${o.default})`;
  return o.default === null ? '' : ` (default ${o.default})`;
}

/** One usage line per setting: flag, placeholder, plain help, default. */
export function trainingUsageLines(): string[] {
  return TRAINING_OPTION_KEYS.map((k) => {
    const o: TrainingOption = trainingOptions[k];
    const left = `  ${o.flag}${o.type === 'int' || o.type === 'number' ? ` ${o.placeholder}` : o.type === 'boolean' ? '' : o.type === 'enum' ? ' NAME' : ' LIST'}`;
    return `${left.padEnd(25)}${o.label}: ${o.help}${defaultText(o)}`;
  });
}

/** The settings given on the command line, validated by the contract's schema (unknown values name their flag). */
export function trainingSettingsFrom(args: CliArgs): TrainingSettings {
  const raw: Record<string, unknown> = {};
  for (const key of TRAINING_OPTION_KEYS) {
    const o: TrainingOption = trainingOptions[key];
    const v = args.values[name(o)];
    if (v === undefined) continue;
    if (o.type === 'boolean') raw[key] = v === true;
    else if (o.type === 'list')
      raw[key] = String(v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (o.type === 'enum') raw[key] = v;
    else {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n))
        throw new FieldtuneError('BAD_REQUEST', `${o.flag} must be a number (got ${String(v)})`, { issues: [{ path: name(o), message: 'expected a number' }] });
      raw[key] = n;
    }
  }
  const parsed = TrainingSettings.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]) as keyof typeof trainingOptions;
    const flag = trainingOptions[key]?.flag ?? key;
    throw new FieldtuneError('BAD_REQUEST', `${flag}: ${issue.message}`, { issues: [{ path: name(trainingOptions[key]), message: issue.message }] });
  }
  return parsed.data;
}
