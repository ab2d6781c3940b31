// The window around the document: its title with the unsaved mark, and the question before
// leaving with unsaved changes (Electron shows its own dialog for this).
import { useEffect } from 'react';
import { windowTitle } from '../state/file-session';

export function useWindowGuards(fileName: string | null, title: string, dirty: boolean): void {
  useEffect(() => {
    document.title = windowTitle(fileName, title, dirty);
  }, [fileName, title, dirty]);

  useEffect(() => {
    const guard = (event: BeforeUnloadEvent) => {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);
}
