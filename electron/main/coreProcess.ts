// Entry of the core's own process (Electron utilityProcess in the app; a Node child process in tests). It opens the
// workspace, seeds the demo, and answers requests from the window process; events go back the same way.
import { Core } from '../core/core.js';
import { seedDemo } from '../core/service/demo/seedDemo.js';
import { defaultWorkspaceDir } from '../core/workspace.js';
import type { FromCore, ParentLink, ToCore } from './coreProtocol.js';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentLink(): ParentLink {
  const port = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (port) {
    return { send: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', (e) => listener(e.data as ToCore)) };
  }
  if (!process.send) throw new Error('The core process must be started by the app (no parent to talk to).');
  return { send: (m) => process.send!(m), onMessage: (listener) => process.on('message', (m) => listener(m as ToCore)) };
}

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const link = parentLink();
const send = (m: FromCore) => link.send(m);
let core: Core;
try {
  // an encrypted workspace starts locked: the window shows its passphrase screen (workspace:unlock)
  core = new Core({ workspaceDir: argValue('workspace') ?? defaultWorkspaceDir(), mode: 'electron', modeReason: null, startLocked: true });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
core.subscribe((event) => send({ type: 'event', event }));
link.onMessage((m) => {
  if (m.type === 'request') {
    void core.request(m.method, m.params, m.id).then((response) => send({ type: 'response', seq: m.seq, response }));
  } else if (m.type === 'close') {
    void core.close().finally(() => {
      send({ type: 'closed' });
      process.exit(0);
    });
  }
});
if (!process.argv.includes('--no-demo') && !core.locked) await seedDemo(core.ws, (m) => console.log(`[fieldtune] ${m}`));
send({ type: 'ready' });
