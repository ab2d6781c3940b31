// Lecture in the title bar: present the current view full screen (F5), and make a worksheet of
// exercises with its answer key (Ctrl/⌘+Shift+E). Electron's menu sends the same two commands.
import { useEffect, useState } from 'react';
import { titleWithShortcut } from '../keyboard/keymap';
import { runCommand, useShortcuts } from '../keyboard/use-shortcuts';
import { useHost } from '../state/app-context';
import { TitleMenu } from './TitleMenu';
import { WorksheetDialog } from './WorksheetDialog';

export function LectureMenu() {
  const { host } = useHost();
  const [worksheetOpen, setWorksheetOpen] = useState(false);
  useShortcuts({ worksheet: () => setWorksheetOpen(true) });

  // Electron's View → Present and File → New Worksheet… arrive as menu commands.
  useEffect(
    () =>
      host.onMenuCommand?.((command) => {
        if (command === 'present' || command === 'worksheet') runCommand(command);
      }),
    [host],
  );

  return (
    <TitleMenu
      label="Lecture"
      items={[
        {
          label: 'Present',
          title: titleWithShortcut('Present the current view full screen', 'present'),
          choose: () => runCommand('present'),
        },
        {
          label: 'Worksheet…',
          title: titleWithShortcut('Make a worksheet with an answer key', 'worksheet'),
          choose: () => setWorksheetOpen(true),
        },
      ]}
    >
      {worksheetOpen ? <WorksheetDialog onClose={() => setWorksheetOpen(false)} /> : null}
    </TitleMenu>
  );
}
