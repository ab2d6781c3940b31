// The files each purpose of a dialog offers, from the readers' own lists: Electron's dialog
// filters, the page's file input and the path prompt's hint all say the same, so a file the
// readers read is never hidden behind a filter (a GGUF, a shard index, a saved report).
import { fileExtension } from '../formats/file-extension';
import { matrixFileExtensions } from '../formats/matrix-file-extensions';
import { checkpointFileExtensions } from '../weights/checkpoint-files';
import type { FilePurpose } from './files';

export interface FileKind {
  /** What the files are, in words ("Checkpoints"). */
  label: string;
  /** Extensions with their dot, lower case; empty for any file. */
  extensions: string[];
}

export const fileKinds: Record<FilePurpose, FileKind> = {
  project: { label: 'Rankscope projects', extensions: ['.rankscope'] },
  matrix: { label: 'Matrix files', extensions: matrixFileExtensions },
  // A sharded checkpoint opens from its index, model.safetensors.index.json.
  weights: { label: 'Checkpoints', extensions: [...checkpointFileExtensions, '.json'] },
  report: { label: 'Weight reports', extensions: ['.jsonl'] },
  export: { label: 'All files', extensions: [] },
};

/** The kinds as an `accept` attribute of a file input (".csv,.tsv,…"). */
export function acceptAttribute(purpose: FilePurpose): string {
  return fileKinds[purpose].extensions.join(',');
}

/** Whether a file's name has one of the purpose's extensions. */
export function isKind(fileName: string, purpose: FilePurpose): boolean {
  const extension = fileExtension(fileName);
  return extension !== '' && fileKinds[purpose].extensions.includes(extension);
}
