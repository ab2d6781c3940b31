// How this page gets files from the person, as handles: native dialogs where the host has them
// (Electron), the path prompt inside the served folder where it does not (the web host); files
// only the page holds (a drop from another machine, the browser's file input) are uploaded.
import { useCallback, type ReactNode } from 'react';
import type { HandleInfo } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';
import { uploadFile } from '../host/upload-file';
import { usePathPrompt, type PathRequest } from './PathPrompt';

export interface HostFacts {
  nativeDialogs: boolean;
  /** The web host's root folder. */
  root?: string;
}

export function useFileChoice(
  host: HostApi,
  facts: HostFacts,
  onUploadProgress: (fileName: string, sent: number, total: number, cancel: () => void) => void,
): {
  choose(request: PathRequest): Promise<HandleInfo | null>;
  /** Sends a file the page holds; cancelled by the progress callback's cancel, or `stop`. */
  upload(file: File, stop?: AbortController): Promise<HandleInfo>;
  /** Handles for files dropped on the window. */
  dropped(files: File[]): Promise<HandleInfo[]>;
  promptElement: ReactNode;
} {
  const prompt = usePathPrompt(host, facts.root);
  const choosePrompt = prompt.choose;
  const choose = useCallback(
    async (request: PathRequest) => {
      if (!facts.nativeDialogs) return choosePrompt(request);
      const picked = await host.pickFiles({
        mode: request.mode,
        purpose: request.purpose,
        suggestedName: request.suggestion.split(/[\\/]/).pop() || undefined,
      });
      return picked?.[0] ?? null;
    },
    [host, facts.nativeDialogs, choosePrompt],
  );
  const upload = useCallback(
    (file: File, stop = new AbortController()) =>
      uploadFile(host, file, {
        signal: stop.signal,
        onProgress: (sent, total) => onUploadProgress(file.name, sent, total, () => stop.abort()),
      }),
    [host, onUploadProgress],
  );
  const dropped = useCallback(
    async (files: File[]) => {
      // Electron reads where a dropped file is on disk; a file with no place there is uploaded.
      if (host.droppedFiles) {
        try {
          return await host.droppedFiles(files);
        } catch {
          // Fall through to uploading them.
        }
      }
      // One Cancel stops the files not yet sent as well.
      const stop = new AbortController();
      const handles: HandleInfo[] = [];
      for (const file of files) handles.push(await upload(file, stop));
      return handles;
    },
    [host, upload],
  );
  return { choose, upload, dropped, promptElement: prompt.element };
}
