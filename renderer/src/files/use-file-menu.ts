// The file commands from outside the buttons: the keymap's shortcuts, Electron's native menu,
// and files named on the command line (opened as the page starts, and on a second launch).
import { useEffect, useRef } from 'react';
import type { HostApi } from '../../../core/protocol/host-api';
import { runMenuCommand, useShortcuts } from '../keyboard/use-shortcuts';
import type { ProjectStore } from '../state/project-store';
import type { FileCommands } from './use-file-commands';

export function useFileMenu(
  host: HostApi,
  store: ProjectStore,
  commands: FileCommands,
  openRecent: () => void,
): void {
  // The menu listener is registered once; it reads the newest commands through this ref.
  const latest = useRef({ commands, openRecent });
  latest.current = { commands, openRecent };
  const runRef = useRef<(command: string) => void>(() => {});
  useShortcuts({
    new: () => runRef.current('new'),
    open: () => runRef.current('open'),
    'open-recent': () => runRef.current('open-recent'),
    save: () => runRef.current('save'),
    'save-as': () => runRef.current('save-as'),
    import: () => runRef.current('import'),
  });
  useEffect(() => {
    const run = (command: string) => {
      const current = latest.current.commands;
      if (command === 'new') current.newProject();
      else if (command === 'open') void current.open();
      else if (command === 'open-recent') latest.current.openRecent();
      else if (command === 'save') void current.save();
      else if (command === 'save-as') void current.saveAs();
      else if (command === 'revert') void current.revert();
      else if (command === 'import') void current.importChosen();
      else if (command === 'launch-files') void openLaunchFiles();
      else if (command === 'undo' || command === 'redo') {
        // As Ctrl+Z would: a text field's own typing, a view's history, else the document's.
        if (!runMenuCommand(command)) store.getState()[command]();
      }
    };
    runRef.current = run;
    const openLaunchFiles = async () => {
      for (const launched of await host.launchFiles().catch(() => [])) {
        if (/\.rankscope$/i.test(launched.name)) await latest.current.commands.open(launched);
        else await latest.current.commands.importHandle(launched);
      }
    };
    const stopMenu = host.onMenuCommand?.(run);
    void openLaunchFiles();
    return () => {
      stopMenu?.();
    };
  }, [host, store]);
}
