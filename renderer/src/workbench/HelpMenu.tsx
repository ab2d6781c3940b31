// Help in the title bar: the keyboard shortcuts (F1 or ?), listed from the keymap, and
// Diagnostics, a panel with the responsiveness check that leaves the workbench usable beside it.
import { useState } from 'react';
import { keymap, shortcutText, titleWithShortcut, type Binding } from '../keyboard/keymap';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { StressTest } from './StressTest';
import { ModalDialog } from '../dialogs/ModalDialog';
import { TitleMenu } from './TitleMenu';

function groupsOf(bindings: readonly Binding[]): [string, Binding[]][] {
  const groups = new Map<string, Binding[]>();
  for (const binding of bindings)
    groups.set(binding.group, [...(groups.get(binding.group) ?? []), binding]);
  return [...groups];
}

function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose}>
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
        Undo and redo act on the project, except inside a text field other than the matrix grid. In
        presenter mode a clicker’s keys step the Reduce view; any other key works as usual.
      </p>
    </ModalDialog>
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
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);
  useShortcuts({ help: () => setShortcutsOpen(true) });
  return (
    <TitleMenu
      label="Help"
      items={[
        {
          label: 'Keyboard shortcuts',
          title: titleWithShortcut('Keyboard shortcuts', 'help'),
          choose: () => setShortcutsOpen(true),
        },
        { label: 'Diagnostics', choose: () => setDiagnosticsOpen(true) },
      ]}
    >
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {diagnosticsOpen ? <DiagnosticsPanel onClose={() => setDiagnosticsOpen(false)} /> : null}
    </TitleMenu>
  );
}
