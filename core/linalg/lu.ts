// LU factorization with partial pivoting, P·A = L·U (Golub & Van Loan §3.4; LAPACK dgetrf):
// right-looking in panels of 64 columns, each factored with partial pivoting (dgetf2), its row
// swaps then applied to the rest (dlaswp), the block row of U solved for (dtrsm, recursively, so
// it too is mostly gemm) and the trailing matrix updated by one gemm. Cost: m·n² − n³/3 flops.
import type { JobContext } from '../job-context';
import { kernels } from './kernels/kernels';
import { assertFinite, zeros, type Matrix } from './matrix';
import { createWorkspace } from './workspace';

export interface LuResult {
  /** m×k unit lower triangular (trapezoidal), k = min(m, n). */
  L: Matrix;
  /** k×n upper triangular (trapezoidal). */
  U: Matrix;
  /** Row i of P·A is row permutation[i] of A. */
  permutation: Int32Array;
}

/** Columns per panel. */
const panelWidth = 64;
/** Triangular solves this small are done by substitution. */
const solveLeaf = 16;
const smallestNormal = 2.2250738585072014e-308;

export function luPartial(a: Matrix, options: { context?: JobContext } = {}): LuResult {
  assertFinite(a);
  const { context } = options;
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const space = createWorkspace(m * n + 64);
  const data = space.copyOf(a).data;
  const permutation = new Int32Array(m);
  for (let i = 0; i < m; i++) permutation[i] = i;
  const pivots = new Int32Array(k);

  for (let j = 0; j < k; j += panelWidth) {
    context?.checkCancelled();
    context?.progress(j / k, 'LU');
    const width = Math.min(panelWidth, k - j);
    factorPanel(data, m, j, width, pivots, permutation);
    // The panel's row swaps reach the columns left and right of it.
    swapRows(data, m, 0, j, j, j + width, pivots);
    swapRows(data, m, j + width, n, j, j + width, pivots);
    const rest = n - j - width;
    if (rest <= 0) continue;
    // U12 = L11⁻¹·A12, then A22 −= L21·U12.
    solveUnitLower(data, m, j, width, j + (j + width) * m, rest);
    if (m - j - width > 0) {
      kernels.gemm(
        false,
        false,
        m - j - width,
        rest,
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

  // Column by column, as block copies (element loops over the views cost several times more).
  const lower = zeros(m, k);
  const upper = zeros(k, n);
  for (let j = 0; j < k; j++) {
    lower.data[j + j * m] = 1;
    lower.data.set(data.subarray(j + 1 + j * m, (j + 1) * m), j + 1 + j * m);
  }
  for (let j = 0; j < n; j++) {
    upper.data.set(data.subarray(j * m, j * m + Math.min(j + 1, k)), j * k);
  }
  space.dispose();
  return { L: lower, U: upper, permutation };
}

/**
 * Partial-pivoting LU of columns [j, j+width) (dgetf2): pivots[p] is the row swapped with row p;
 * swaps are applied across the panel's columns; each step updates the rest of the panel by a
 * rank-one product.
 */
function factorPanel(
  data: Float64Array,
  m: number,
  j: number,
  width: number,
  pivots: Int32Array,
  permutation: Int32Array,
): void {
  for (let p = j; p < j + width; p++) {
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
    pivots[p] = pivot;
    if (pivot !== p) {
      for (let c = j; c < j + width; c++) {
        const t = data[p + c * m];
        data[p + c * m] = data[pivot + c * m];
        data[pivot + c * m] = t;
      }
      const t = permutation[p];
      permutation[p] = permutation[pivot];
      permutation[pivot] = t;
    }
    // A zero pivot column is already eliminated; leave it (the factorization still exists).
    if (largest === 0) continue;
    const pivotValue = data[column + p];
    if (largest >= smallestNormal) {
      const inverse = 1 / pivotValue;
      for (let i = p + 1; i < m; i++) data[column + i] *= inverse;
    } else {
      // 1/pivot would overflow for a subnormal pivot: divide instead (LAPACK dgetf2).
      for (let i = p + 1; i < m; i++) data[column + i] /= pivotValue;
    }
    const right = j + width - p - 1;
    if (right > 0 && p + 1 < m) {
      kernels.gemm(
        false,
        false,
        m - p - 1,
        right,
        1,
        -1,
        data,
        column + p + 1,
        m,
        data,
        p + (p + 1) * m,
        m,
        1,
        data,
        p + 1 + (p + 1) * m,
        m,
      );
    }
  }
}

/** Applies the swaps pivots[first … last) to columns [from, to) (dlaswp), column by column. */
function swapRows(
  data: Float64Array,
  m: number,
  from: number,
  to: number,
  first: number,
  last: number,
  pivots: Int32Array,
): void {
  for (let c = from; c < to; c++) {
    const column = c * m;
    for (let p = first; p < last; p++) {
      const q = pivots[p];
      if (q === p) continue;
      const t = data[column + p];
      data[column + p] = data[column + q];
      data[column + q] = t;
    }
  }
}

/**
 * B ← L⁻¹·B for the unit lower triangular size×size L at (top, top) of data and the size×cols B
 * at `b` (both leading dimension m): recursively halved, so most of it is one gemm per level.
 */
function solveUnitLower(
  data: Float64Array,
  m: number,
  top: number,
  size: number,
  b: number,
  cols: number,
): void {
  if (size <= solveLeaf) {
    for (let c = 0; c < cols; c++) {
      const column = b + c * m;
      for (let p = 0; p < size; p++) {
        const x = data[column + p];
        if (x === 0) continue;
        const l = top + p + (top + p) * m;
        for (let i = p + 1; i < size; i++) data[column + i] -= x * data[l + i - p];
      }
    }
    return;
  }
  const half = size >> 1;
  solveUnitLower(data, m, top, half, b, cols);
  // B2 −= L21·X1.
  kernels.gemm(
    false,
    false,
    size - half,
    cols,
    half,
    -1,
    data,
    top + half + top * m,
    m,
    data,
    b,
    m,
    1,
    data,
    b + half,
    m,
  );
  solveUnitLower(data, m, top + half, size - half, b + half, cols);
}
