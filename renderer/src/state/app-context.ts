// What every component may reach for, provided once by main.tsx and the workbench: the host,
// the project store, the file the document belongs to, and the way to switch views.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createFileSession, type FileSession } from './file-session';
import type { ChosenHost } from '../host';
import type { ProjectState, ProjectStore } from './project-store';

export const HostContext = createContext<ChosenHost | null>(null);
export const StoreContext = createContext<ProjectStore | null>(null);
/** Which file the document belongs to; absent where no file bar runs (a view drawn alone). */
export const FileSessionContext = createContext<FileSession | null>(null);

export function useHost(): ChosenHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() needs a HostContext provider.');
  return host;
}

export function useProjectStore(): ProjectStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useProject() needs a StoreContext provider.');
  return store;
}

export function useProject<T>(selector: (state: ProjectState) => T): T {
  return useStore(useProjectStore(), selector);
}

const noSession = createFileSession();

/** The handle of the project file the document was opened from or saved to, or null. */
export function useProjectPath(): string | null {
  const session = useContext(FileSessionContext);
  return useStore(session ?? noSession, (state) => (session ? state.file : null));
}

/** Switches the centre area to a view by id (provided by ViewTabs, which keeps the active tab). */
export const OpenViewContext = createContext<((viewId: string) => void) | null>(null);

/** The tab switcher, or null outside the workbench (a view drawn alone, as in component tests). */
export function useOpenView(): ((viewId: string) => void) | null {
  return useContext(OpenViewContext);
}
