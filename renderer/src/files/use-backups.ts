// Backups: unsaved work is backed up as it changes (state/backups.ts); at start, backups a
// crashed run left behind are listed with the means to restore or discard each.
import { useCallback, useEffect, useState } from 'react';
import type { BackupSummary } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';
import { keepBackups } from '../state/backups';
import type { FileSession } from '../state/file-session';
import type { ProjectStore } from '../state/project-store';
import type { Notify } from './use-file-commands';

export function useBackups(
  host: HostApi,
  store: ProjectStore,
  session: FileSession,
  notify: Notify,
) {
  const [backups, setBackups] = useState<BackupSummary[]>([]);

  useEffect(() => {
    void host.listBackups().then(setBackups, () => setBackups([]));
  }, [host]);

  useEffect(() => keepBackups(host, store, session), [host, store, session]);

  const forget = (backup: BackupSummary) =>
    setBackups((list) => list.filter((item) => item.id !== backup.id));

  const restore = useCallback(
    async (backup: BackupSummary) => {
      try {
        const restored = await host.restoreBackup(backup.id);
        store.getState().loadDocument(restored.document);
        session.getState().markSaved(restored.file ?? null, null);
        forget(backup);
        notify(
          restored.losses.length > 0
            ? `Restored what could be recovered of "${restored.summary.title}": ${restored.losses.join(' ')} Save it to keep it.`
            : `Restored "${restored.summary.title}". Save it to keep it.`,
          restored.losses.length > 0 ? 'error' : 'info',
        );
      } catch (error) {
        notify(`Could not restore the backup: ${(error as Error).message}`, 'error');
      }
    },
    [host, store, session, notify],
  );

  const discard = useCallback(
    async (backup: BackupSummary) => {
      await host.discardBackup(backup.id).catch(() => {});
      forget(backup);
    },
    [host],
  );

  return { backups, restore, discard };
}
