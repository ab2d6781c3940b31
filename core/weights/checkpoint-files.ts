// The checkpoint formats Rankscope reads and the file extensions that name them: a module of its
// own so that dialogs and the page can list them without the readers.

import { fileExtension } from '../formats/file-extension';

export type CheckpointFormat = 'safetensors' | 'npy' | 'npz' | 'gguf' | 'pytorch' | 'onnx';

const formatOfExtension: Record<string, CheckpointFormat> = {
  '.safetensors': 'safetensors',
  '.gguf': 'gguf',
  '.pt': 'pytorch',
  '.pth': 'pytorch',
  '.bin': 'pytorch',
  '.ckpt': 'pytorch',
  '.onnx': 'onnx',
  '.npz': 'npz',
  '.npy': 'npy',
};

/** Extensions of the files openCheckpoint reads, besides a shard index (`*.index.json`). */
export const checkpointFileExtensions = Object.keys(formatOfExtension);

/** The format a file's name says, if its extension is a checkpoint's. */
export function checkpointFormatByName(name: string): CheckpointFormat | undefined {
  const extension = fileExtension(name);
  return Object.hasOwn(formatOfExtension, extension) ? formatOfExtension[extension] : undefined;
}
