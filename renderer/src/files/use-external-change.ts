// Another program may change the project file while the window is away: checked on focus.
import { useEffect, useState } from 'react';
import type { FileHandle } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';

export function useExternalChange(
  host: Pick<HostApi, 'checkExternalChange'>,
  file: FileHandle | null,
): [boolean, (changed: boolean) => void] {
  const [changedOnDisk, setChangedOnDisk] = useState(false);
  useEffect(() => {
    if (!file) return;
    const check = () =>
      void host.checkExternalChange(file).then(
        (status) => setChangedOnDisk(status === 'modified'),
        () => {},
      );
    window.addEventListener('focus', check);
    return () => window.removeEventListener('focus', check);
  }, [host, file]);
  return [changedOnDisk && file !== null, setChangedOnDisk];
}
