// The notice at the bottom of the window, with its close button (see use-notice.ts for timing).
import type { Notice } from './use-notice';

export function FileNotice({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  return (
    <div
      className={`file-notice ${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="file-notice"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <span>{notice.message}</span>
      {notice.action ? (
        <button type="button" className="notice-action" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" className="notice-close" aria-label="Close notice" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
