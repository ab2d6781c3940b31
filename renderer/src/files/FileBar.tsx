// The file controls of the title bar (New, Open, Save, Save As, Recent, Import), their keyboard
// shortcuts and native-menu commands, the path prompt for hosts without dialogs (PathPrompt), the
// window title with its unsaved mark, backups of unsaved work and the offer to restore them,
// notice of a file changed by another program, and drag and drop of projects and matrix files.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { decodeProject } from '../../../core/project/container';
import type { BackupSummary, RecentProject } from '../../../core/protocol/files';
import { denseMatrices } from '../state/dense-matrices';
import { useHost, useProjectStore } from '../state/app-context';
import {
  createFileSession,
  newestEntry,
  windowTitle,
  type FileSession,
} from '../state/file-session';
import { useFileChoice, type HostFacts } from './use-file-choice';
import { useFileCommands } from './use-file-commands';
import { titleWithShortcut } from '../keyboard/keymap';
import { useShortcuts } from '../keyboard/use-shortcuts';
import './files.css';

interface Notice {
  message: string;
  kind: 'info' | 'error';
}

const matrixExtensions = /\.(csv|tsv|txt|dat|mtx|npy|safetensors)$/i;
const droppedKinds =
  'Rankscope opens .rankscope projects and matrix files (.csv, .tsv, .txt, .mtx, .npy, .safetensors).';

