// The recent-projects list, opened from the Recent button, the menu or its shortcut: a modal
// dialog (Escape, the backdrop or Close dismiss it); choosing a project opens it.
import type { HandleInfo, RecentProject } from '../../../core/protocol/files';
import { ModalDialog } from '../dialogs/ModalDialog';

export function RecentDialog({
  recent,
  onOpen,
  onClose,
}: {
  recent: RecentProject[];
  onOpen: (file: HandleInfo) => void;
  onClose: () => void;
}) {
  return (
    <ModalDialog title="Recent projects" onClose={onClose}>
      {recent.length === 0 ? (
        <p className="file-dialog-hint">No recent projects yet.</p>
      ) : (
        <ul className="recent-list">
          {recent.map((item) => (
            <li key={item.file.handle}>
              <button type="button" onClick={() => onOpen(item.file)}>
                <strong>{item.file.name}</strong>
                {item.file.shownPath ? <span>{item.file.shownPath}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </ModalDialog>
  );
}
