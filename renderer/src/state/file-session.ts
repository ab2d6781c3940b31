// Which file the open document belongs to, and whether it has unsaved changes. Dirty is read off
// the undo history: the document is clean when the newest history entry is the one it was saved
// at, so undoing back to the saved state makes it clean again.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FileHandle, HandleInfo } from '../../../core/protocol/files';
import type { HistoryEntry, ProjectState } from './project-store';

export interface FileSessionState {
  /** The project file's handle, or null for a document never saved (or dropped, unsaved). */
  file: FileHandle | null;
  fileName: string | null;
  /** Web host: the file's path relative to the host's root, as the person typed it. */
  shownPath: string | null;
  /** The history entry current when the document was last saved or opened (null: empty history). */
  savedAt: HistoryEntry | null;
  /** Names this window's backups; new for every document. */
  sessionId: string;
  /** `file` null: no file (new, or a dropped project not saved yet: then `fileName` may name it). */
  markSaved(file: HandleInfo | null, savedAt: HistoryEntry | null, fileName?: string): void;
  newSession(): void;
}

export type FileSession = StoreApi<FileSessionState>;

export function newSessionId(): string {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function createFileSession(): FileSession {
  return createStore<FileSessionState>()((set) => ({
    file: null,
    fileName: null,
    shownPath: null,
    savedAt: null,
    sessionId: newSessionId(),
    markSaved: (file, savedAt, fileName) =>
      set({
        file: file?.handle ?? null,
        fileName: file?.name ?? fileName ?? null,
        shownPath: file?.shownPath ?? null,
        savedAt,
      }),
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

/** What the web host's prompt suggests for a save: a file name from the title, in the root. */
export function suggestedProjectName(title: string): string {
  const stem =
    (title || 'Untitled project')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'project';
  return `${stem}.rankscope`;
}
