// Electron main: lifecycle, the single secure window, menu, and the IPC binding of HostApi.
import { app, BrowserWindow, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createComputePool } from '../services/create-pool';
import { ComputeService } from '../services/compute-service';
import { DocumentService } from '../services/document-service';
import { HostMethods } from '../services/host-dispatch';
import { confirmUnsavedChanges, pickPath } from './dialogs';
import { registerAppProtocol, appOrigin, appScheme } from './app-protocol';
import { bindIpc } from './ipc';
import { menuChannel } from '../preload/channels';
import { buildMenu } from './menu';
import { hardenWindow, hardenSession } from './security';
import { loadWindowState, trackWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const preload = path.resolve(here, '../preload/index.cjs');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const pool = createComputePool(import.meta.url, { log: (line) => console.log(line) });
  const service = new ComputeService(pool, 'electron');
  const documents = new DocumentService(pool, app.getPath('userData'));
  const methods = new HostMethods(service, documents, pickPath);

  const createWindow = () => {
    const state = loadWindowState(app.getPath('userData'));
    mainWindow = new BrowserWindow({
      ...state.bounds,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'Rankscope',
      backgroundColor: '#1e1f22',
      webPreferences: {
        preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    if (state.maximized) mainWindow.maximize();
    hardenWindow(mainWindow, devServerUrl);
    confirmUnsavedChanges(mainWindow);
    trackWindowState(mainWindow, app.getPath('userData'));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => (mainWindow = null));
    void mainWindow.loadURL(devServerUrl ?? `${appOrigin}/index.html`);
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServerUrl);
    registerAppProtocol(rendererDir);
    bindIpc(methods, devServerUrl);
    buildMenu(service, (command) => mainWindow?.webContents.send(menuChannel, command));
    // Backups are a safety net: if their folder cannot be prepared, the window still opens.
    void documents
      .start()
      .catch((error: unknown) => console.error(`[backups] ${(error as Error).message}`))
      .then(createWindow);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    // Every unsaved document was confirmed by now: end the run cleanly, then quit for real.
    event.preventDefault();
    void documents
      .end()
      .finally(() => pool.close())
      .finally(() => app.exit(0));
  });
}
