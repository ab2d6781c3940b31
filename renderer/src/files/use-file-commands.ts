// New, Open, Save, Save As, Revert and Import for the open document, on whichever host runs the
// page. Files are chosen as handles (native dialogs in Electron, the path prompt in the web host,
// a drop, the recent list): the page never holds a path.
import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import { projectVersion, type ProjectDocument } from '../../../core/project/schema';
import type { HandleInfo, ImportedMatrix } from '../../../core/protocol/files';
import { addImported } from './add-imported';
import { useHost, useProjectStore } from '../state/app-context';
import {
  isDirty,
  newestEntry,
  suggestedProjectName,
  type FileSession,
} from '../state/file-session';
import type { PathRequest } from './PathPrompt';

/** A native dialog or the path prompt: the chosen file's handle, or null when cancelled. */
export type ChooseFile = (request: PathRequest) => Promise<HandleInfo | null>;
export type Confirm = (message: string) => boolean;
export type Notify = (message: string, kind?: 'info' | 'error') => void;
/** A file only the page has (a drop, the file input), sent to the host as a handle. */
export type UploadFile = (file: File) => Promise<HandleInfo>;

export function emptyDocument(): ProjectDocument {
  return {
    type: 'rankscope',
    version: projectVersion,
    title: 'Untitled project',
    matrices: [
      {
        id: 'matrix-1',
        name: 'A',
        entries: [
          ['1', '0', '0'],
          ['0', '1', '0'],
          ['0', '0', '1'],
        ],
      },
    ],
    views: {},
    notes: '',
  } as ProjectDocument;
}

export interface FileCommands {
  dirty: boolean;
  newProject(): void;
  open(file?: HandleInfo): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  revert(): Promise<void>;
  /** Import through a dialog (Electron) or the path prompt (web host). */
  importChosen(): Promise<void>;
  /** Import a file the page holds (uploaded first). */
  importFile(file: File): Promise<void>;
  importHandle(file: HandleInfo): Promise<void>;
}

export function useFileCommands(
  session: FileSession,
  ui: {
    choose: ChooseFile;
    confirm: Confirm;
    notify: Notify;
    upload: UploadFile;
    uploadLabel?: string;
    pickUpload?: () => void;
  },
): FileCommands {
  const { host } = useHost();
  const store = useProjectStore();
  const newest = useStore(store, newestEntry);
  const savedAt = useStore(session, (state) => state.savedAt);
  const dirty = newest !== savedAt;
  const { choose, confirm, notify, upload, pickUpload } = ui;

  const mayDiscard = useCallback(
    () =>
      !isDirty(store.getState(), session.getState()) ||
      confirm('This project has unsaved changes. Discard them?'),
    [store, session, confirm],
  );

  const adopt = useCallback(
    (document: ProjectDocument, file: HandleInfo | null) => {
      const previous = session.getState().sessionId;
      void host.clearBackup(previous).catch(() => {});
      store.getState().loadDocument(document);
      session.getState().newSession();
      session.getState().markSaved(file, newestEntry(store.getState()));
    },
    [host, store, session],
  );

  const writeTo = useCallback(
    async (file: string, blobsFrom?: string) => {
      const request = { file, document: store.getState().document, blobsFrom };
      let saved;
      try {
        saved = await host.saveProject(request);
      } catch (error) {
        if ((error as Error).name !== 'ExternalChange') throw error;
        if (!confirm(`${(error as Error).message} Overwrite it with your version?`)) return;
        saved = await host.saveProject({ ...request, overwriteExternalChanges: true });
      }
      session.getState().markSaved(saved.file, newestEntry(store.getState()));
      await host.clearBackup(session.getState().sessionId).catch(() => {});
      notify(`Saved ${saved.file.shownPath ?? saved.file.name}`);
    },
    [host, store, session, confirm, notify],
  );

  return useMemo<FileCommands>(() => {
    const report = (what: string) => (error: unknown) =>
      notify(`${what}: ${(error as Error).message}`, 'error');
    const adoptImport = (imported: ImportedMatrix) => {
      notify(addImported(store.getState(), imported));
    };
    const importHandle = (file: HandleInfo) =>
      host.importMatrix({ file: file.handle }).then(adoptImport).catch(report('Could not import'));
    return {
      dirty,
      newProject() {
        if (mayDiscard()) adopt(emptyDocument(), null);
      },
      async open(given) {
        if (!mayDiscard()) return;
        const chosen =
          given ??
          (await choose({
            title: 'Open project',
            purpose: 'project',
            mode: 'open',
            suggestion: '',
          }));
        if (!chosen) return;
        await host.openProject(chosen.handle).then((opened) => {
          adopt(opened.document, opened.file);
          const name = opened.file.shownPath ?? opened.file.name;
          notify(
            opened.fileVersion < projectVersion
              ? `Opened ${name} (updated from file version ${opened.fileVersion})`
              : `Opened ${name}`,
          );
        }, report('Could not open the project'));
      },
      async save() {
        const current = session.getState().file;
        if (!current) return this.saveAs();
        await writeTo(current).catch(report('Could not save'));
      },
      async saveAs() {
        const { shownPath, fileName, file } = session.getState();
        const chosen = await choose({
          title: 'Save project as',
          purpose: 'project',
          mode: 'save',
          suggestion:
            shownPath ?? fileName ?? suggestedProjectName(store.getState().document.title),
        });
        if (!chosen) return;
        await writeTo(chosen.handle, file ?? undefined).catch(report('Could not save'));
      },
      async revert() {
        const current = session.getState().file;
        if (!current)
          return notify('This project has never been saved, so there is nothing to revert to.');
        if (!confirm('Throw away every change since the last save?')) return;
        await host
          .openProject(current)
          .then((opened) => adopt(opened.document, opened.file), report('Could not revert'));
      },
      async importChosen() {
        const chosen = await choose({
          title: 'Import a matrix',
          purpose: 'matrix',
          mode: 'open',
          suggestion: '',
          upload: pickUpload ? { label: 'Upload from this computer…', run: pickUpload } : undefined,
        });
        if (chosen) await importHandle(chosen);
      },
      async importFile(file) {
        await upload(file).then(importHandle, (error: unknown) =>
          (error as Error).name === 'AbortError'
            ? notify(`Stopped sending ${file.name}; nothing was imported.`)
            : report(`Could not import ${file.name}`)(error),
        );
      },
      importHandle,
    };
  }, [
    dirty,
    mayDiscard,
    adopt,
    host,
    choose,
    store,
    session,
    writeTo,
    notify,
    confirm,
    upload,
    pickUpload,
  ]);
}
