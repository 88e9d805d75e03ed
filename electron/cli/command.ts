// The shape of one CLI command. Each command lives in its own file under commands/ and is listed in commands/index.ts.
import type { ParseArgsConfig } from 'node:util';

export interface CliOutput {
  /** True with --json: stdout then carries only JSON, one value per line. */
  readonly json: boolean;
  /** Writes one result: a JSON line with --json, otherwise the human text (or pretty JSON when no text is given). */
  result(value: unknown, human?: string): void;
  /** Progress and diagnostics: always stderr, never stdout. */
  log(message: string): void;
}

export interface CliArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  /** One or two words, e.g. 'demo-model' or 'data import'. */
  readonly name: string;
  readonly summary: string;
  /** Usage text shown by --help; name every option and what it means. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly allowPositionals?: boolean;
  /** Returns the process exit code. Throw FieldtuneError for a clear, typed failure (exit 1). */
  run(args: CliArgs, out: CliOutput): Promise<number>;
}
