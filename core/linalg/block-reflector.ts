// Blocks of Householder reflectors in compact WY form, Q = H₀·H₁·…·H_{k−1} = I − V·T·Vᵀ with V
// unit lower trapezoidal and T upper triangular (Schreiber & Van Loan 1989; LAPACK dlarft, dlarfb;
// Golub & Van Loan §5.1.7), so a block of k reflectors reaches a matrix in two matrix products.
// Cost: 4·rows·cols·k flops to apply, rows·k² to form T.
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import type { Workspace } from './workspace';

/** Where a column-major block lives: data[offset + i + j·ld]. */
export interface Block {
  data: Float64Array;
  offset: number;
  ld: number;
}

/**
 * Householder QR of the rows×cols panel in place (dgeqr2): reflector j below the diagonal with
 * v[j] = 1 implied, R on and above it; taus[j] its scalar.
 */
export function factorPanel(panel: Block, rows: number, cols: number, taus: Float64Array): void {
  const { data, offset, ld } = panel;
  const reflector: Reflector = { tau: 0, beta: 0 };
  for (let j = 0; j < Math.min(rows, cols); j++) {
    const jj = offset + j + j * ld;
    makeReflector(data, jj, rows - j, reflector);
    taus[j] = reflector.tau;
    data[jj] = 1;
    kernels.applyReflectorLeft(rows - j, cols - j - 1, data, jj, reflector.tau, data, jj + ld, ld);
    data[jj] = reflector.beta;
  }
}

/** V (rows×k, leading dimension rows) from reflectors stored below the diagonal of a block. */
export function explicitReflectors(
  stored: Block,
  rows: number,
  k: number,
  target: Float64Array,
): void {
  const { data, offset, ld } = stored;
  for (let j = 0; j < k; j++) {
    const column = j * rows;
    target.fill(0, column, column + j);
    target[column + j] = 1;
    const source = offset + j * ld;
    target.set(data.subarray(source + j + 1, source + rows), column + j + 1);
  }
}

/**
 * T (k×k, leading dimension k, upper triangular) with H₀·…·H_{k−1} = I − V·T·Vᵀ (dlarft, forward,
 * columnwise): T(0:j, j) = −τ_j·T(0:j, 0:j)·(V(:, 0:j)ᵀ·v_j). `gram` (k×k) receives VᵀV.
 */
export function triangularFactor(
  v: Float64Array,
  rows: number,
  k: number,
  taus: Float64Array,
  t: Float64Array,
  gram: Float64Array,
): void {
  t.fill(0, 0, k * k);
  triangularFactorOf(
    { data: v, offset: 0, ld: rows },
    rows,
    k,
    taus,
    { data: t, offset: 0, ld: k },
    gram,
  );
}

/**
 * triangularFactor for V and T that are blocks of larger arrays; T's entries below the diagonal
 * and those of columns with τ = 0 are left as they are (zero them first).
 */
export function triangularFactorOf(
  v: Block,
  rows: number,
  k: number,
  taus: Float64Array,
  t: Block,
  gram: Float64Array,
): void {
  kernels.gemm(
    true,
    false,
    k,
    k,
    rows,
    1,
    v.data,
    v.offset,
    v.ld,
    v.data,
    v.offset,
    v.ld,
    0,
    gram,
    0,
    k,
  );
  const { data, offset, ld } = t;
  for (let j = 0; j < k; j++) {
    const tau = taus[j];
    data[offset + j + j * ld] = tau;
    if (tau === 0) continue;
    // T(0:j, j) = −τ·T(0:j, 0:j)·G(0:j, j), T upper triangular: row i sums over p ≥ i.
    for (let i = 0; i < j; i++) {
      let sum = 0;
      for (let p = i; p < j; p++) sum += data[offset + i + p * ld] * gram[p + j * k];
      data[offset + i + j * ld] = -tau * sum;
    }
  }
}

function asBlock(array: Float64Array | Block, ld: number): Block {
  return array instanceof Float64Array ? { data: array, offset: 0, ld } : array;
}

/** Scratch the applications need: W and T·W, each k×width. */
export interface ReflectorScratch {
  w: Float64Array;
  product: Float64Array;
}

/** Everything a block of k reflectors of length ≤ rows needs to reach up to `reach` columns or rows. */
export interface BlockScratch extends ReflectorScratch {
  v: Float64Array;
  t: Float64Array;
  gram: Float64Array;
  taus: Float64Array;
}

export function blockScratchDoubles(rows: number, reach: number, k: number): number {
  return rows * k + 2 * k * k + 2 * k * Math.max(rows, reach) + 2 * k + 64;
}

export function blockScratch(
  space: Workspace,
  rows: number,
  reach: number,
  k: number,
): BlockScratch {
  return {
    v: space.vector(rows * k),
    t: space.vector(k * k),
    gram: space.vector(k * k),
    w: space.vector(k * Math.max(rows, reach)),
    product: space.vector(k * Math.max(rows, reach)),
    taus: space.vector(k),
  };
}

/**
 * C (rows×cols) ← Qᵀ·C = C − V·Tᵀ·(Vᵀ·C), Q = I − V·T·Vᵀ from V (rows×k) and T (k×k); with
 * `apply` true, C ← Q·C instead (T for Tᵀ), as when Q itself is formed. V and T are arrays of
 * their own (leading dimensions rows and k) or blocks of larger ones.
 */
export function reflectFromLeft(
  vArray: Float64Array | Block,
  tArray: Float64Array | Block,
  rows: number,
  k: number,
  c: Block,
  cols: number,
  scratch: ReflectorScratch,
  apply = false,
): void {
  const v = asBlock(vArray, rows);
  const t = asBlock(tArray, k);
  if (cols <= 0 || k <= 0) return;
  const { w, product } = scratch;
  kernels.gemm(
    true,
    false,
    k,
    cols,
    rows,
    1,
    v.data,
    v.offset,
    v.ld,
    c.data,
    c.offset,
    c.ld,
    0,
    w,
    0,
    k,
  );
  kernels.gemm(!apply, false, k, cols, k, 1, t.data, t.offset, t.ld, w, 0, k, 0, product, 0, k);
  kernels.gemm(
    false,
    false,
    rows,
    cols,
    k,
    -1,
    v.data,
    v.offset,
    v.ld,
    product,
    0,
    k,
    1,
    c.data,
    c.offset,
    c.ld,
  );
}

/** C (height×rows) ← C·Q = C − (C·V)·T·Vᵀ, Q = I − V·T·Vᵀ from V (rows×k) and T (k×k). */
export function reflectFromRight(
  v: Float64Array,
  t: Float64Array,
  rows: number,
  k: number,
  c: Block,
  height: number,
  scratch: ReflectorScratch,
): void {
  if (height <= 0 || k <= 0) return;
  const { w, product } = scratch;
  kernels.gemm(
    false,
    false,
    height,
    k,
    rows,
    1,
    c.data,
    c.offset,
    c.ld,
    v,
    0,
    rows,
    0,
    w,
    0,
    height,
  );
  kernels.gemm(false, false, height, k, k, 1, w, 0, height, t, 0, k, 0, product, 0, height);
  kernels.gemm(
    false,
    true,
    height,
    rows,
    k,
    -1,
    product,
    0,
    height,
    v,
    0,
    rows,
    1,
    c.data,
    c.offset,
    c.ld,
  );
}
