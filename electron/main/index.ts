// Electron main: lifecycle, the single secure window, menu, and the IPC binding of HostApi.
import { app, BrowserWindow, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createComputePool } from '../services/create-pool';
import { ComputeService } from '../services/compute-service';
import { registerAppProtocol, appOrigin, appScheme } from './app-protocol';
import { bindIpc } from './ipc';
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
  const pool = createComputePool({ log: (line) => console.log(line) });
  const service = new ComputeService(pool, 'electron');

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
    bindIpc(service, devServerUrl);
    buildMenu(service);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void pool.close());
}
