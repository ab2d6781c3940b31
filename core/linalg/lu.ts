// LU factorization with partial pivoting, P·A = L·U (Golub & Van Loan §3.4; LAPACK dgetrf):
// right-looking in block columns of 192, each factored by the kernels' luBlock (a recursive
// panel, dgetrf2, whose work is mostly gemm; its swaps reach the whole rows and the block row of
// U is solved for), then the trailing matrix updated by one gemm (split over the thread team when
// there is one). Everything runs in one workspace, reused by the next job. Cost: m·n² − n³/3 flops.
import type { JobContext } from '../job-context';
import { kernels } from './kernels/kernels';
import { assertFinite, zeros, type Matrix } from './matrix';
import { createWorkspace } from './workspace';

export interface LuFactors {
  /** m×n: the unit lower triangular L below the diagonal, U on and above it (LAPACK's form). */
  lu: Matrix;
  /** Row p was swapped with row pivots[p] ≥ p at step p (LAPACK's ipiv, counted from 0). */
  pivots: Int32Array;
  /** Row i of P·A is row permutation[i] of A. */
  permutation: Int32Array;
}

export interface LuResult {
  /** m×k unit lower triangular (trapezoidal), k = min(m, n). */
  L: Matrix;
  /** k×n upper triangular (trapezoidal). */
  U: Matrix;
  /** Row i of P·A is row permutation[i] of A. */
  permutation: Int32Array;
}

/**
 * Columns per block column: wide enough that the trailing gemm runs near its peak. On 1024², 192
 * beat 128 by about 3% on one thread and 1% on two (in-process A/B); 256 and wider gained nothing
 * more, as the panel (one thread) grows what the gemm (every thread) loses.
 */
const blockWidth = 192;

/** P·A = L·U in LAPACK's compact form (dgetrf): what solves and determinants need. */
export function luFactor(a: Matrix, options: { context?: JobContext } = {}): LuFactors {
  assertFinite(a);
  const { context } = options;
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const space = createWorkspace(m * n + k + 64);
  const data = space.copyOf(a).data;
  const pivots = space.integers(k);
  for (let j = 0; j < k; j += blockWidth) {
    context?.checkCancelled();
    context?.progress(j / k, 'LU');
    const width = Math.min(blockWidth, k - j);
    const right = n - j - width;
    kernels.luBlock(m - j, j, width, right, data, j, m, pivots, j);
    // A22 −= L21·U12.
    if (right > 0 && m - j - width > 0) {
      kernels.gemm(
        false,
        false,
        m - j - width,
        right,
        width,
        -1,
        data,
        j + width + j * m,
        m,
        data,
        j + (j + width) * m,
        m,
        1,
        data,
        j + width + (j + width) * m,
        m,
      );
    }
  }
  const absolute = new Int32Array(k);
  const permutation = new Int32Array(m);
  for (let i = 0; i < m; i++) permutation[i] = i;
  for (let p = 0; p < k; p++) {
    const q = p - (p % blockWidth) + pivots[p];
    absolute[p] = q;
    const t = permutation[p];
    permutation[p] = permutation[q];
    permutation[q] = t;
  }
  const lu = zeros(m, n);
  lu.data.set(data);
  space.dispose();
  return { lu, pivots: absolute, permutation };
}

/** P·A = L·U with L and U as matrices of their own. */
export function luPartial(a: Matrix, options: { context?: JobContext } = {}): LuResult {
  const { lu, permutation } = luFactor(a, options);
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const data = lu.data;
  // Column by column, as block copies.
  const lower = zeros(m, k);
  const upper = zeros(k, n);
  for (let j = 0; j < k; j++) {
    lower.data[j + j * m] = 1;
    lower.data.set(data.subarray(j + 1 + j * m, (j + 1) * m), j + 1 + j * m);
  }
  for (let j = 0; j < n; j++) {
    upper.data.set(data.subarray(j * m, j * m + Math.min(j + 1, k)), j * k);
  }
  return { L: lower, U: upper, permutation };
}
