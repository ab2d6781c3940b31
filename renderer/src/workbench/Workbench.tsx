// The workbench shell: header, matrix list, view tabs, inspector and status bar, plus the
// history shortcuts (undo, redo) and Help for the whole window.
import { useEffect, useState } from 'react';
import { titleWithShortcut } from '../keyboard/keymap';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { denseMatrices } from '../state/dense-matrices';
import { FileBar } from '../files/FileBar';
import { createFileSession, type FileSession } from '../state/file-session';
import { FileSessionContext, useProject, useProjectStore } from '../state/app-context';
import { HelpMenu } from './HelpMenu';
import { RedoIcon, UndoIcon } from '../views/shared/icons';
import { Inspector } from './Inspector';
import { MatrixList } from './MatrixList';
import { StatusBar } from './StatusBar';
import { ViewTabs } from './ViewTabs';
import './workbench.css';

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
      <HelpMenu />
      <div className="history-buttons" role="group" aria-label="History">
        <button
          type="button"
          className="icon-button"
          aria-label="Undo"
          title={titleWithShortcut('Undo', 'undo')}
          disabled={!canUndo}
          onClick={undo}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Redo"
          title={titleWithShortcut('Redo', 'redo')}
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

  // Our history replaces the inputs' own undo, which would fight the store.
  useShortcuts({ undo: () => store.getState().undo(), redo: () => store.getState().redo() });

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
