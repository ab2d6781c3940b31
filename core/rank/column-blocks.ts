// Column blocks of column-major matrices: a slice of columns and [A | B] side by side. Both are
// contiguous copies in column-major storage, O(m·columns).
import { zeros, type Matrix } from '../linalg/matrix';

/** Columns start..end−1 as a new matrix. */
export function columns(a: Matrix, start: number, end: number): Matrix {
  if (start < 0 || end > a.cols || start > end) {
    throw new RangeError(`columns ${start}..${end} do not lie in a matrix with ${a.cols} columns`);
  }
  return { rows: a.rows, cols: end - start, data: a.data.slice(start * a.rows, end * a.rows) };
}

/** [A | B]. */
export function concatenateColumns(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows) throw new RangeError(`cannot place ${b.rows} rows beside ${a.rows} rows`);
  const result = zeros(a.rows, a.cols + b.cols);
  result.data.set(a.data, 0);
  result.data.set(b.data, a.data.length);
  return result;
}
