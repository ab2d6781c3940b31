// Writes a file so that a crash at any moment leaves either the old contents or the new, never a
// mix: write a temporary file in the same folder, fsync it, rename it over the target (atomic on
// POSIX and NTFS within one volume), then fsync the folder so the rename itself is durable.
import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Called after the temporary file is written and synced, before the rename: tests inject crashes here. */
  beforeRename?: (temporaryPath: string) => void | Promise<void>;
  /** File mode for a new file (an existing file keeps its mode). */
  mode?: number;
}

/** The temporary name beside `target`: hidden, unique per call, recognisable by its suffix. */
export function temporaryPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
}

/** True for names temporaryPathFor makes for `target` (to clean up after a crash). */
export function isTemporaryFor(target: string, name: string): boolean {
  const prefix = `.${path.basename(target)}.`;
  return name.startsWith(prefix) && /^\d+-[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

async function resolveTarget(target: string): Promise<{ file: string; mode?: number }> {
  try {
    // Follow a symbolic link so the link stays and the file it points to is replaced.
    const file = await realpath(target);
    return { file, mode: (await stat(file)).mode & 0o7777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: path.resolve(target) };
    throw error;
  }
}

async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; its rename is durable once it returns.
    const code = (error as NodeJS.ErrnoException).code;
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP'].includes(code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Writes `data` (text, bytes, or bytes in pieces written in order) atomically to `target`. */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string | readonly Uint8Array[],
  options: AtomicWriteOptions = {},
): Promise<void> {
  const { file, mode } = await resolveTarget(target);
  const temporary = temporaryPathFor(file);
  let renamed = false;
  try {
    const handle = await open(temporary, 'wx', mode ?? options.mode ?? 0o666);
    try {
      const pieces =
        typeof data === 'string'
          ? [Buffer.from(data, 'utf8')]
          : data instanceof Uint8Array
            ? [data]
            : data;
      for (const piece of pieces) {
        let written = 0;
        while (written < piece.length) {
          const { bytesWritten } = await handle.write(
            piece,
            written,
            Math.min(piece.length - written, 64 * 1024 * 1024),
          );
          written += bytesWritten;
        }
      }
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.(temporary);
    await rename(temporary, file);
    renamed = true;
    await syncFolder(path.dirname(file));
  } finally {
    if (!renamed) await unlink(temporary).catch(() => undefined);
  }
}

/** Whether a process with this id is running (a signal-0 probe; EPERM means it exists). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files a killed writer left beside `target`; a file whose writer is still
 * running is left alone. Returns the names removed.
 */
export async function removeStaleTemporaryFiles(target: string): Promise<string[]> {
  const folder = path.dirname(path.resolve(target));
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!isTemporaryFor(target, name)) continue;
    const pid = Number(name.slice(path.basename(target).length + 2).split('-')[0]);
    // Ours may be a write in progress in this very process; a live writer is left alone too.
    if (pid === process.pid || isProcessAlive(pid)) continue;
    await unlink(path.join(folder, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
