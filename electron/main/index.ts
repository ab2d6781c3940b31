// Electron main: lifecycle, the single secure window, menu, and the IPC binding of HostApi.
// Files named on the command line (`rankscope open a.csv`, or a second launch while running)
// are handed to the page as handles through launchFiles().
import { app, BrowserWindow, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bridgeChannels } from '../../core/protocol/bridge';
import { createComputePool } from '../services/create-pool';
import { CheckpointService } from '../services/checkpoint-service';
import { ComputeService } from '../services/compute-service';
import { DocumentService } from '../services/document-service';
import { hostLimits } from '../services/host-settings';
import { exampleFiles, LaunchFiles } from '../services/launch-files';
import { confirmUnsavedChanges, pickFiles } from './dialogs';
import { registerAppProtocol, appOrigin, appScheme } from './app-protocol';
import { bindIpc, WindowSessions } from './ipc';
import { launchArguments } from './launch-arguments';
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
  const launch = new LaunchFiles(launchArguments(process.argv, app.isPackaged).files);
  const limits = hostLimits(launchArguments(process.argv, app.isPackaged));
  const pool = createComputePool(import.meta.url, { log: (line) => console.log(line) });
  const compute = new ComputeService(pool, 'electron', limits);
  const documents = new DocumentService(pool, app.getPath('userData'), compute.budget);
  const sessions = new WindowSessions(
    {
      compute,
      documents,
      checkpoints: new CheckpointService(compute),
      pickFiles,
      launchFiles: launch,
      exampleFiles: exampleFiles(
        app.isPackaged ? process.resourcesPath : path.resolve(here, '../..'),
      ),
    },
    (line) => console.error(line),
  );
  const sendToPage = (command: string) =>
    mainWindow?.webContents.send(bridgeChannels.menu, command);

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

  // A second `rankscope open b.csv` while running: its files open in the running window.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    launch.add(launchArguments(argv, app.isPackaged).files, workingDirectory);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    sendToPage('launch-files');
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    launch.add([file]);
    sendToPage('launch-files');
  });

  app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServerUrl);
    registerAppProtocol(rendererDir);
    bindIpc(sessions, devServerUrl, (line) => console.error(line));
    buildMenu(compute, sendToPage);
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
