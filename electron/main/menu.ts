// The application menu: File, Edit, View, Help (with About showing the versions).
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { ComputeService } from '../services/compute-service';

export function buildMenu(service: ComputeService): void {
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
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
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
