// The file bar's one notice ("Imported scores.csv (4×3)", "Could not open …"): information goes
// away by itself after a few seconds, errors stay until closed, and every notice can be closed.
import { useCallback, useEffect, useState } from 'react';

export interface Notice {
  message: string;
  kind: 'info' | 'error';
  /** Shown until replaced (progress), never timed out. */
  lasting?: boolean;
  /** A button beside the message ("Cancel" on a transfer). */
  action?: { label: string; run: () => void };
}

/** Long enough to read a sentence twice; short enough not to cover the views for long. */
export const infoNoticeMilliseconds = 6000;

export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (!notice || notice.kind === 'error' || notice.lasting) return;
    const timer = window.setTimeout(() => setNotice(null), infoNoticeMilliseconds);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const notify = useCallback(
    (message: string, kind: 'info' | 'error' = 'info') => setNotice({ message, kind }),
    [],
  );
  const close = useCallback(() => setNotice(null), []);
  return { notice, notify, show: setNotice, close };
}