export function FileBar({ session: given }: { session?: FileSession }) {
  const { host } = useHost();
  const store = useProjectStore();
  const [session] = useState(() => given ?? createFileSession());
  const [facts, setFacts] = useState<HostFacts>({ nativeDialogs: false });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [backups, setBackups] = useState<BackupSummary[]>([]);
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const [changedOnDisk, setChangedOnDisk] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);

  const notify = useCallback(
    (message: string, kind: 'info' | 'error' = 'info') => setNotice({ message, kind }),
    [],
  );
  const uploading = useCallback(
    (fileName: string, sent: number, total: number) =>
      setNotice(
        sent < total
          ? {
              message: `Sending ${fileName} to the host… ${Math.floor((100 * sent) / Math.max(1, total))}%`,
              kind: 'info',
            }
          : null,
      ),
    [],
  );
  const choice = useFileChoice(host, facts, uploading);
  const { dropped } = choice;
  const confirm = useCallback((message: string) => window.confirm(message), []);
  const pickUpload = useCallback(() => importInput.current?.click(), []);
  const commands = useFileCommands(session, {
    choose: choice.choose,
    confirm,
    notify,
    upload: choice.upload,
    pickUpload: facts.nativeDialogs ? undefined : pickUpload,
  });

  const title = useStore(store, (state) => state.document.title);
  const fileName = useStore(session, (state) => state.fileName);
  const file = useStore(session, (state) => state.file);
  const shownPath = useStore(session, (state) => state.shownPath);

  // Host facts, and backups a crashed run left behind.
  useEffect(() => {
    void host
      .info()
      .then((info) => setFacts({ nativeDialogs: info.nativeDialogs, root: info.root }));
    void host.listBackups().then(setBackups, () => setBackups([]));
  }, [host]);

  // The document is clean as opened.
  useEffect(() => {
    session.getState().markSaved(null, newestEntry(store.getState()));
  }, [session, store]);

  useEffect(() => {
    document.title = windowTitle(fileName, title, commands.dirty);
  }, [fileName, title, commands.dirty]);

  // Back up every change; the host writes a second after the last one.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.document === previous.document) return;
        const { sessionId, file: project, savedAt } = session.getState();
        if (newestEntry(state) === savedAt) {
          void host.clearBackup(sessionId).catch(() => {});
          return;
        }
        void host
          .writeBackup({ sessionId, document: state.document, project: project ?? undefined })
          .catch(() => {});
      }),
    [host, store, session],
  );

  // Leaving with unsaved changes asks (Electron shows its own dialog for this).
  useEffect(() => {
    const guard = (event: BeforeUnloadEvent) => {
      if (!commands.dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [commands.dirty]);

  // Another program may change the file while we are away.
  useEffect(() => {
    if (!file) return;
    const check = () =>
      void host.checkExternalChange(file).then(
        (status) => setChangedOnDisk(status === 'modified'),
        () => {},
      );
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [host, file]);

  // Electron's menu, and the same commands from the keymap's shortcuts.
  const latest = useRef(commands);
  latest.current = commands;
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
      const current = latest.current;
      if (command === 'new') current.newProject();
      else if (command === 'open') void current.open();
      else if (command === 'open-recent') void host.recentProjects().then(setRecent);
      else if (command === 'save') void current.save();
      else if (command === 'save-as') void current.saveAs();
      else if (command === 'revert') void current.revert();
      else if (command === 'import') void current.importChosen();
      else if (command === 'launch-files') void openLaunchFiles();
      else if (command === 'undo') store.getState().undo();
      else if (command === 'redo') store.getState().redo();
    };
    runRef.current = run;
    // Files named on the command line open as the page starts (and when a second launch sends more).
    const openLaunchFiles = async () => {
      for (const launched of await host.launchFiles().catch(() => [])) {
        if (/\.rankscope$/i.test(launched.name)) await latest.current.open(launched);
        else await latest.current.importHandle(launched);
      }
    };
    const stopMenu = host.onMenuCommand?.(run);
    void openLaunchFiles();
    return () => {
      stopMenu?.();
    };
  }, [host, store]);

  // Drop a project to open it, or matrix files to import them.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = async (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      // Electron knows where dropped files are: they open from disk, as handles.
      if (host.droppedFiles) {
        const handles = await dropped(files).catch((error: unknown) => {
          notify(`Could not open the dropped files: ${(error as Error).message}`, 'error');
          return [];
        });
        for (const handle of handles) {
          if (/\.rankscope$/i.test(handle.name)) await latest.current.open(handle);
          else if (matrixExtensions.test(handle.name)) await latest.current.importHandle(handle);
          else notify(`${handle.name}: ${droppedKinds}`, 'error');
        }
        return;
      }
      for (const file of files) {
        if (/\.rankscope$/i.test(file.name)) {
          if (
            latest.current.dirty &&
            !window.confirm('This project has unsaved changes. Discard them?')
          )
            continue;
          try {
            const decoded = decodeProject(new Uint8Array(await file.arrayBuffer()), file.name);
            store.getState().loadDocument(decoded.document);
            // The page decoded the file itself, so the dense matrices' numbers are already here;
            // the host keeps a copy too, under the same ids, so the project can be saved.
            for (const [id, blob] of decoded.blobs) {
              const numbers = {
                rows: blob.rows,
                cols: blob.cols,
                data: new Float64Array(blob.data),
              };
              denseMatrices.seed(id, numbers);
              await host.keepMatrix({ matrixId: id, ...numbers });
            }
            session.getState().newSession();
            session.getState().markSaved(null, newestEntry(store.getState()), file.name);
            notify(`Opened ${file.name}. Save As to choose where it is saved.`);
          } catch (error) {
            notify(`Could not open ${file.name}: ${(error as Error).message}`, 'error');
          }
        } else if (matrixExtensions.test(file.name)) {
          await latest.current.importFile(file);
        } else {
          notify(`${file.name}: ${droppedKinds}`, 'error');
        }
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [store, session, host, dropped, notify]);

  const restore = async (backup: BackupSummary) => {
    try {
      const restored = await host.restoreBackup(backup.id);
      store.getState().loadDocument(restored.document);
      session.getState().markSaved(restored.file ?? null, null);
      setBackups((list) => list.filter((item) => item.id !== backup.id));
      notify(
        restored.losses.length > 0
          ? `Restored what could be recovered of "${restored.summary.title}": ${restored.losses.join(' ')} Save it to keep it.`
          : `Restored "${restored.summary.title}". Save it to keep it.`,
        restored.losses.length > 0 ? 'error' : 'info',
      );
    } catch (error) {
      notify(`Could not restore the backup: ${(error as Error).message}`, 'error');
    }
  };
  const discard = async (backup: BackupSummary) => {
    await host.discardBackup(backup.id).catch(() => {});
    setBackups((list) => list.filter((item) => item.id !== backup.id));
  };

  return (
    <>
      <div className="file-bar" role="toolbar" aria-label="File">
        <button
          type="button"
          className="file-button"
          onClick={() => commands.newProject()}
          title={titleWithShortcut('New project', 'new')}
        >
          New
        </button>
        <button
          type="button"
          className="file-button"
          onClick={() => void commands.open()}
          title={titleWithShortcut('Open a project', 'open')}
        >
          Open…
        </button>
        <button
          type="button"
          className="file-button"
          onClick={() => void host.recentProjects().then(setRecent)}
          title={titleWithShortcut('Recent projects', 'open-recent')}
        >
          Recent
        </button>
        <button
          type="button"
          className="file-button"
          onClick={() => void commands.save()}
          title={titleWithShortcut('Save', 'save')}
        >
          Save
        </button>
        <button
          type="button"
          className="file-button"
          onClick={() => void commands.saveAs()}
          title={titleWithShortcut('Save as', 'save-as')}
        >
          Save As…
        </button>
        <button
          type="button"
          className="file-button"
          onClick={() => void commands.importChosen()}
          title={titleWithShortcut('Import a matrix file', 'import')}
        >
          Import…
        </button>
        <input
          ref={importInput}
          type="file"
          hidden
          multiple
          aria-label="Import matrix files"
          accept=".csv,.tsv,.txt,.dat,.mtx,.npy,.safetensors"
          onChange={(event) => {
            for (const file of event.target.files ?? []) void commands.importFile(file);
            event.target.value = '';
          }}
        />
        <span
          className="file-state"
          data-testid="file-state"
          title={shownPath ?? fileName ?? 'Not saved yet'}
        >
          {commands.dirty ? (
            <span className="dirty-mark" aria-label="Unsaved changes">
              ●
            </span>
          ) : null}
          {fileName ?? 'not saved'}
        </span>
      </div>

      {backups.length > 0 ? (
        <div className="file-banner" role="alert">
          {backups.map((backup) => (
            <div key={backup.id} className="file-banner-row">
              <span>
                Rankscope found unsaved work from a session that did not close:{' '}
                <strong>{backup.title}</strong>
                {backup.fileName ? ` (${backup.fileName})` : ''},{' '}
                {new Date(backup.savedAt).toLocaleString()}.
                {backup.problem ? (
                  <span className="file-banner-problem" data-testid="backup-problem">
                    {backup.problem}
                  </span>
                ) : null}
              </span>
              {backup.recoverable ? (
                <button
                  type="button"
                  className="file-button primary"
                  onClick={() => void restore(backup)}
                >
                  {backup.problem ? 'Recover what is left' : 'Restore'}
                </button>
              ) : null}
              <button type="button" className="file-button" onClick={() => void discard(backup)}>
                Discard
              </button>
            </div>
          ))}
        </div>
      ) : null}

      {changedOnDisk && file ? (
        <div className="file-banner" role="alert">
          <div className="file-banner-row">
            <span>{fileName} was changed by another program.</span>
            <button
              type="button"
              className="file-button primary"
              onClick={() => {
                setChangedOnDisk(false);
                void commands.open({ handle: file, name: fileName ?? '', kind: 'file' });
              }}
            >
              Reload it
            </button>
            <button type="button" className="file-button" onClick={() => setChangedOnDisk(false)}>
              Keep mine
            </button>
          </div>
        </div>
      ) : null}

      {notice ? (
        <div
          className={`file-notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => setNotice(null)}
          >
            ×
          </button>
        </div>
      ) : null}

      {recent ? (
        <div className="file-dialog-backdrop" onClick={() => setRecent(null)}>
          <div
            className="file-dialog"
            role="dialog"
            aria-modal="true"
            aria-label="Recent projects"
            onClick={(event) => event.stopPropagation()}
          >
            <h2>Recent projects</h2>
            {recent.length === 0 ? <p>No recent projects yet.</p> : null}
            <ul className="recent-list">
              {recent.map((item) => (
                <li key={item.file.handle}>
                  <button
                    type="button"
                    onClick={() => {
                      setRecent(null);
                      void commands.open(item.file);
                    }}
                  >
                    <strong>{item.file.name}</strong>
                    {item.file.shownPath ? <span>{item.file.shownPath}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
            <div className="file-dialog-actions">
              <button type="button" className="file-button" onClick={() => setRecent(null)}>
                Close
              </button>
            </div>
          </div>
        </div>
      ) : null}

      {choice.promptElement}
    </>
  );
}
