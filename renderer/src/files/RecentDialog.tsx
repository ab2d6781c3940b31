// The recent-projects list, opened from the Recent button, the menu or its shortcut.
import type { HandleInfo, RecentProject } from '../../../core/protocol/files';

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
    <div className="file-dialog-backdrop" onClick={onClose}>
      <div
        className="file-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Recent projects"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h2>Recent projects</h2>
        {recent.length === 0 ? <p>No recent projects yet.</p> : null}
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
        <div className="file-dialog-actions">
          <button type="button" className="file-button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
