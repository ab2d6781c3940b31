// Sends a file that exists only in the page (a drop from another machine, the browser's file
// input) to the host in chunks, in order, with progress and cancel; the host writes it to a
// temporary file and hands back a handle, so large files never travel as one message and never
// sit whole in the page's memory (each chunk is read from the File as it is sent).
import type { HandleInfo } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';
import { abortError } from './run-job';

export const uploadChunkBytes = 8 * 1024 ** 2;

export interface UploadOptions {
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/** A Blob-like file: the browser's File, or a test's stand-in. */
export interface UploadSource {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export async function uploadFile(
  host: Pick<HostApi, 'beginUpload' | 'uploadChunk' | 'finishUpload' | 'cancelUpload'>,
  file: UploadSource,
  options: UploadOptions = {},
): Promise<HandleInfo> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError();
  const { uploadId } = await host.beginUpload({ fileName: file.name, size: file.size });
  try {
    let offset = 0;
    onProgress?.(0, file.size);
    while (offset < file.size) {
      if (signal?.aborted) throw abortError();
      const end = Math.min(file.size, offset + uploadChunkBytes);
      const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
      await host.uploadChunk({ uploadId, offset, bytes });
      offset = end;
      onProgress?.(offset, file.size);
    }
    if (signal?.aborted) throw abortError();
    return await host.finishUpload(uploadId);
  } catch (error) {
    await host.cancelUpload(uploadId).catch(() => undefined);
    throw error;
  }
}
