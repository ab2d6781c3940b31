// Opens a file for reading only if it is a regular file: a FIFO, a device (/dev/zero) or a folder
// chosen by mistake or by malice is refused at once, by name, instead of blocking or reading
// forever. O_NONBLOCK makes opening a FIFO return at once, so it can be refused too.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export class NotARegularFileError extends Error {
  override name = 'NotARegularFile';
}

const readFlags =
  process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

/** The open file and its size; the caller closes it. */
export async function openRegularFile(file: string): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(file, readFlags);
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const what = info.isDirectory()
        ? 'a folder'
        : info.isFIFO()
          ? 'a pipe (FIFO)'
          : info.isCharacterDevice() || info.isBlockDevice()
            ? 'a device'
            : info.isSocket()
              ? 'a socket'
              : 'not a regular file';
      throw new NotARegularFileError(
        `${path.basename(file)} is ${what}, not a file that can be read.`,
      );
    }
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
