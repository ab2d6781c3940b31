// A ByteSource over a file on disk: parsers read only the byte ranges they ask for, so a
// multi-gigabyte weight file is never loaded whole.
import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from '../../core/formats/byte-source';

export interface FileByteSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileByteSource(file: string): Promise<FileByteSource> {
  const handle: FileHandle = await open(file, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new RangeError(
          `bytes ${offset}…${offset + length} lie outside the ${size}-byte file`,
        );
      }
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
