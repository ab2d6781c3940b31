// The matrices in the files given to `rankscope analyze`, one at a time: safetensors tensors are
// read from disk one by one through a byte source; other formats are small enough to read whole.
import path from 'node:path';
import { readSafetensorsIndex, readTensor } from '../../core/formats/safetensors';
import type { Matrix } from '../../core/linalg/matrix';
import type { WeightDescription } from '../../core/jobs/weight-analysis';
import { openFileByteSource } from '../services/file-byte-source';
import { CliInputError } from './input-error';
import { readFileBytes, readMatrixFile } from './read-matrix';
import { parseNpy } from '../../core/formats/npy';

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
  const extension = path.extname(file).toLowerCase();
  if (extension === '.npy') {
    // Decoded straight into the SVD's workspace, read as its transpose when that saves a copy.
    const npy = parseNpy(readFileBytes(file), {
      file,
      maxEntries: 2 ** 28,
      layout: 'spectrum',
    });
    return {
      items: [
        {
          description: {
            name: path.basename(file),
            shape: npy.originalShape,
            dtype: npy.dtype,
            reshaped: npy.note,
          },
          load: async () => ({ matrix: npy.matrix, transposed: npy.transposed ?? false }),
        },
      ],
      skipped: [],
      close: async () => {},
    };
  }
  if (extension !== '.safetensors') {
    const loaded = readMatrixFile(file);
    return {
      items: [
        {
          description: {
            name: path.basename(file),
            shape: [loaded.rows, loaded.cols],
            dtype: loaded.dtype,
          },
          load: async () => ({ matrix: loaded.matrix, transposed: false }),
        },
      ],
      skipped: [],
      close: async () => {},
    };
  }
  let source;
  try {
    source = await openFileByteSource(file);
  } catch {
    throw new CliInputError(`${file}: no such file`);
  }
  const entries = await readSafetensorsIndex(source, path.basename(file));
  for (const name of wanted) {
    if (!entries.some((entry) => entry.name === name)) {
      await source.close();
      throw new CliInputError(
        `${file}: no tensor named "${name}" (it has ${entries.length}: ${entries
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
        const tensor = await readTensor(source, entry, {
          fileName: path.basename(file),
          layout: 'spectrum',
        });
        if (tensor.reshapedFrom) description.reshaped = tensor.reshapedFrom;
        return { matrix: tensor.matrix, transposed: tensor.transposed ?? false };
      },
    };
  });
  return { items, skipped, close: () => source.close() };
}
