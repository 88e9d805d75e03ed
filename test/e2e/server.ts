import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'fieldtune.mjs');

export interface BrowserModeServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `fieldtune serve` exactly as a user would and waits for the address it prints. */
export async function startServer(workspace: string, extra: string[] = []): Promise<BrowserModeServer> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--workspace', workspace, '--json', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
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
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
