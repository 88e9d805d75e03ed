import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FieldtuneError } from '../../contract/errors.js';
import { Core } from '../../core/core.js';
import { seedDemo } from '../../core/service/demo/seedDemo.js';
import type { CliArgs, CliCommand, CliOutput } from '../command.js';
import { workspaceDirFrom } from '../coreSession.js';
import { passphraseFrom, passphraseOptions } from '../passphrase.js';
import { buildElectronMain } from '../electronBuild.js';
import { findElectronBinary } from '../electronRuntime.js';
import { APP_ROOT, ensureRendererBuilt } from '../rendererBuild.js';

const options = {
  workspace: { type: 'string' },
  ...passphraseOptions,
  port: { type: 'string' },
  browser: { type: 'boolean' },
  'no-demo': { type: 'boolean' },
} as const;

const usage = `Usage: fieldtune start [--workspace DIR] [--browser] [--port N] [--no-demo] [--json]

Opens Fieldtune. With an Electron runtime installed it opens the desktop window; otherwise (or with
--browser) it serves the app on 127.0.0.1 with a random access token and prints the address to open.
Without --workspace it uses your per-user data folder and, the first time, fills it with a demo project
and a small random-weight demo model (for trying the app; it produces gibberish by design).`;

function parsePort(value: unknown): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FieldtuneError('BAD_REQUEST', `--port must be 0-65535, got ${String(value)}`);
  return port;
}

async function serveBrowser(args: CliArgs, out: CliOutput, reason: string): Promise<number> {
  const port = parsePort(args.values['port']);
  const staticDir = await ensureRendererBuilt((m) => out.log(m));
  const core = new Core({ workspaceDir: workspaceDirFrom(args), mode: 'browser', modeReason: reason, passphrase: passphraseFrom(args), startLocked: true });
  try {
    // an encrypted workspace started without its passphrase waits for it on the app's passphrase screen
    if (!args.values['no-demo'] && !core.locked) await seedDemo(core.ws, (m) => out.log(m));
    const server = await (await import('../../server/webServer.js')).startWebServer({ core, staticDir, port, log: (m) => out.log(m) });
    out.log(`Fieldtune is running in browser mode because ${reason}.`);
    out.result(
      { url: server.url, port: server.port, workspace: core.appInfo().workspace, mode: 'browser', reason },
      `Open this address in your browser (it includes your private access token):\n\n  ${server.url}\n\nPress Ctrl+C to stop.`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    out.log('Stopping...');
    await server.close();
    return 0;
  } finally {
    await core.close();
  }
}

async function openDesktop(binary: string, args: CliArgs, out: CliOutput): Promise<number> {
  await ensureRendererBuilt((m) => out.log(m));
  await buildElectronMain((m) => out.log(m));
  const extra = typeof args.values['workspace'] === 'string' ? [`--workspace=${args.values['workspace']}`] : [];
  if (args.values['no-demo']) extra.push('--no-demo');
  const child = spawn(binary, [join(APP_ROOT), ...extra], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Open the app (desktop window, or browser mode where no Electron runtime exists)',
  usage,
  options,
  async run(args, out) {
    const electron = findElectronBinary();
    if (args.values['browser']) return serveBrowser(args, out, 'browser mode was asked for (--browser)');
    if ('path' in electron) return openDesktop(electron.path, args, out);
    return serveBrowser(args, out, electron.reason);
  },
};

export const serveCommand: CliCommand = {
  ...startCommand,
  name: 'serve',
  summary: 'Serve the app in browser mode on 127.0.0.1 (same as start --browser)',
  async run(args, out) {
    return serveBrowser(args, out, 'browser mode was asked for (fieldtune serve)');
  },
};
