// Which file the open document belongs to, and whether it has unsaved changes. Dirty is read off
// the undo history: the document is clean when the newest history entry is the one it was saved
// at, so undoing back to the saved state makes it clean again.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistoryEntry, ProjectState } from './project-store';

export interface FileSessionState {
  /** The project file, or null for a document never saved. */
  path: string | null;
  fileName: string | null;
  /** The history entry current when the document was last saved or opened (null: empty history). */
  savedAt: HistoryEntry | null;
  /** Names this window's backups; new for every document. */
  sessionId: string;
  markSaved(path: string | null, fileName: string | null, savedAt: HistoryEntry | null): void;
  newSession(): void;
}

export type FileSession = StoreApi<FileSessionState>;

export function newSessionId(): string {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function createFileSession(): FileSession {
  return createStore<FileSessionState>()((set) => ({
    path: null,
    fileName: null,
    savedAt: null,
    sessionId: newSessionId(),
    markSaved: (path, fileName, savedAt) => set({ path, fileName, savedAt }),
    newSession: () => set({ sessionId: newSessionId() }),
  }));
}

export function newestEntry(state: Pick<ProjectState, 'past'>): HistoryEntry | null {
  return state.past[state.past.length - 1] ?? null;
}

export function isDirty(
  project: Pick<ProjectState, 'past'>,
  session: Pick<FileSessionState, 'savedAt'>,
): boolean {
  return newestEntry(project) !== session.savedAt;
}

/** The window title: a dot for unsaved changes, then the file (or project) name. */
export function windowTitle(fileName: string | null, projectTitle: string, dirty: boolean): string {
  const name = fileName ?? (projectTitle || 'Untitled project');
  return `${dirty ? '● ' : ''}${name} — Rankscope`;
}

/** Where the web host suggests saving: a Rankscope folder in the person's home. */
export function suggestedProjectPath(homeFolder: string, title: string): string {
  const stem =
    (title || 'Untitled project')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'project';
  const separator = homeFolder.includes('\\') ? '\\' : '/';
  return `${homeFolder}${separator}Rankscope${separator}${stem}.rankscope`;
}
