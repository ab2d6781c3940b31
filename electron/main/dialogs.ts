// Native open, save and folder dialogs for HostApi.pickFiles, with the filters each purpose
// needs. A save dialog asks before replacing an existing file (macOS and Windows always do; on
// Linux it is the showOverwriteConfirmation property), so a save never silently overwrites.
import { BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import { fileKinds } from '../../core/protocol/file-kinds';
import type { PickFilesRequest } from '../../core/protocol/files';

/** The dialog's filters: the purpose's own kinds first (the one shown), then every file. */
function filtersFor(purpose: PickFilesRequest['purpose']): Electron.FileFilter[] {
  const kind = fileKinds[purpose];
  const any = { name: 'All files', extensions: ['*'] };
  if (kind.extensions.length === 0) return [any];
  const extensions = kind.extensions.map((extension) => extension.slice(1));
  return [{ name: kind.label, extensions }, any];
}

export async function pickFiles(request: PickFilesRequest): Promise<string[] | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (request.mode === 'save') {
    const options: Electron.SaveDialogOptions = {
      // A name only: the page never names a folder.
      defaultPath: request.suggestedName ? path.basename(request.suggestedName) : undefined,
      filters: filtersFor(request.purpose),
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
    filters: request.mode === 'folder' ? undefined : filtersFor(request.purpose),
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
