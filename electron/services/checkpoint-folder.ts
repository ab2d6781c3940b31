// A checkpoint's files on disk, as core reaches them (CheckpointFiles): the files of one folder,
// opened by name, each once, as random-access byte sources (never read whole). Names come from the
// checkpoint itself (a shard index, ONNX external data), so each is checked by core's rule and then
// by its real path: a name or a symbolic link that leads out of the folder is refused. Used by the
// host (headers, fingerprint), by the pool's workers (one tensor each) and by the CLI.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkRelativeFileName } from '../../core/formats/byte-reading';
import { FormatError } from '../../core/formats/format-error';
import type { CheckpointFiles } from '../../core/weights/checkpoint';
import { openFileByteSource, type FileByteSource } from './file-byte-source';
import { isInside } from './file-handles';

export interface CheckpointFolder extends CheckpointFiles {
  open(name: string): Promise<FileByteSource>;
  /** Closes every file it opened. */
  close(): Promise<void>;
}

/**
 * The files inside `folder` (absolute). With `listable`, list() names its regular files (a folder
 * of shards the person chose); without, only the names the checkpoint itself gives are reached.
 */
export function checkpointFolder(
  folder: string,
  options: { listable?: boolean } = {},
): CheckpointFolder {
  const opened = new Map<string, Promise<FileByteSource>>();
  let realFolder: Promise<string> | undefined;
  const inside = async (name: string): Promise<string> => {
    const problem = checkRelativeFileName(name);
    if (problem) throw new FormatError(`the file ${JSON.stringify(name)} is refused: ${problem}`);
    realFolder ??= realpath(folder);
    const root = await realFolder;
    let real: string;
    try {
      real = await realpath(path.join(root, name));
    } catch {
      throw new FormatError(`the checkpoint names ${name}, which is not in its folder`, {
        file: name,
      });
    }
    if (!isInside(root, real))
      throw new FormatError(
        `${name} leads out of the checkpoint's folder (a link); it is refused`,
        {
          file: name,
        },
      );
    return real;
  };
  const files: CheckpointFolder = {
    open(name) {
      let source = opened.get(name);
      if (!source) {
        source = inside(name).then((real) => openFileByteSource(real));
        opened.set(name, source);
        // A failed open is not kept: the next caller gets the same clear error again.
        source.catch(() => opened.delete(name));
      }
      return source;
    },
    async close() {
      const sources = [...opened.values()];
      opened.clear();
      await Promise.all(
        sources.map((source) => source.then((open) => open.close()).catch(() => undefined)),
      );
    },
  };
  if (options.listable) {
    files.list = async () => {
      const names: string[] = [];
      for (const name of await readdir(folder)) {
        const info = await stat(path.join(folder, name)).catch(() => null);
        if (info?.isFile()) names.push(name);
      }
      return names.sort();
    };
  }
  return files;
}
