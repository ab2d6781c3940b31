// Native open, save and folder dialogs for HostApi.pickFiles, with the filters each purpose
// needs. A save dialog asks before replacing an existing file (macOS and Windows always do; on
// Linux it is the showOverwriteConfirmation property), so a save never silently overwrites.
import { BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import type { PickFilesRequest } from '../../core/protocol/files';

const filters: Record<PickFilesRequest['purpose'], Electron.FileFilter[]> = {
  project: [{ name: 'Rankscope project', extensions: ['rankscope'] }],
  matrix: [
    { name: 'Matrix files', extensions: ['csv', 'tsv', 'txt', 'dat', 'mtx', 'npy', 'safetensors'] },
  ],
  weights: [{ name: 'Weight files', extensions: ['safetensors', 'npy'] }],
  export: [{ name: 'All files', extensions: ['*'] }],
};

export async function pickFiles(request: PickFilesRequest): Promise<string[] | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (request.mode === 'save') {
    const options: Electron.SaveDialogOptions = {
      // A name only: the page never names a folder.
      defaultPath: request.suggestedName ? path.basename(request.suggestedName) : undefined,
      filters: filters[request.purpose],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : [result.filePath];
  }
  const properties: Electron.OpenDialogOptions['properties'] =
    request.mode === 'folder'
      ? ['openDirectory']
      : request.multiple
        ? ['openFile', 'multiSelections']
        : ['openFile'];
  const options: Electron.OpenDialogOptions = {
    properties,
    filters:
      request.mode === 'folder'
        ? undefined
        : [...filters[request.purpose], { name: 'All files', extensions: ['*'] }],
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
