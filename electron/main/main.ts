// Electron main process: thin. It owns the window and wires the core to the renderer; all logic lives in core/, which
// runs in its own process (coreProcess.ts, an Electron utilityProcess), so nothing the core does freezes the window.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, safeStorage, session, utilityProcess } from 'electron';
import { IPC, type PickPathOptions } from '../contract/bridge.js';
import { CoreClient } from './coreClient.js';
import type { CoreChannel, FromCore } from './coreProtocol.js';
import { createIpcDispatcher } from './dispatcher.js';
import { keychainHook, passphraseKeychain, unlockFromKeychain } from './keychain.js';
import { createNetworkPolicy } from './networkPolicy.js';
import { mainWindowOptions } from './windowOptions.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = join(here, '..', '..');
const rendererDir = join(appRoot, 'dist', 'renderer');
const policy = createNetworkPolicy(rendererDir);

/** The core's process: a utilityProcess (Node with Electron's ABI, so better-sqlite3 and node-llama-cpp load). */
function startCoreProcess(): CoreChannel {
  const passed = process.argv.filter((a) => a.startsWith('--workspace=') || a === '--no-demo');
  const child = utilityProcess.fork(join(here, 'coreProcess.mjs'), passed, { serviceName: 'Fieldtune core', stdio: 'inherit' });
  return {
    send: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', (m) => listener(m as FromCore)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first window instead of opening the same workspace twice.
  app.quit();
} else {
  let core: CoreClient | undefined;
  let window: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`[fieldtune] blocked window.open(${url})`);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!policy.isAppPage(url)) {
        event.preventDefault();
        console.warn(`[fieldtune] blocked navigation to ${url}`);
      }
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = policy.isAllowedRequest(details.url);
      if (!allowed) {
        console.warn(`[fieldtune] blocked network request to ${details.url}`);
        // into the audit log, so the Network log page shows it (requests before the core is up only reach the console)
        void core?.request('network:report', { url: details.url, source: 'window' });
      }
      callback({ cancel: !allowed });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

    core = new CoreClient(startCoreProcess());
    try {
      await core.ready;
    } catch (error) {
      dialog.showErrorBox('Fieldtune could not open its workspace', error instanceof Error ? error.message : String(error));
      core = undefined;
      app.quit();
      return;
    }
    // an encrypted workspace whose passphrase was remembered opens before the window shows (keychain.ts)
    const keychain = passphraseKeychain(safeStorage, join(app.getPath('userData'), 'keychain'));
    const workspace = await unlockFromKeychain(core, keychain);
    ipcMain.handle(
      IPC.request,
      createIpcDispatcher(
        core,
        policy.isAppPage,
        keychainHook(keychain, () => workspace),
      ),
    );
    ipcMain.handle(IPC.pickPath, async (event, options: PickPathOptions) => {
      if (!policy.isAppPage(event.senderFrame?.url ?? '')) return null;
      const owner = BrowserWindow.fromWebContents(event.sender);
      const props: Array<'openFile' | 'openDirectory'> = [options?.kind === 'folder' ? 'openDirectory' : 'openFile'];
      const result = owner
        ? await dialog.showOpenDialog(owner, { title: options?.title, properties: props, filters: options?.filters })
        : await dialog.showOpenDialog({ title: options?.title, properties: props, filters: options?.filters });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    });

    window = new BrowserWindow(mainWindowOptions(join(here, 'preload.cjs'), nativeTheme.shouldUseDarkColors));
    core.subscribe((event) => window?.webContents.send(IPC.event, event));
    window.once('ready-to-show', () => window?.show());
    await window.loadFile(join(rendererDir, 'index.html'));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = undefined;
    void closing.close().finally(() => app.quit());
  });
}
