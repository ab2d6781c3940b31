// Drop a project on the window to open it, or matrix files to import them. Electron knows where
// dropped files are, so they open from disk as handles; a browser page reads the bytes itself.
import { useEffect, useRef } from 'react';
import { decodeProject } from '../../../core/project/container';
import { isKind } from '../../../core/protocol/file-kinds';
import type { HandleInfo } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';
import { denseMatrices } from '../state/dense-matrices';
import { newestEntry, type FileSession } from '../state/file-session';
import type { ProjectStore } from '../state/project-store';
import type { FileCommands, Notify } from './use-file-commands';

const droppedKinds =
  'Rankscope opens .rankscope projects and matrix files (.csv, .tsv, .txt, .mtx, .npy, .safetensors, or a matrix written in .m, .py, .jl, .r, .tex, .wl or .json).';

export function useFileDrop(
  host: HostApi,
  store: ProjectStore,
  session: FileSession,
  commands: FileCommands,
  dropped: (files: File[]) => Promise<HandleInfo[]>,
  notify: Notify,
): void {
  const latest = useRef(commands);
  latest.current = commands;

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    /** A project file the page holds, decoded here: the host is sent its dense numbers. */
    const openDroppedProject = async (file: File) => {
      if (
        latest.current.dirty &&
        !window.confirm('This project has unsaved changes. Discard them?')
      )
        return;
      try {
        const decoded = decodeProject(new Uint8Array(await file.arrayBuffer()), file.name);
        store.getState().loadDocument(decoded.document);
        // The host keeps a copy of the dense matrices too, under the same ids, so the project
        // can be saved.
        for (const [id, blob] of decoded.blobs) {
          const numbers = { rows: blob.rows, cols: blob.cols, data: new Float64Array(blob.data) };
          denseMatrices.seed(id, numbers);
          await host.keepMatrix({ matrixId: id, ...numbers });
        }
        session.getState().newSession();
        session.getState().markSaved(null, newestEntry(store.getState()), file.name);
        notify(`Opened ${file.name}. Save As to choose where it is saved.`);
      } catch (error) {
        notify(`Could not open ${file.name}: ${(error as Error).message}`, 'error');
      }
    };
    const drop = async (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      if (host.droppedFiles) {
        const handles = await dropped(files).catch((error: unknown) => {
          notify(`Could not open the dropped files: ${(error as Error).message}`, 'error');
          return [];
        });
        for (const handle of handles) {
          if (/\.rankscope$/i.test(handle.name)) await latest.current.open(handle);
          else if (isKind(handle.name, 'matrix')) await latest.current.importHandle(handle);
          else notify(`${handle.name}: ${droppedKinds}`, 'error');
        }
        return;
      }
      for (const file of files) {
        if (/\.rankscope$/i.test(file.name)) await openDroppedProject(file);
        else if (isKind(file.name, 'matrix')) await latest.current.importFile(file);
        else notify(`${file.name}: ${droppedKinds}`, 'error');
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [store, session, host, dropped, notify]);
}
