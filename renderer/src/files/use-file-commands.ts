// New, Open, Save, Save As, Revert and Import for the open document, on whichever host runs the
// page: native dialogs where the host has them, an in-page path prompt where it does not.
import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { HostApi } from '../../../core/protocol/host-api';
import { projectVersion, type ProjectDocument } from '../../../core/project/schema';
import type { FilePurpose, ImportedMatrix } from '../../../core/protocol/files';
import { addImported } from './add-imported';
import { useHost, useProjectStore } from '../state/app-context';
import {
  isDirty,
  newestEntry,
  suggestedProjectPath,
  type FileSession,
} from '../state/file-session';

export type PathPrompt = (request: {
  title: string;
  purpose: FilePurpose;
  mode: 'open' | 'save';
  suggestion: string;
}) => Promise<string | null>;
export type Confirm = (message: string) => boolean;
export type Notify = (message: string, kind?: 'info' | 'error') => void;

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

async function choosePath(
  host: HostApi,
  nativeDialogs: boolean,
  prompt: PathPrompt,
  request: { title: string; purpose: FilePurpose; mode: 'open' | 'save'; suggestion: string },
): Promise<string | null> {
  if (nativeDialogs) {
    const picked = await host.pickPath({
      mode: request.mode,
      purpose: request.purpose,
      suggestedName: request.suggestion,
    });
    return picked?.[0] ?? null;
  }
  return prompt(request);
}

export interface FileCommands {
  dirty: boolean;
  newProject(): void;
  open(path?: string): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  revert(): Promise<void>;
  importFromPath(): Promise<void>;
  importFile(file: File): Promise<void>;
}

export function useFileCommands(
  session: FileSession,
  ui: {
    prompt: PathPrompt;
    confirm: Confirm;
    notify: Notify;
    nativeDialogs: boolean;
    homeFolder: string;
  },
): FileCommands {
  const { host } = useHost();
  const store = useProjectStore();
  const newest = useStore(store, newestEntry);
  const savedAt = useStore(session, (state) => state.savedAt);
  const dirty = newest !== savedAt;
  const { prompt, confirm, notify, nativeDialogs, homeFolder } = ui;

  const mayDiscard = useCallback(
    () =>
      !isDirty(store.getState(), session.getState()) ||
      confirm('This project has unsaved changes. Discard them?'),
    [store, session, confirm],
  );

  const adopt = useCallback(
    (document: ProjectDocument, path: string | null, fileName: string | null) => {
      const previous = session.getState().sessionId;
      void host.clearBackup(previous).catch(() => {});
      store.getState().loadDocument(document);
      session.getState().newSession();
      session.getState().markSaved(path, fileName, newestEntry(store.getState()));
    },
    [host, store, session],
  );

  const writeTo = useCallback(
    async (path: string, blobsFrom?: string) => {
      const request = { path, document: store.getState().document, blobsFrom };
      let saved;
      try {
        saved = await host.saveProject(request);
      } catch (error) {
        if ((error as Error).name !== 'ExternalChange') throw error;
        if (!confirm(`${(error as Error).message} Overwrite it with your version?`)) return;
        saved = await host.saveProject({ ...request, overwriteExternalChanges: true });
      }
      session.getState().markSaved(saved.path, saved.fileName, newestEntry(store.getState()));
      await host.clearBackup(session.getState().sessionId).catch(() => {});
      notify(`Saved ${saved.fileName}`);
    },
    [host, store, session, confirm, notify],
  );

  return useMemo<FileCommands>(() => {
    const report = (what: string) => (error: unknown) =>
      notify(`${what}: ${(error as Error).message}`, 'error');
    const suggestion = () => suggestedProjectPath(homeFolder, store.getState().document.title);
    const adoptImport = (imported: ImportedMatrix) => {
      notify(addImported(store.getState(), imported));
    };
    return {
      dirty,
      newProject() {
        if (mayDiscard()) adopt(emptyDocument(), null, null);
      },
      async open(path) {
        if (!mayDiscard()) return;
        const chosen =
          path ??
          (await choosePath(host, nativeDialogs, prompt, {
            title: 'Open project',
            purpose: 'project',
            mode: 'open',
            suggestion: suggestion(),
          }));
        if (!chosen) return;
        await host.openProject(chosen).then((opened) => {
          adopt(opened.document, opened.path, opened.fileName);
          notify(
            opened.fileVersion < projectVersion
              ? `Opened ${opened.fileName} (updated from file version ${opened.fileVersion})`
              : `Opened ${opened.fileName}`,
          );
        }, report('Could not open the project'));
      },
      async save() {
        const current = session.getState().path;
        if (!current) return this.saveAs();
        await writeTo(current).catch(report('Could not save'));
      },
      async saveAs() {
        const chosen = await choosePath(host, nativeDialogs, prompt, {
          title: 'Save project as',
          purpose: 'project',
          mode: 'save',
          suggestion: session.getState().path ?? suggestion(),
        });
        if (!chosen) return;
        const target = /\.rankscope$/i.test(chosen) ? chosen : `${chosen}.rankscope`;
        await writeTo(target, session.getState().path ?? undefined).catch(report('Could not save'));
      },
      async revert() {
        const current = session.getState().path;
        if (!current)
          return notify('This project has never been saved, so there is nothing to revert to.');
        if (!confirm('Throw away every change since the last save?')) return;
        await host
          .openProject(current)
          .then(
            (opened) => adopt(opened.document, opened.path, opened.fileName),
            report('Could not revert'),
          );
      },
      async importFromPath() {
        if (!nativeDialogs)
          return notify('Drop a matrix file onto the window, or use "Import file…".');
        const chosen = await host.pickPath({ mode: 'open', purpose: 'matrix' });
        if (!chosen?.[0]) return;
        await host
          .importMatrix({ path: chosen[0] })
          .then(adoptImport)
          .catch(report('Could not import'));
      },
      async importFile(file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        await host
          .importMatrix({ fileName: file.name, bytes })
          .then(adoptImport)
          .catch(report('Could not import'));
      },
    };
  }, [
    dirty,
    mayDiscard,
    adopt,
    host,
    nativeDialogs,
    prompt,
    homeFolder,
    store,
    session,
    writeTo,
    notify,
    confirm,
  ]);
}
