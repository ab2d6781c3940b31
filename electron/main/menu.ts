// The application menu: File, Edit, View, Help (with About showing the versions).
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { ComputeService } from '../services/compute-service';
import { acceleratorFor } from './accelerators';

/** Menu commands the page carries out (the document lives there). */
export type MenuCommand =
  | 'new'
  | 'open'
  | 'open-recent'
  | 'save'
  | 'save-as'
  | 'revert'
  | 'import'
  | 'undo'
  | 'redo'
  | 'present'
  | 'worksheet';

export function buildMenu(
  service: Pick<ComputeService, 'info'>,
  send: (command: MenuCommand) => void,
): void {
  const isMac = process.platform === 'darwin';
  // Every item that sends a command takes its accelerator from the keymap the page uses.
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: acceleratorFor(name),
    click: () => send(name),
  });
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
        command('New Project', 'new'),
        command('Open…', 'open'),
        command('Open Recent…', 'open-recent'),
        { type: 'separator' },
        command('Save', 'save'),
        command('Save As…', 'save-as'),
        command('Revert to Saved', 'revert'),
        { type: 'separator' },
        command('Import Matrix…', 'import'),
        command('New Worksheet…', 'worksheet'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The page decides, as for the key: a text field's own typing, else the document's history.
        command('Undo', 'undo'),
        command('Redo', 'redo'),
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
        // The page's presenter mode: the current view alone, full screen, for a projector.
        command('Present', 'present'),
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: [{ label: 'About Rankscope', click: about }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
