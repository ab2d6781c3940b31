// Native open and save dialogs for HostApi.pickPath, with the filters each purpose needs.
import { BrowserWindow, dialog } from 'electron';
import type { PickPathRequest } from '../../core/protocol/files';

const filters: Record<PickPathRequest['purpose'], Electron.FileFilter[]> = {
  project: [{ name: 'Rankscope project', extensions: ['rankscope'] }],
  matrix: [
    { name: 'Matrix files', extensions: ['csv', 'tsv', 'txt', 'dat', 'mtx', 'npy', 'safetensors'] },
  ],
  weights: [{ name: 'Weight files', extensions: ['safetensors', 'npy'] }],
  export: [{ name: 'All files', extensions: ['*'] }],
};

export async function pickPath(request: PickPathRequest): Promise<string[] | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (request.mode === 'save') {
    const options = { defaultPath: request.suggestedName, filters: filters[request.purpose] };
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : [result.filePath];
  }
  const properties: ('openFile' | 'multiSelections')[] = request.multiple
    ? ['openFile', 'multiSelections']
    : ['openFile'];
  const options = {
    properties,
    filters: [...filters[request.purpose], { name: 'All files', extensions: ['*'] }],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

/** Closing or quitting with unsaved changes asks first (the page's beforeunload says there are some). */
export function confirmUnsavedChanges(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Discard changes and close', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'This project has changes that are not saved.',
      detail: 'A backup is kept until you save, but closing now discards the changes.',
    });
    if (choice === 0) event.preventDefault();
  });
}
