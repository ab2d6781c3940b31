// Help in the title bar: the keyboard shortcuts (F1 or ?), listed from the keymap, and
// Diagnostics, a panel with the responsiveness check that leaves the workbench usable beside it.
import { useEffect, useRef, useState } from 'react';
import { keymap, shortcutText, titleWithShortcut, type Binding } from '../keyboard/keymap';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { StressTest } from './StressTest';

function groupsOf(bindings: readonly Binding[]): [string, Binding[]][] {
  const groups = new Map<string, Binding[]>();
  for (const binding of bindings)
    groups.set(binding.group, [...(groups.get(binding.group) ?? []), binding]);
  return [...groups];
}

function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="help-dialog"
      aria-label="Keyboard shortcuts"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === dialogRef.current) dialogRef.current?.close();
      }}
    >
      <div className="help-dialog-body">
        <div className="panel-header">
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="button-small" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
        {groupsOf(keymap).map(([group, bindings]) => (
          <section key={group} aria-label={group}>
            <h3 className="section-title">{group}</h3>
            <dl className="shortcut-list">
              {bindings.map((binding) => (
                <div key={binding.command}>
                  <dt>{binding.label}</dt>
                  <dd data-testid={`shortcut-${binding.command}`}>
                    <kbd>{shortcutText(binding.command)}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="muted">
          The Reduce view’s keys work while its step controls are shown and no text field has focus.
          Undo and redo act on the project, except inside a text field other than the matrix grid.
        </p>
      </div>
    </dialog>
  );
}

function DiagnosticsPanel({ onClose }: { onClose(): void }) {
  return (
    <aside className="diagnostics-panel" aria-label="Diagnostics">
      <div className="panel-header">
        <h2>Diagnostics</h2>
        <button type="button" className="button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <StressTest />
    </aside>
  );
}

export function HelpMenu() {
  const [menuOpen, setMenuOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  useShortcuts({ help: () => setShortcutsOpen(true) });

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !menuRef.current?.contains(event.target as Node)
      )
        setMenuOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [menuOpen]);

  function choose(open: () => void) {
    setMenuOpen(false);
    open();
  }

  return (
    <div className="help-menu" ref={menuRef}>
      <button
        type="button"
        className="file-button"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((open) => !open)}
      >
        Help
      </button>
      {menuOpen ? (
        <div className="help-menu-items" role="menu" aria-label="Help">
          <button
            type="button"
            role="menuitem"
            title={titleWithShortcut('Keyboard shortcuts', 'help')}
            onClick={() => choose(() => setShortcutsOpen(true))}
          >
            Keyboard shortcuts
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => choose(() => setDiagnosticsOpen(true))}
          >
            Diagnostics
          </button>
        </div>
      ) : null}
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {diagnosticsOpen ? <DiagnosticsPanel onClose={() => setDiagnosticsOpen(false)} /> : null}
    </div>
  );
}
