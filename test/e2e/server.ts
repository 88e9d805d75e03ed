import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { test } from '@playwright/test';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');

export interface BrowserModeServer {
  url: string;
  /** Everything the server wrote on stderr so far (its logs: resets, failed requests, crashes). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra environment for the server (e.g. where Ollama keeps its models). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Keeps the server's stderr with the test: attached to its report (Playwright prints a text attachment under a failed
 * test), so a failure such as a lost connection shows what the server said at the time. Outside a test (a worker
 * hook without test info) it is printed instead.
 */
function keepLog(name: string, log: string): void {
  if (!log) return;
  try {
    void test.info().attach(name, { body: log, contentType: 'text/plain' });
  } catch {
    process.stderr.write(`--- ${name} ---\n${log}\n`);
  }
}

/** Starts `fieldtune serve` exactly as a user would and waits for the address it prints. */
export async function startServer(workspace: string, extra: string[] = [], opts: ServerOptions = {}): Promise<BrowserModeServer> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--workspace', workspace, '--json', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let stderr = '';
  let stopping = false;
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  // a server that dies under a test says why at once, not only in the report
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`fieldtune serve (${workspace}) exited unexpectedly (code ${code}, signal ${signal}); its stderr:\n${stderr}\n`);
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fieldtune serve did not start in time:\n${stderr}`)), 90_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`fieldtune serve exited with ${code}:\n${stderr}`)));
  });
  return {
    url,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        keepLog('fieldtune serve stderr', stderr);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
