// The file controls of the title bar (New, Open, Save, Save As, Recent, Import) and what goes with
// them: the path prompt for hosts without dialogs (PathPrompt), the window title and the
// question before leaving (use-window-guards), backups (use-backups), a file changed by another
// program (use-external-change), shortcuts and the native menu (use-file-menu), drag and drop
// (use-file-drop), and the notice that reports what happened (use-notice).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { acceptAttribute } from '../../../core/protocol/file-kinds';
import type { RecentProject } from '../../../core/protocol/files';
import { useHost, useProjectStore } from '../state/app-context';
import { createFileSession, newestEntry, type FileSession } from '../state/file-session';
import { titleWithShortcut } from '../keyboard/keymap';
import { BackupBanner } from './BackupBanner';
import { FileNotice } from './FileNotice';
import { RecentDialog } from './RecentDialog';
import { useBackups } from './use-backups';
import { useExternalChange } from './use-external-change';
import { useFileChoice, type HostFacts } from './use-file-choice';
import { useFileCommands } from './use-file-commands';
import { useFileDrop } from './use-file-drop';
import { useFileMenu } from './use-file-menu';
import { useNotice } from './use-notice';
import { useWindowGuards } from './use-window-guards';
import './files.css';

export function FileBar({ session: given }: { session?: FileSession }) {
  const { host } = useHost();
  const store = useProjectStore();
  const [session] = useState(() => given ?? createFileSession());
  const [facts, setFacts] = useState<HostFacts>({ nativeDialogs: false });
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const { notice, notify, show, close } = useNotice();

  const uploading = useCallback(
    (fileName: string, sent: number, total: number, cancel: () => void) =>
      show(
        sent < total
          ? {
              message: `Sending ${fileName} to the host… ${Math.floor((100 * sent) / Math.max(1, total))}%`,
              kind: 'info',
              lasting: true,
              action: { label: 'Cancel', run: cancel },
            }
          : null,
      ),
    [show],
  );
  const choice = useFileChoice(host, facts, uploading);
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

  useEffect(() => {
    void host
      .info()
      .then((info) => setFacts({ nativeDialogs: info.nativeDialogs, root: info.root }));
  }, [host]);

  // The document is clean as opened.
  useEffect(() => {
    session.getState().markSaved(null, newestEntry(store.getState()));
  }, [session, store]);

  const openRecent = useCallback(() => void host.recentProjects().then(setRecent), [host]);
  const backups = useBackups(host, store, session, notify);
  const [changedOnDisk, setChangedOnDisk] = useExternalChange(host, file);
  useWindowGuards(fileName, title, commands.dirty);
  useFileMenu(host, store, commands, openRecent);
  useFileDrop(host, store, session, commands, choice.dropped, notify);

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
          onClick={openRecent}
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
          accept={acceptAttribute('matrix')}
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

      <BackupBanner
        backups={backups.backups}
        onRestore={(backup) => void backups.restore(backup)}
        onDiscard={(backup) => void backups.discard(backup)}
      />

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

      {notice ? <FileNotice notice={notice} onClose={close} /> : null}

      {recent ? (
        <RecentDialog
          recent={recent}
          onOpen={(chosen) => {
            setRecent(null);
            void commands.open(chosen);
          }}
          onClose={() => setRecent(null)}
        />
      ) : null}

      {choice.promptElement}
    </>
  );
}
