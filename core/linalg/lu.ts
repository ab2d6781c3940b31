// LU factorization with partial pivoting, P·A = L·U (Golub & Van Loan §3.4, LAPACK dgetf2),
// right-looking over contiguous columns. Cost: m·n² − n³/3 flops for m ≥ n.
import type { JobContext } from './cancellation';
import { kernels } from './kernels/kernels';
import { assertFinite, zeros, type Matrix } from './matrix';

export interface LuResult {
  /** m×k unit lower triangular (trapezoidal), k = min(m, n). */
  L: Matrix;
  /** k×n upper triangular (trapezoidal). */
  U: Matrix;
  /** Row i of P·A is row permutation[i] of A. */
  permutation: Int32Array;
}

export function luPartial(a: Matrix, options: { context?: JobContext } = {}): LuResult {
  assertFinite(a);
  const { context } = options;
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const data = a.data.slice();
  const permutation = new Int32Array(m);
  for (let i = 0; i < m; i++) permutation[i] = i;

  for (let p = 0; p < k; p++) {
    if (context && (p & 31) === 0) context.checkCancelled();
    const column = p * m;
    let pivot = p;
    let largest = Math.abs(data[column + p]);
    for (let i = p + 1; i < m; i++) {
      const t = Math.abs(data[column + i]);
      if (t > largest) {
        largest = t;
        pivot = i;
      }
    }
    if (pivot !== p) {
      for (let j = 0; j < n; j++) {
        const t = data[p + j * m];
        data[p + j * m] = data[pivot + j * m];
        data[pivot + j * m] = t;
      }
      const t = permutation[p];
      permutation[p] = permutation[pivot];
      permutation[pivot] = t;
    }
    // A zero pivot column is already eliminated; leave it (the factorization still exists).
    if (largest === 0) continue;
    const pivotValue = data[column + p];
    if (largest >= 2.2250738585072014e-308) {
      const inverse = 1 / pivotValue;
      for (let i = p + 1; i < m; i++) data[column + i] *= inverse;
    } else {
      // 1/pivot would overflow for a subnormal pivot: divide instead (LAPACK dgetf2).
      for (let i = p + 1; i < m; i++) data[column + i] /= pivotValue;
    }
    for (let j = p + 1; j < n; j++) {
      const factor = -data[p + j * m];
      kernels.axpy(m - p - 1, factor, data, column + p + 1, data, j * m + p + 1);
    }
  }

  const lower = zeros(m, k);
  const upper = zeros(k, n);
  for (let j = 0; j < k; j++) {
    lower.data[j + j * m] = 1;
    for (let i = j + 1; i < m; i++) lower.data[i + j * m] = data[i + j * m];
  }
  for (let j = 0; j < n; j++) {
    for (let i = 0; i <= Math.min(j, k - 1); i++) upper.data[i + j * k] = data[i + j * m];
  }
  return { L: lower, U: upper, permutation };
}
