// Reads a matrix file for the CLI: the bytes from disk (size-capped before reading), parsed by
// core/formats. Text cells stay exact strings so the exact core can read "3/4" and "0.1" exactly.
import { readFileSync, statSync } from 'node:fs';
import { loadMatrixFile } from '../../core/formats/load';
import { parseEntryMatrix } from '../../core/exact/entry';
import { fromRows, type Matrix } from '../../core/linalg/matrix';
import { CliInputError } from './input-error';

/** Larger files are refused before a byte is read. */
const maxFileBytes = 2 * 1024 ** 3;

export interface LoadedMatrix {
  name: string;
  rows: number;
  cols: number;
  /** Exact strings, for text files. */
  cells?: string[][];
  /** The floating-point matrix (always present). */
  matrix: Matrix;
  dtype: string;
}

export function readMatrixFile(file: string, options: { tensor?: string } = {}): LoadedMatrix {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliInputError(`${file}: no such file`);
  }
  if (size > maxFileBytes)
    throw new CliInputError(`${file}: ${size} bytes is more than the ${maxFileBytes}-byte limit`);
  const bytes = new Uint8Array(readFileSync(file));
  const loaded = loadMatrixFile(file, bytes, options);
  if (loaded.kind === 'text') {
    const cells = loaded.text.cells;
    const parsed = parseEntryMatrix(cells);
    return {
      name: file,
      rows: loaded.text.rows,
      cols: loaded.text.cols,
      cells,
      matrix: fromRows(parsed.approx),
      dtype: 'text',
    };
  }
  return {
    name: file,
    rows: loaded.matrix.rows,
    cols: loaded.matrix.cols,
    matrix: loaded.matrix,
    dtype: loaded.dtype,
  };
}

/** `auto` reads a matrix exactly when every cell is an integer or a written fraction. */
export function isIntegerOrFraction(cells: readonly (readonly string[])[]): boolean {
  return cells.every((row) => row.every((cell) => /^\s*[+-]?\d+(\s*\/\s*\d+)?\s*$/.test(cell)));
}
