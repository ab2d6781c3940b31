// Matrices as a program hands them to the library — a column-major Matrix, rows of numbers, or
// rows of exact texts ("3/4", "0.1") — turned into what the core takes: doubles, or rationals for
// the exact algorithms. Plain numbers are read without the expression parser (mathjs), which
// costs about a second to load and is needed only for cells like "sqrt(2)".
import { fromRows, type Matrix } from '../linalg/matrix';
import { Rational, parseRational } from '../exact/rational';
import type { ParsedEntryMatrix } from '../exact/entry';

/** A Matrix ({ rows, cols, data } column-major), or rows of numbers as people write them. */
export type MatrixLike = Matrix | readonly (readonly number[])[];

/** Also rows mixing numbers and exact texts: integers, fractions "3/4", decimals "0.1". */
export type EntriesLike = MatrixLike | readonly (readonly (number | string)[])[];

export function isMatrix(input: EntriesLike): input is Matrix {
  return !Array.isArray(input) && 'data' in input;
}

/** The Matrix itself, checked; rows of numbers copied into one. */
export function asMatrix(input: MatrixLike): Matrix {
  if (!isMatrix(input)) return fromRows(input);
  const { rows, cols, data } = input;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0)
    throw new RangeError(`a matrix needs whole, non-negative dimensions, got ${rows}×${cols}`);
  if (!(data instanceof Float64Array) || data.length !== rows * cols)
    throw new RangeError(`a ${rows}×${cols} matrix needs a Float64Array of ${rows * cols} numbers`);
  return input;
}

/** Integers, fractions and decimals as the exact core reads them (no expressions). */
const plainNumber =
  /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$|^\s*[+-]?\d+\s*\/\s*[+-]?\d+\s*$/;

/**
 * Exact entries when every cell is a plain number (numbers given as doubles are read as their
 * shortest decimal, so 0.1 is 1/10); undefined when some cell needs the expression parser.
 */
export function plainEntries(input: EntriesLike): ParsedEntryMatrix | undefined {
  const rows = isMatrix(input) ? matrixRows(input) : input;
  const rationals: Rational[][] = [];
  const approx: number[][] = [];
  const columns = rows[0]?.length ?? 0;
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns)
      throw new RangeError(`row ${i + 1} has ${row.length} entries, expected ${columns}`);
    const exactRow: Rational[] = [];
    const approxRow: number[] = [];
    for (const cell of row) {
      let value: Rational;
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) throw new RangeError(`${cell} has no exact value`);
        value = Number.isInteger(cell) ? Rational.fromInteger(cell) : parseRational(String(cell));
        approxRow.push(cell);
      } else {
        if (!plainNumber.test(cell)) return undefined;
        value = parseRational(cell);
        approxRow.push(value.toNumber());
      }
      exactRow.push(value);
    }
    rationals.push(exactRow);
    approx.push(approxRow);
  }
  return { exact: true, rationals, approx };
}

/** `auto` is exact when every entry is an integer, or a fraction written as one. */
export function allIntegersOrFractions(input: EntriesLike): boolean {
  const rows = isMatrix(input) ? matrixRows(input) : input;
  return rows.every((row) =>
    row.every((cell) =>
      typeof cell === 'number'
        ? Number.isInteger(cell)
        : /^\s*[+-]?\d+(?:\s*\/\s*[+-]?\d+)?\s*$/.test(cell),
    ),
  );
}

function matrixRows(matrix: Matrix): number[][] {
  const { rows, cols, data } = matrix;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => data[i + j * rows]),
  );
}
