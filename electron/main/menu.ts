// The application menu: File, Edit, View, Help (with About showing the versions).
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { ComputeService } from '../services/compute-service';

/** Menu commands the page carries out (the document lives there). */
export type MenuCommand =
  'new' | 'open' | 'open-recent' | 'save' | 'save-as' | 'revert' | 'import' | 'undo' | 'redo';

export function buildMenu(
  service: Pick<ComputeService, 'info'>,
  send: (command: MenuCommand) => void,
): void {
  const isMac = process.platform === 'darwin';
  const about = () => {
    const info = service.info();
    void dialog.showMessageBox({
      type: 'info',
      title: 'About Rankscope',
      message: `Rankscope ${info.version}`,
      detail: [
        'An offline workbench for seeing matrix rank.',
        '',
        `Electron ${info.versions.electron ?? '?'} · Chrome ${info.versions.chrome ?? '?'} · Node ${info.versions.node ?? '?'}`,
        `${info.workers} compute workers on ${info.cores} cores`,
      ].join('\n'),
    });
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Project', accelerator: 'CmdOrCtrl+N', click: () => send('new') },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send('open') },
        {
          label: 'Open Recent…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => send('open-recent'),
        },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('save-as') },
        { label: 'Revert to Saved', click: () => send('revert') },
        { type: 'separator' },
        { label: 'Import Matrix…', accelerator: 'CmdOrCtrl+I', click: () => send('import') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The document's undo history, not a text field's: every edit is a document change.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: [{ label: 'About Rankscope', click: about }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
