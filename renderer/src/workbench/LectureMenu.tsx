// Lecture in the title bar: present the current view full screen (F5). Electron's View → Present
// sends the same command.
import { useEffect } from 'react';
import { titleWithShortcut } from '../keyboard/keymap';
import { runCommand } from '../keyboard/use-shortcuts';
import { useHost } from '../state/app-context';
import { TitleMenu } from './TitleMenu';

export function LectureMenu() {
  const { host } = useHost();

  useEffect(
    () =>
      host.onMenuCommand?.((command) => {
        if (command === 'present') runCommand(command);
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
      ]}
    />
  );
}
