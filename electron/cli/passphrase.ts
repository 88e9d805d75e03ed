// Where the CLI gets a workspace's passphrase: a file (--workspace-passphrase-file F) or the environment (FIELDTUNE_PASSPHRASE),
// never a prompt, so scripts and tests run unattended and the passphrase is not left in the shell's history. The flag
// is not plain --passphrase-file: `adapters export|import` use that name for a share bundle's own passphrase (issue 15).
import { readFileSync } from 'node:fs';
import { FieldtuneError } from '../contract/errors.js';
import type { CliArgs } from './command.js';

export const passphraseOptions = { 'workspace-passphrase-file': { type: 'string' } } as const;

function fromFile(path: string, flag: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FieldtuneError(
      'INVALID_INPUT',
      `Cannot read the passphrase file ${path} (${flag}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  // a file made with `echo` ends with a newline that is not part of the passphrase
  return text.replace(/\r?\n$/, '');
}

/** The passphrase the command was given (flag first, then environment), or undefined. */
export function passphraseFrom(args: CliArgs, flag = 'workspace-passphrase-file', envName = 'FIELDTUNE_PASSPHRASE'): string | undefined {
  const file = args.values[flag];
  if (typeof file === 'string' && file.length > 0) return fromFile(file, `--${flag}`);
  const env = process.env[envName];
  return env !== undefined && env !== '' ? env : undefined;
}
