// A ByteSource over a file on disk: parsers read only the byte ranges they ask for, so a
// multi-gigabyte weight file is never loaded whole. Only regular files are opened.
import type { ByteSource } from '../../core/formats/byte-source';
import { openRegularFile } from './regular-file';

export interface FileByteSource extends ByteSource {
  close(): Promise<void>;
}

export interface ByteSourceOptions {
  /** The most bytes one read may ask for: a range past it is refused before anything is allocated. */
  largestRead?: number;
}

export async function openFileByteSource(
  file: string,
  options: ByteSourceOptions = {},
): Promise<FileByteSource> {
  const { handle, size } = await openRegularFile(file);
  const largestRead = options.largestRead ?? Number.POSITIVE_INFINITY;
  return {
    size,
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new RangeError(
          `bytes ${offset}…${offset + length} lie outside the ${size}-byte file`,
        );
      }
      if (length > largestRead)
        throw new RangeError(
          `reading ${length} bytes at once is more than the ${largestRead}-byte budget of one read`,
        );
      const buffer = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === length ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}
