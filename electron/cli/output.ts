import type { CliOutput } from './command.js';

/**
 * stdout carries only results. Everything else (our logs, node-llama-cpp's, any library's console output)
 * is sent to stderr, so `--json` output can always be piped into a JSON parser.
 */
export function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

export function createOutput(json: boolean): CliOutput {
  return {
    json,
    result(value, human) {
      if (json) process.stdout.write(`${JSON.stringify(value)}\n`);
      else process.stdout.write(`${human ?? JSON.stringify(value, null, 2)}\n`);
    },
    log(message) {
      process.stderr.write(`${message}\n`);
    },
  };
}
