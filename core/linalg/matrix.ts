// The dense matrix every numerical algorithm works on: column-major Float64Array (LAPACK order),
// so entry (i, j) of an m×n matrix lives at data[i + j*m].
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function identity(n: number): Matrix {
  const result = zeros(n, n);
  for (let i = 0; i < n; i++) result.data[i + i * n] = 1;
  return result;
}

/** Builds a matrix from row-major nested arrays, the way people write matrices. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  const result = zeros(m, n);
  for (let i = 0; i < m; i++) {
    if (rows[i].length !== n)
      throw new RangeError(`row ${i + 1} has ${rows[i].length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) result.data[i + j * m] = rows[i][j];
  }
  return result;
}

export function toRows(matrix: Matrix): number[][] {
  const { rows: m, cols: n, data } = matrix;
  const result: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = data[i + j * m];
    result.push(row);
  }
  return result;
}

export function get(matrix: Matrix, i: number, j: number): number {
  return matrix.data[i + j * matrix.rows];
}

export function clone(matrix: Matrix): Matrix {
  return { rows: matrix.rows, cols: matrix.cols, data: matrix.data.slice() };
}

/** Aᵀ, written into `result` (n×m) when given, e.g. one allocated in a workspace. */
export function transpose(
  matrix: Matrix,
  result: Matrix = zeros(matrix.cols, matrix.rows),
): Matrix {
  const { rows: m, cols: n, data } = matrix;
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) result.data[j + i * n] = data[i + j * m];
  return result;
}

/** Throws a clear error when the matrix holds NaN or ±Infinity, which no factorization can use. */
export function assertFinite(matrix: Matrix, what = 'matrix'): void {
  const { rows: m, data } = matrix;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const i = k % Math.max(m, 1);
      const j = Math.floor(k / Math.max(m, 1));
      throw new RangeError(
        `${what} has a non-finite entry (${data[k]}) at row ${i + 1}, column ${j + 1}`,
      );
    }
  }
}
