// A checkpoint named on the command line — a file, a shard index (`*.index.json`) or a folder of
// shards — opened where it lies: headers read, the files kept open until close().
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openCheckpoint, type Checkpoint } from '../../../core/weights/checkpoint';
import { checkpointFolder, type CheckpointFolder } from '../../services/checkpoint-folder';
import { CliInputError } from '../input-error';
import { fileKind } from '../file-kind';

export interface OpenedTarget {
  checkpoint: Checkpoint;
  files: CheckpointFolder;
}

export async function openTarget(target: string): Promise<OpenedTarget> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new CliInputError(`${target}: no such file or folder`);
  if (!info.isFile() && !info.isDirectory())
    throw new CliInputError(`${target}: ${fileKind(info)}, not a regular file or a folder`);
  const folder = info.isDirectory() ? path.resolve(target) : path.dirname(path.resolve(target));
  const files = checkpointFolder(folder, { listable: info.isDirectory() });
  try {
    const checkpoint = await openCheckpoint(
      files,
      info.isDirectory() ? undefined : path.basename(target),
    );
    return { checkpoint, files };
  } catch (error) {
    await files.close();
    throw error;
  }
}
