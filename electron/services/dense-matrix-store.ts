// Matrices larger than the editor, imported in this run: the host keeps their numbers under a
// fresh matrix id, which the page's project matrix takes, so views can read them, saves can write
// them into the .rankscope container and backups can keep them, without the page holding them.
import { randomUUID } from 'node:crypto';
import { EntryError } from '../../core/exact/entry';
import { FormatError } from '../../core/formats/format-error';
import type { Matrix } from '../../core/linalg/matrix';
import { matrixFromCells } from '../../core/project/matrix-from-cells';
import type { ProjectDocument } from '../../core/project/schema';

/** Kept matrices may leave this much of their buffer unused (a .npy header) before being copied. */
const keptWasteBytes = 1024 ** 2;

export class DenseMatrixStore {
  private readonly matrices = new Map<string, Matrix>();

  /** Keeps a matrix under a new id ("dense-<uuid>", within the project schema's 64 characters). */
  add(matrix: Matrix): string {
    const id = `dense-${randomUUID()}`;
    this.matrices.set(id, compactMatrix(matrix, keptWasteBytes));
    return id;
  }

  /** Keeps a matrix under an id it already has (restored from a backup). */
  put(id: string, matrix: Matrix): void {
    this.matrices.set(id, compactMatrix(matrix, keptWasteBytes));
  }

  get(id: string): Matrix | undefined {
    return this.matrices.get(id);
  }

  /** The kept matrices a document's dense references name: what a save or a backup must write. */
  of(document: ProjectDocument): Map<string, Matrix> {
    const found = new Map<string, Matrix>();
    for (const matrix of document.matrices) {
      const kept = matrix.dense ? this.matrices.get(matrix.id) : undefined;
      if (kept) found.set(matrix.id, kept);
    }
    return found;
  }
}

/**
 * The matrix with numbers that own their buffer (but for `wastedBytes`). Parsers hand back views
 * into the file's bytes when they can; kept for the whole run, such a view would pin the whole
 * file (a safetensors of many tensors), and structured clone would send the whole buffer with it.
 */
export function compactMatrix(matrix: Matrix, wastedBytes = 0): Matrix {
  const { data } = matrix;
  if (data.buffer.byteLength - data.byteLength <= wastedBytes) return matrix;
  return { rows: matrix.rows, cols: matrix.cols, data: data.slice() };
}

/** The numbers of a text file's cells (core's one cell parser), a bad cell named with the file. */
export function numbersFromCells(cells: readonly (readonly string[])[], file: string): Matrix {
  try {
    return matrixFromCells(cells);
  } catch (error) {
    if (error instanceof EntryError) throw new FormatError(error.message, { file });
    throw error;
  }
}
