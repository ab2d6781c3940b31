// The matrices in the files given to `rankscope analyze`, one at a time: safetensors tensors are
// read from disk one by one through a byte source (always closed, also when the index is bad, so
// no file handle is left for the garbage collector to close with a warning); .npy straight into
// the SVD's workspace; other formats are small enough to read whole.
import path from 'node:path';
import { bytesSource, type ByteSource } from '../../core/formats/byte-source';
import { readSafetensorsIndex, readTensor } from '../../core/formats/safetensors';
import { parseNpy } from '../../core/formats/npy';
import type { Matrix } from '../../core/linalg/matrix';
import type { WeightDescription } from '../../core/weights/weight-row';
import { openFileByteSource } from '../services/file-byte-source';
import { CliInputError } from './input-error';
import {
  checkRegularFile,
  inputName,
  matrixFromBytes,
  readArgumentBytes,
  readMatrixArgument,
} from './input';

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
  close(): Promise<void>;
}

export async function listWeights(file: string, wanted: string[] = []): Promise<WeightListing> {
  const name = inputName(file);
  const extension = file === '-' ? '' : path.extname(file).toLowerCase();
  if (extension === '.npy') {
    // Decoded straight into the SVD's workspace, read as its transpose when that saves a copy.
    const npy = parseNpy(await readArgumentBytes(file), {
      file: name,
      maxEntries: 2 ** 28,
      layout: 'spectrum',
    });
    const description = {
      name: path.basename(name),
      shape: npy.originalShape,
      dtype: npy.dtype,
      reshaped: npy.note,
    };
    return single(description, async () => ({
      matrix: npy.matrix,
      transposed: npy.transposed ?? false,
    }));
  }
  if (extension !== '.safetensors') {
    const loaded = await readMatrixArgument(file);
    const description = {
      name: path.basename(name),
      shape: [loaded.rows, loaded.cols],
      dtype: loaded.binary ? loaded.format : 'text',
    };
    return single(description, async () => ({ matrix: loaded.matrix, transposed: false }));
  }
  checkRegularFile(file);
  let source: ByteSource & { close?: () => Promise<void> };
  try {
    source = await openFileByteSource(file);
  } catch {
    throw new CliInputError(`${name}: cannot be opened`);
  }
  const close = async () => {
    await source.close?.();
  };
  try {
    return await listTensors(source, name, wanted, close);
  } catch (error) {
    await close();
    throw error;
  }
}

function single(description: WeightDescription, load: WeightItem['load']): WeightListing {
  return { items: [{ description, load }], skipped: [], close: async () => {} };
}

async function listTensors(
  source: ByteSource,
  name: string,
  wanted: string[],
  close: () => Promise<void>,
): Promise<WeightListing> {
  const fileName = path.basename(name);
  const entries = await readSafetensorsIndex(source, fileName);
  for (const tensor of wanted) {
    if (!entries.some((entry) => entry.name === tensor)) {
      throw new CliInputError(
        `${name}: no tensor named "${tensor}" (it has ${entries.length}: ${entries
          .slice(0, 8)
          .map((entry) => entry.name)
          .join(', ')}${entries.length > 8 ? ', …' : ''})`,
      );
    }
  }
  const chosen = entries.filter((entry) =>
    wanted.length > 0 ? wanted.includes(entry.name) : entry.shape.length >= 2,
  );
  const skipped =
    wanted.length > 0
      ? []
      : entries.filter((entry) => entry.shape.length < 2).map((entry) => entry.name);
  const items = chosen.map((entry): WeightItem => {
    const description: WeightDescription = {
      name: entry.name,
      shape: entry.shape,
      dtype: entry.dtype,
    };
    return {
      description,
      load: async () => {
        const tensor = await readTensor(source, entry, { fileName, layout: 'spectrum' });
        if (tensor.reshapedFrom) description.reshaped = tensor.reshapedFrom;
        return { matrix: tensor.matrix, transposed: tensor.transposed ?? false };
      },
    };
  });
  return { items, skipped, close };
}

/** Weights given on standard input, held in memory: a safetensors file, or one matrix. */
export async function listWeightsInMemory(
  bytes: Uint8Array,
  wanted: string[] = [],
): Promise<WeightListing> {
  // A safetensors file opens with its header's length (8 bytes) and then the header's "{".
  if (bytes.length > 9 && bytes[8] === 0x7b)
    return listTensors(bytesSource(bytes), 'standard input', wanted, async () => {});
  const loaded = await matrixFromBytes('standard input', '', bytes);
  const description = {
    name: 'standard input',
    shape: [loaded.rows, loaded.cols],
    dtype: loaded.binary ? loaded.format : 'text',
  };
  return single(description, async () => ({ matrix: loaded.matrix, transposed: false }));
}
