// One block column of a right-looking LU with partial pivoting: the panel is factored recursively
// (LAPACK dgetrf2; Toledo, SIAM J. Matrix Anal. Appl. 18(4), 1997), so most of its work is the
// packed gemm; its row swaps reach the columns left and right of it (dlaswp) and the block row of
// U right of it is solved for (dtrsm, recursive as well). Cost: m·w² + w²·right flops.
import { at, atInt } from './address';
import { gemm } from './packed-products';

/** Panels this narrow are factored column by column (dgetf2). */
const leafColumns = 8;
/** Triangular solves this small are done by substitution. */
const solveLeaf = 16;
const smallestNormal: f64 = 2.2250738585072014e-308;

/**
 * Factors columns [left, left+width) of the m-row matrix at a (leading dimension lda, row 0 the
 * block's top): pivots[p] (i32) is the row swapped with row p, counted from the top; the swaps
 * are applied to all left + width + right columns, and the right block becomes L11⁻¹·A12.
 */
export function luBlock(
  m: i32, left: i32, width: i32, right: i32, a: usize, lda: i32, pivots: usize,
  scratch: usize, scratchDoubles: i32,
): void {
  const panel = at(a, left * lda);
  const k = min(m, width);
  if (k <= 0) return;
  factor(m, width, panel, lda, pivots, scratch, scratchDoubles);
  swapRows(left, a, lda, 0, k, pivots);
  if (right <= 0) return;
  const rest = at(panel, width * lda);
  swapRows(right, rest, lda, 0, k, pivots);
  solveUnitLower(k, right, panel, lda, rest, lda, scratch, scratchDoubles);
}

/** dgetrf2 on the m×n matrix at a: pivots relative to its top, swaps across its n columns. */
function factor(
  m: i32, n: i32, a: usize, lda: i32, pivots: usize, scratch: usize, scratchDoubles: i32,
): void {
  const k = min(m, n);
  if (k <= 0) return;
  if (n <= leafColumns || k <= 1) {
    factorColumns(m, n, a, lda, pivots);
    return;
  }
  const n1 = k >> 1;
  const n2 = n - n1;
  const right = at(a, n1 * lda);
  factor(m, n1, a, lda, pivots, scratch, scratchDoubles);
  swapRows(n2, right, lda, 0, n1, pivots);
  solveUnitLower(n1, n2, a, lda, right, lda, scratch, scratchDoubles);
  // A22 −= A21·A12.
  gemm(0, 0, m - n1, n2, n1, -1, at(a, n1), lda, right, lda, at(right, n1), lda,
    scratch, scratchDoubles);
  const lower = atInt(pivots, n1);
  factor(m - n1, n2, at(right, n1), lda, lower, scratch, scratchDoubles);
  for (let p = 0; p < k - n1; p++) {
    store<i32>(atInt(lower, p), load<i32>(atInt(lower, p)) + n1);
  }
  swapRows(n1, a, lda, n1, k, pivots);
}

/** dgetf2: column by column, the largest entry (the first on ties, as idamax) as pivot. */
function factorColumns(m: i32, n: i32, a: usize, lda: i32, pivots: usize): void {
  const k = min(m, n);
  for (let p = 0; p < k; p++) {
    const column = at(a, p * lda);
    let pivot = p;
    let largest = abs(load<f64>(at(column, p)));
    for (let i = p + 1; i < m; i++) {
      const t = abs(load<f64>(at(column, i)));
      if (t > largest) {
        largest = t;
        pivot = i;
      }
    }
    store<i32>(atInt(pivots, p), pivot);
    if (pivot != p) {
      for (let c = 0; c < n; c++) {
        const x = at(a, p + c * lda);
        const y = at(a, pivot + c * lda);
        const t = load<f64>(x);
        store<f64>(x, load<f64>(y));
        store<f64>(y, t);
      }
    }
    // A zero pivot column is already eliminated; leave it (the factorization still exists).
    if (largest == 0) continue;
    const pivotValue = load<f64>(at(column, p));
    if (largest >= smallestNormal) {
      const inverse = 1 / pivotValue;
      for (let i = p + 1; i < m; i++) store<f64>(at(column, i), load<f64>(at(column, i)) * inverse);
    } else {
      // 1/pivot would overflow for a subnormal pivot: divide instead (LAPACK dgetf2).
      for (let i = p + 1; i < m; i++) store<f64>(at(column, i), load<f64>(at(column, i)) / pivotValue);
    }
    // The rank-one update of the columns right of the pivot, two rows at a time.
    const below = m - p - 1;
    for (let c = p + 1; c < n; c++) {
      const target = at(a, p + 1 + c * lda);
      const x = load<f64>(at(a, p + c * lda));
      if (x == 0) continue;
      const factor = f64x2.splat(-x);
      const source = at(column, p + 1);
      let i = 0;
      for (; i + 1 < below; i += 2) {
        v128.store(at(target, i),
          f64x2.add(v128.load(at(target, i)), f64x2.mul(factor, v128.load(at(source, i)))));
      }
      if (i < below) store<f64>(at(target, i), load<f64>(at(target, i)) - x * load<f64>(at(source, i)));
    }
  }
}

/** Swaps rows p and pivots[p] for p in [first, last), in that order, in each of cols columns. */
function swapRows(cols: i32, a: usize, lda: i32, first: i32, last: i32, pivots: usize): void {
  for (let c = 0; c < cols; c++) {
    const column = at(a, c * lda);
    for (let p = first; p < last; p++) {
      const q = load<i32>(atInt(pivots, p));
      if (q == p) continue;
      const x = at(column, p);
      const y = at(column, q);
      const t = load<f64>(x);
      store<f64>(x, load<f64>(y));
      store<f64>(y, t);
    }
  }
}

/** B ← L⁻¹·B for the unit lower triangular size×size L at l and the size×cols B at b. */
function solveUnitLower(
  size: i32, cols: i32, l: usize, ldl: i32, b: usize, ldb: i32, scratch: usize,
  scratchDoubles: i32,
): void {
  if (size <= solveLeaf) {
    for (let c = 0; c < cols; c++) {
      const column = at(b, c * ldb);
      for (let p = 0; p < size; p++) {
        const x = load<f64>(at(column, p));
        if (x == 0) continue;
        const lp = at(l, p * ldl);
        for (let i = p + 1; i < size; i++) {
          store<f64>(at(column, i), load<f64>(at(column, i)) - x * load<f64>(at(lp, i)));
        }
      }
    }
    return;
  }
  const half = size >> 1;
  solveUnitLower(half, cols, l, ldl, b, ldb, scratch, scratchDoubles);
  // B2 −= L21·X1.
  gemm(0, 0, size - half, cols, half, -1, at(l, half), ldl, b, ldb, at(b, half), ldb,
    scratch, scratchDoubles);
  solveUnitLower(size - half, cols, at(l, half + half * ldl), ldl, at(b, half), ldb, scratch,
    scratchDoubles);
}
