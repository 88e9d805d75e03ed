// Reading typed flag values from parsed arguments, shared by the commands that take free-form string and number flags.
import { FieldtuneError } from '../contract/errors.js';
import type { CliArgs } from './command.js';

/** A string flag, or undefined when absent. */
export const stringFlag = (args: CliArgs, name: string): string | undefined => {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
};

/** A number flag, or undefined when absent; the contract checks its range and names the setting when it is out. */
export const numberFlag = (args: CliArgs, name: string): number | undefined => {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new FieldtuneError('BAD_REQUEST', `--${name} must be a number (got "${v}")`);
  return n;
};
