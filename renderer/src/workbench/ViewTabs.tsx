// The centre area: one tab per registered view, following the WAI-ARIA tabs pattern
// (arrow keys move between tabs, the panel is labelled by its tab).
import { useCallback, useState, type KeyboardEvent } from 'react';
import { selectedMatrix } from '../state/project-store';
import { OpenViewContext, useProject } from '../state/app-context';
import { views } from './views';

export function ViewTabs() {
  const [activeId, setActiveId] = useState(views[0].id);
  const matrix = useProject(selectedMatrix);
  const active = views.find((view) => view.id === activeId) ?? views[0];
  const Component = active.component;
  const openView = useCallback((viewId: string) => {
    if (views.some((view) => view.id === viewId)) setActiveId(viewId);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = views[(index + step + views.length) % views.length];
    setActiveId(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }

  return (
    <main className="center">
      <div className="tablist" role="tablist" aria-label="Views">
        {views.map((view, index) => (
          <button
            key={view.id}
            id={`tab-${view.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={view.id === active.id}
            aria-controls={`panel-${view.id}`}
            tabIndex={view.id === active.id ? 0 : -1}
            onClick={() => setActiveId(view.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {view.title}
          </button>
        ))}
      </div>
      <div
        className="tabpanel"
        role="tabpanel"
        id={`panel-${active.id}`}
        aria-labelledby={`tab-${active.id}`}
      >
        <OpenViewContext.Provider value={openView}>
          {matrix ? (
            <Component key={matrix.id} matrixId={matrix.id} />
          ) : (
            <p className="empty-note">Add a matrix with “New matrix” to begin.</p>
          )}
        </OpenViewContext.Provider>
      </div>
    </main>
  );
}
