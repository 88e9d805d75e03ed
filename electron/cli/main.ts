import { parseArgs } from 'node:util';
import { FieldtuneError } from '../contract/errors.js';
import { toErrorPayload } from '../contract/wire.js';
import type { CliCommand } from './command.js';
import { commands } from './commands/index.js';
import { cliMessage } from './errorWords.js';
import { createOutput, routeConsoleToStderr } from './output.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } | undefined {
  const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2);
  // Prefer two-word commands ('data import') over one-word ones ('data').
  for (const n of [2, 1]) {
    const name = words.slice(0, n).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command && words.length >= n) {
      const rest = [...argv];
      for (const word of words.slice(0, n)) rest.splice(rest.indexOf(word), 1);
      return { command, rest };
    }
  }
  return undefined;
}

export function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'fieldtune: offline fine-tuning studio (command line)',
    '',
    'Usage: fieldtune <command> [options]   (fieldtune <command> --help for its options)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options: --json (stdout holds only JSON; logs go to stderr), --workspace DIR (or FIELDTUNE_WORKSPACE)',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  routeConsoleToStderr();
  const json = argv.includes('--json');
  const out = createOutput(json);
  const found = findCommand(argv);
  if (!found) {
    const asked = argv.find((a) => !a.startsWith('-'));
    if (!asked || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${overview()}\n`);
      return asked ? EXIT_USAGE : EXIT_OK;
    }
    return fail(out, new FieldtuneError('BAD_REQUEST', `Unknown command '${asked}'. Run 'fieldtune --help' for the list.`), EXIT_USAGE);
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    const encrypted =
      'workspace' in command.options
        ? `\n\nAn encrypted workspace opens with its passphrase: --workspace-passphrase-file FILE or the FIELDTUNE_PASSPHRASE environment variable.`
        : '';
    process.stdout.write(`${command.usage}${encrypted}\n`);
    return EXIT_OK;
  }
  let args;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    args = { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    return fail(out, new FieldtuneError('BAD_REQUEST', `${(error as Error).message}\n\n${command.usage}`), EXIT_USAGE);
  }
  try {
    return await command.run(args, out);
  } catch (error) {
    return fail(out, error, EXIT_FAILURE);
  }
}

function fail(out: ReturnType<typeof createOutput>, error: unknown, code: number): number {
  const raw = toErrorPayload(error);
  // The core's message is worded for nobody in particular; here the advice names this host's flags.
  const payload = { ...raw, message: cliMessage(raw) };
  if (out.json) process.stdout.write(`${JSON.stringify({ error: payload })}\n`);
  process.stderr.write(`fieldtune: ${payload.message}\n`);
  return code;
}
