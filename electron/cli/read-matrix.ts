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
  /** Exact strings: a text file's cells, or a binary matrix's integers (see integerCells). */
  cells?: string[][];
  /** The floating-point matrix (always present). */
  matrix: Matrix;
  dtype: string;
}

/** A file's bytes, refused before reading when it is missing or over the size limit. */
export function readFileBytes(file: string): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliInputError(`${file}: no such file`);
  }
  if (size > maxFileBytes)
    throw new CliInputError(`${file}: ${size} bytes is more than the ${maxFileBytes}-byte limit`);
  return new Uint8Array(readFileSync(file));
}

export function readMatrixFile(file: string, options: { tensor?: string } = {}): LoadedMatrix {
  const bytes = readFileBytes(file);
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
  const result: LoadedMatrix = {
    name: file,
    rows: loaded.matrix.rows,
    cols: loaded.matrix.cols,
    matrix: loaded.matrix,
    dtype: loaded.dtype,
  };
  const cells = integerCells(loaded.matrix);
  if (cells) result.cells = cells;
  return result;
}

/** Binary matrices up to this many entries whose numbers are all integers are also read exactly. */
const largestExactEntries = 1 << 20;

/**
 * The cells of a binary matrix (.npy, .mtx, safetensors) as exact integer strings when every
 * number is a safe integer, so `auto` and `rref` treat an integer matrix exactly, as they do a
 * text file of integers; undefined otherwise.
 */
function integerCells(matrix: Matrix): string[][] | undefined {
  const { rows, cols, data } = matrix;
  if (rows * cols > largestExactEntries || !data.every((value) => Number.isSafeInteger(value)))
    return undefined;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => String(data[i + j * rows])),
  );
}

/** `auto` reads a matrix exactly when every cell is an integer or a written fraction. */
export function isIntegerOrFraction(cells: readonly (readonly string[])[]): boolean {
  return cells.every((row) => row.every((cell) => /^\s*[+-]?\d+(\s*\/\s*\d+)?\s*$/.test(cell)));
}
