// The offer to restore unsaved work a crashed run left behind, one row per backup.
import type { BackupSummary } from '../../../core/protocol/files';

export function BackupBanner({
  backups,
  onRestore,
  onDiscard,
}: {
  backups: BackupSummary[];
  onRestore: (backup: BackupSummary) => void;
  onDiscard: (backup: BackupSummary) => void;
}) {
  if (backups.length === 0) return null;
  return (
    <div className="file-banner" role="alert">
      {backups.map((backup) => (
        <div key={backup.id} className="file-banner-row">
          <span>
            Rankscope found unsaved work from a session that did not close:{' '}
            <strong>{backup.title}</strong>
            {backup.fileName ? ` (${backup.fileName})` : ''},{' '}
            {new Date(backup.savedAt).toLocaleString()}.
            {backup.problem ? (
              <span className="file-banner-problem" data-testid="backup-problem">
                {backup.problem}
              </span>
            ) : null}
          </span>
          {backup.recoverable ? (
            <button type="button" className="file-button primary" onClick={() => onRestore(backup)}>
              {backup.problem ? 'Recover what is left' : 'Restore'}
            </button>
          ) : null}
          <button type="button" className="file-button" onClick={() => onDiscard(backup)}>
            Discard
          </button>
        </div>
      ))}
    </div>
  );
}
