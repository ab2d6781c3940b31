// The matrices in the files given to `rankscope analyze`, one at a time. A checkpoint in any format
// the Lab reads (safetensors, GGUF, PyTorch zip, ONNX, .npy, .npz; one file, a shard index or a
// folder of shards) is opened as `analyze --report` opens it (checkpoints/open-target.ts, then
// core/weights/checkpoint): headers only; each tensor is then decoded on its turn straight into
// the SVD's workspace (core/formats/tensor-decoding), so at most one is in memory. Sources are
// always closed, also when a header is bad, so no file handle is left for the garbage collector
// to close with a warning. A text or MatrixMarket file is one matrix, read by the command line's
// reader.
import path from 'node:path';
import { bytesSource } from '../../core/formats/byte-source';
import { decodeTensor } from '../../core/formats/tensor-decoding';
import { looksLikeZip } from '../../core/formats/zip-directory';
import type { Matrix } from '../../core/linalg/matrix';
import type { WeightDescription } from '../../core/weights/weight-row';
import {
  checkpointFileExtensions,
  openCheckpoint,
  type Checkpoint,
  type CheckpointFiles,
} from '../../core/weights/checkpoint';
import { openTarget } from './checkpoints/open-target';
import { CliInputError } from './input-error';
import { inputName, matrixFromBytes, readFilePrefix, readMatrixArgument } from './input';

export interface WeightItem {
  description: WeightDescription;
  /**
   * Reads the matrix only when asked, so at most one tensor is in memory at a time; `transposed`
   * when it holds the weight's transpose (same singular values, no transposing copy).
   */
  load(): Promise<{ matrix: Matrix; transposed: boolean }>;
}

export interface WeightListing {
  items: WeightItem[];
  /** Tensors left out (vectors and scalars are not matrices worth a row). */
  skipped: string[];
  /** What the checkpoint's reader noticed or passed over, in sentences. */
  notes: string[];
  close(): Promise<void>;
}

/** The weights a command-line argument names: a checkpoint (file, index or folder) or a matrix. */
export async function listWeights(file: string, wanted: string[] = []): Promise<WeightListing> {
  if (!(await isCheckpoint(file))) return single(await readMatrixArgument(file));
  const { checkpoint, files } = await openTarget(file);
  try {
    return listTensors(checkpoint, files, inputName(file), wanted, () => files.close());
  } catch (error) {
    await files.close();
    throw error;
  }
}

/** Weights given on standard input, held in memory: a checkpoint file, or one matrix. */
export async function listWeightsInMemory(
  bytes: Uint8Array,
  wanted: string[] = [],
): Promise<WeightListing> {
  const name = inputName('-');
  if (!startsLikeCheckpoint(bytes)) return single(await matrixFromBytes(name, '', bytes));
  const source = bytesSource(bytes);
  const files: CheckpointFiles = {
    open(file) {
      if (file !== name)
        throw new CliInputError(
          `${name}: the checkpoint names another file, ${JSON.stringify(file)}, which standard input cannot hold`,
        );
      return source;
    },
  };
  return listTensors(await openCheckpoint(files, name), files, name, wanted, async () => {});
}

/** A folder, a checkpoint's extension, or (without one) a checkpoint's first bytes. */
async function isCheckpoint(file: string): Promise<boolean> {
  if (file === '-') return false;
  const extension = path.extname(file).toLowerCase();
  if (checkpointFileExtensions.includes(extension) || /\.index\.json$/i.test(file)) return true;
  if (extension !== '') return false;
  // Without an extension: a folder of shards, a checkpoint by its magic, else a matrix file.
  const prefix = readFilePrefix(file, 9, { folders: true });
  return prefix === 'folder' || startsLikeCheckpoint(prefix);
}

/**
 * The first bytes of a checkpoint `openCheckpoint` can tell without a name: GGUF, .npy, a zip
 * (PyTorch or .npz), or safetensors (an 8-byte header length, then '{'). ONNX has no magic.
 */
function startsLikeCheckpoint(bytes: Uint8Array): boolean {
  const text = String.fromCharCode(...bytes.subarray(0, 6));
  return (
    text.startsWith('GGUF') ||
    text === '\x93NUMPY' ||
    looksLikeZip(bytes) ||
    (bytes.length > 9 && bytes[8] === 0x7b)
  );
}

function single(input: {
  name: string;
  rows: number;
  cols: number;
  binary: boolean;
  format: string;
  matrix: Matrix;
}): WeightListing {
  const description: WeightDescription = {
    name: path.basename(input.name),
    shape: [input.rows, input.cols],
    dtype: input.binary ? input.format : 'text',
  };
  const load = async () => ({ matrix: input.matrix, transposed: false });
  return { items: [{ description, load }], skipped: [], notes: [], close: async () => {} };
}

function listTensors(
  checkpoint: Checkpoint,
  files: CheckpointFiles,
  name: string,
  wanted: string[],
  close: () => Promise<void>,
): WeightListing {
  const { tensors } = checkpoint;
  for (const tensor of wanted) {
    if (!tensors.some((entry) => entry.name === tensor)) {
      throw new CliInputError(
        `${name}: no tensor named "${tensor}" (it has ${tensors.length}: ${tensors
          .slice(0, 8)
          .map((entry) => entry.name)
          .join(', ')}${tensors.length > 8 ? ', …' : ''})`,
      );
    }
  }
  const isMatrix = (tensor: Checkpoint['tensors'][number]) => tensor.data.shape.length >= 2;
  const chosen = tensors.filter((tensor) =>
    wanted.length > 0 ? wanted.includes(tensor.name) : isMatrix(tensor),
  );
  const skipped =
    wanted.length > 0 ? [] : tensors.filter((tensor) => !isMatrix(tensor)).map(({ name }) => name);
  const items = chosen.map((tensor): WeightItem => {
    const description: WeightDescription = {
      name: tensor.name,
      shape: tensor.data.shape,
      dtype: tensor.dtype,
    };
    if (tensor.reshaped) description.reshaped = tensor.reshaped;
    return {
      description,
      // As the report's full pass decodes it (core/jobs/checkpoint-tensor.ts): the SVD wants it
      // tall, so it is placed transposed when that is the cheaper way.
      load: async () => {
        const source = await files.open(tensor.data.file);
        const decoded = await decodeTensor(source, tensor.data, {
          tensorName: tensor.name,
          layout: 'spectrum',
        });
        return { matrix: decoded.matrix, transposed: decoded.transposed };
      },
    };
  });
  return { items, skipped, notes: checkpoint.notes, close };
}
