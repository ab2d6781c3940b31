// The TypeScript tier's block column of LU with partial pivoting: the same recursion as the
// WebAssembly kernel (wasm/assembly/lu-block.ts; LAPACK dgetrf2), on ordinary arrays and the
// tier's gemm. Cost: m·w² + w²·right flops.
import type { DenseKernels } from './dense-kernels';

type Gemm = DenseKernels['gemm'];

const leafColumns = 8;
const solveLeaf = 16;
const smallestNormal = 2.2250738585072014e-308;

/** See DenseKernels.luBlock; offsets are in elements, pivots relative to the block's top. */
export function luBlockLoops(
  gemm: Gemm,
  m: number,
  left: number,
  width: number,
  right: number,
  a: Float64Array,
  offset: number,
  lda: number,
  pivots: Int32Array,
  pivotsOffset: number,
): void {
  const panel = offset + left * lda;
  const k = Math.min(m, width);
  if (k <= 0) return;
  factor(gemm, m, width, a, panel, lda, pivots, pivotsOffset);
  swapRows(left, a, offset, lda, 0, k, pivots, pivotsOffset);
  if (right <= 0) return;
  const rest = panel + width * lda;
  swapRows(right, a, rest, lda, 0, k, pivots, pivotsOffset);
  solveUnitLower(gemm, k, right, a, panel, lda, rest, lda);
}

function factor(
  gemm: Gemm,
  m: number,
  n: number,
  a: Float64Array,
  at: number,
  lda: number,
  pivots: Int32Array,
  pivotsOffset: number,
): void {
  const k = Math.min(m, n);
  if (k <= 0) return;
  if (n <= leafColumns || k <= 1) {
    factorColumns(m, n, a, at, lda, pivots, pivotsOffset);
    return;
  }
  const n1 = k >> 1;
  const n2 = n - n1;
  const right = at + n1 * lda;
  factor(gemm, m, n1, a, at, lda, pivots, pivotsOffset);
  swapRows(n2, a, right, lda, 0, n1, pivots, pivotsOffset);
  solveUnitLower(gemm, n1, n2, a, at, lda, right, lda);
  gemm(false, false, m - n1, n2, n1, -1, a, at + n1, lda, a, right, lda, 1, a, right + n1, lda);
  factor(gemm, m - n1, n2, a, right + n1, lda, pivots, pivotsOffset + n1);
  for (let p = n1; p < k; p++) pivots[pivotsOffset + p] += n1;
  swapRows(n1, a, at, lda, n1, k, pivots, pivotsOffset);
}

function factorColumns(
  m: number,
  n: number,
  a: Float64Array,
  at: number,
  lda: number,
  pivots: Int32Array,
  pivotsOffset: number,
): void {
  for (let p = 0; p < Math.min(m, n); p++) {
    const column = at + p * lda;
    let pivot = p;
    let largest = Math.abs(a[column + p]);
    for (let i = p + 1; i < m; i++) {
      const t = Math.abs(a[column + i]);
      if (t > largest) {
        largest = t;
        pivot = i;
      }
    }
    pivots[pivotsOffset + p] = pivot;
    if (pivot !== p) {
      for (let c = 0; c < n; c++) {
        const t = a[at + p + c * lda];
        a[at + p + c * lda] = a[at + pivot + c * lda];
        a[at + pivot + c * lda] = t;
      }
    }
    if (largest === 0) continue;
    const pivotValue = a[column + p];
    if (largest >= smallestNormal) {
      const inverse = 1 / pivotValue;
      for (let i = p + 1; i < m; i++) a[column + i] *= inverse;
    } else {
      for (let i = p + 1; i < m; i++) a[column + i] /= pivotValue;
    }
    for (let c = p + 1; c < n; c++) {
      const target = at + c * lda;
      const x = a[target + p];
      if (x === 0) continue;
      for (let i = p + 1; i < m; i++) a[target + i] -= x * a[column + i];
    }
  }
}

function swapRows(
  cols: number,
  a: Float64Array,
  at: number,
  lda: number,
  first: number,
  last: number,
  pivots: Int32Array,
  pivotsOffset: number,
): void {
  for (let c = 0; c < cols; c++) {
    const column = at + c * lda;
    for (let p = first; p < last; p++) {
      const q = pivots[pivotsOffset + p];
      if (q === p) continue;
      const t = a[column + p];
      a[column + p] = a[column + q];
      a[column + q] = t;
    }
  }
}

function solveUnitLower(
  gemm: Gemm,
  size: number,
  cols: number,
  a: Float64Array,
  l: number,
  ldl: number,
  b: number,
  ldb: number,
): void {
  if (size <= solveLeaf) {
    for (let c = 0; c < cols; c++) {
      const column = b + c * ldb;
      for (let p = 0; p < size; p++) {
        const x = a[column + p];
        if (x === 0) continue;
        const lp = l + p * ldl;
        for (let i = p + 1; i < size; i++) a[column + i] -= x * a[lp + i];
      }
    }
    return;
  }
  const half = size >> 1;
  solveUnitLower(gemm, half, cols, a, l, ldl, b, ldb);
  gemm(false, false, size - half, cols, half, -1, a, l + half, ldl, a, b, ldb, 1, a, b + half, ldb);
  solveUnitLower(gemm, size - half, cols, a, l + half + half * ldl, ldl, b + half, ldb);
}
