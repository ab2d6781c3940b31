// Backups of unsaved work: every document change is sent to the host, which writes it a second
// after the last one (crash recovery); returning to the saved state clears the backup instead.
// A plain subscription, so it is tested without React and started once by the file bar.
import type { HostApi } from '../../../core/protocol/host-api';
import { newestEntry, type FileSession } from './file-session';
import type { ProjectStore } from './project-store';

export function keepBackups(
  host: Pick<HostApi, 'writeBackup' | 'clearBackup'>,
  store: ProjectStore,
  session: FileSession,
): () => void {
  return store.subscribe((state, previous) => {
    if (state.document === previous.document) return;
    const { sessionId, file: project, savedAt } = session.getState();
    // A failed backup must not interrupt editing; the next change tries again.
    if (newestEntry(state) === savedAt) {
      void host.clearBackup(sessionId).catch(() => {});
      return;
    }
    void host
      .writeBackup({ sessionId, document: state.document, project: project ?? undefined })
      .catch(() => {});
  });
}
