// The workbench shell: header, matrix list, view tabs, inspector and status bar, plus the
// history shortcuts (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y) for the whole window.
import { useEffect, useState } from 'react';
import { documentTakesHistoryKey, historyCommandFor } from '../state/history-keys';
import { denseMatrices } from '../state/dense-matrices';
import { FileBar } from '../files/FileBar';
import { createFileSession, type FileSession } from '../files/file-session';
import { FileSessionContext, useProject, useProjectStore } from './app-context';
import { RedoIcon, UndoIcon } from './icons';
import { Inspector } from './Inspector';
import { MatrixList } from './MatrixList';
import { StatusBar } from './StatusBar';
import { ViewTabs } from './ViewTabs';
import './workbench.css';

const nonTextInputTypes = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'submit',
  'reset',
]);

function focusFacts(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return { editsText: false, inDocumentEditor: false };
  const editsText =
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !nonTextInputTypes.has(target.type));
  return { editsText, inDocumentEditor: target.closest('[data-document-history]') !== null };
}

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d="M5 3H3v14h2M15 3h2v14h-2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="6.5" y="5.5" width="3" height="3" rx="0.6" fill="currentColor" />
      <rect x="10.5" y="9.5" width="3" height="3" rx="0.6" fill="currentColor" opacity="0.75" />
      <rect x="6.5" y="12.5" width="7" height="1.6" rx="0.6" fill="currentColor" opacity="0.35" />
    </svg>
  );
}

function Header({ session }: { session: FileSession }) {
  const title = useProject((state) => state.document.title);
  const canUndo = useProject((state) => state.past.length > 0);
  const canRedo = useProject((state) => state.future.length > 0);
  const undo = useProject((state) => state.undo);
  const redo = useProject((state) => state.redo);
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  const modifier = isMac ? '⌘' : 'Ctrl+';
  return (
    <header className="titlebar">
      <div className="brand">
        <Logo />
        <span className="app-name">Rankscope</span>
      </div>
      <span className="title-separator" aria-hidden="true">
        /
      </span>
      <h1 className="project-title" data-testid="project-title">
        {title || 'Untitled project'}
      </h1>
      <FileBar session={session} />
      <span className="status-spacer" />
      <div className="history-buttons" role="group" aria-label="History">
        <button
          type="button"
          className="icon-button"
          aria-label="Undo"
          title={`Undo (${modifier}Z)`}
          disabled={!canUndo}
          onClick={undo}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Redo"
          title={`Redo (${isMac ? '⌘⇧Z' : 'Ctrl+Y'})`}
          disabled={!canRedo}
          onClick={redo}
        >
          <RedoIcon />
        </button>
      </div>
    </header>
  );
}

export function Workbench() {
  const store = useProjectStore();
  const [session] = useState(createFileSession);

  // The numbers of a dense matrix that left the project (deleted, or another project opened) go.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.document.matrices === previous.document.matrices) return;
        denseMatrices.keepOnly(new Set(state.document.matrices.map((matrix) => matrix.id)));
      }),
    [store],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const command = historyCommandFor(event);
      if (!command || !documentTakesHistoryKey(focusFacts(event.target))) return;
      // Our history replaces the inputs' own undo, which would fight the store.
      event.preventDefault();
      if (command === 'undo') store.getState().undo();
      else store.getState().redo();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  return (
    <FileSessionContext.Provider value={session}>
      <div className="app">
        <Header session={session} />
        <div className="layout">
          <MatrixList />
          <ViewTabs />
          <Inspector />
        </div>
        <StatusBar />
      </div>
    </FileSessionContext.Provider>
  );
}
