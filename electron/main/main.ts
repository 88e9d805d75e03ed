// Electron main process: thin. It owns the window and wires the core to the renderer; all logic lives in core/.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, session } from 'electron';
import { IPC, type PickPathOptions } from '../contract/bridge.js';
import { Core } from '../core/core.js';
import { seedDemo } from '../core/service/demo/seedDemo.js';
import { defaultWorkspaceDir } from '../core/workspace.js';
import { createIpcDispatcher } from './dispatcher.js';
import { createNetworkPolicy } from './networkPolicy.js';
import { mainWindowOptions } from './windowOptions.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = join(here, '..', '..');
const rendererDir = join(appRoot, 'dist', 'renderer');
const policy = createNetworkPolicy(rendererDir);

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first window instead of opening the same workspace twice.
  app.quit();
} else {
  let core: Core | undefined;
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
      if (!allowed) console.warn(`[fieldtune] blocked network request to ${details.url}`);
      callback({ cancel: !allowed });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

    core = new Core({
      workspaceDir: argValue('workspace') ?? defaultWorkspaceDir(),
      mode: 'electron',
      modeReason: null,
    });
    if (!process.argv.includes('--no-demo')) await seedDemo(core.ws, (m) => console.log(`[fieldtune] ${m}`));
    ipcMain.handle(IPC.request, createIpcDispatcher(core, policy.isAppPage));
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
