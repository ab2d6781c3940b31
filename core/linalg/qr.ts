// Householder QR, A = Q·R, blocked in compact WY form with panels factored by halves (LAPACK
// dgeqrf, dgeqrt3, dorgqr), and QR with column pivoting, A·P = Q·R, in LAPACK dgeqp3 pivot order
// with safe column-norm downdating (dlaqp2; Drmač & Bujanović, LAPACK Working Note 176).
// Golub & Van Loan §5.2 and §5.4.1.
// Cost: 2·m·n² − 2·n³/3 flops, and as much again to form Q.
import type { JobContext } from '../job-context';
import {
  blockScratch,
  blockScratchDoubles,
  explicitReflectors,
  factorPanel,
  reflectFromLeft,
  triangularFactor,
  triangularFactorOf,
  type Block,
  type BlockScratch,
} from './block-reflector';
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import { safeDowndateLimit } from './kernels/pivoted-panel';
import { assertFinite, type Matrix } from './matrix';
import { vectorNorm } from './norms';
import {
  createWorkspace,
  detached,
  plainWorkspace,
  workspaceOf,
  type Workspace,
} from './workspace';

export interface QrResult {
  /** Thin m×k factor with orthonormal columns, k = min(m, n). */
  Q: Matrix;
  /** k×n upper triangular (trapezoidal) factor. */
  R: Matrix;
}

export interface PivotedQrResult extends QrResult {
  /** Column j of A·P is column permutation[j] of A. */
  permutation: Int32Array;
}

/** Columns per panel of forming Q, and of the column-by-column leaves of the QR's panels. */
const panelWidth = 32;
/** Narrower matrices are factored column by column (the blocks would not pay). */
const blockedCrossover = 64;
/**
 * Columns per panel of the blocked QR of a large matrix: its block reaches the trailing matrix in
 * products of depth 128, about 15 % faster than those of depth 32 (the QR of 6000×2048 on one
 * thread: 2.9 s of CPU against 3.3 s); the panel is factored recursively, so the wider block
 * costs no more matrix–vector work.
 */
const wideWidth = 128;

function blocked(m: number, n: number): boolean {
  return Math.min(m, n) >= blockedCrossover;
}

/** Columns per panel of the QR of an m×n matrix. */
function qrPanelWidth(m: number, n: number): number {
  return Math.min(m, n) >= 4 * wideWidth ? wideWidth : panelWidth;
}

/** Doubles the blocked QR of an m×n matrix and the forming of Q take beside the matrix and Q. */
export function qrScratchDoubles(m: number, n: number): number {
  return blocked(m, n) ? blockScratchDoubles(m, n, qrPanelWidth(m, n)) : 0;
}

/**
 * Householder QR of the m×n array in place; returns the reflector scalars. Blocked (dgeqrf): each
 * panel of up to 128 columns is factored recursively (factorRecursive), then reaches the rest of
 * the matrix as one block reflector, I − V·T·Vᵀ, in three matrix products.
 */
export function factorQrInPlace(work: Matrix, context?: JobContext): Float64Array {
  const { rows: m, cols: n, data } = work;
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  if (!blocked(m, n)) {
    factorPanelChecked(work, 0, k, tau, context);
    return tau;
  }
  const width = qrPanelWidth(m, n);
  const scratch = blockScratch(workspaceOf(data) ?? plainWorkspace, m, n, width);
  for (let j = 0; j < k; j += width) {
    context?.checkCancelled();
    const columns = Math.min(width, k - j);
    const rows = m - j;
    const v = { data: scratch.v, offset: 0, ld: rows };
    const t = { data: scratch.t, offset: 0, ld: columns };
    scratch.v.fill(0, 0, rows * columns);
    scratch.t.fill(0, 0, columns * columns);
    const panel = { data, offset: j + j * m, ld: m };
    factorRecursive(panel, rows, columns, tau.subarray(j, j + columns), v, t, scratch);
    const rest = n - j - columns;
    const trailing = { data, offset: j + (j + columns) * m, ld: m };
    reflectFromLeft(scratch.v, scratch.t, rows, columns, trailing, rest, scratch);
  }
  return tau;
}

/**
 * QR of a rows×cols panel (rows ≥ cols) by halves (Elmroth & Gustavson 2000; LAPACK dgeqrt3):
 * factor the left half, apply it to the right half as a block reflector, factor what is below,
 * and join the two T factors, T₁₂ = −T₁·(V₁ᵀ·V₂)·T₂. Leaves of 32 columns are factored column by
 * column. Leaves the reflectors in place, their scalars in `taus`, explicit V (zeros above the
 * unit diagonal, already zero on entry) in `v` and T (zero on entry) in `t`.
 */
function factorRecursive(
  panel: Block,
  rows: number,
  cols: number,
  taus: Float64Array,
  v: Block,
  t: Block,
  scratch: BlockScratch,
): void {
  if (cols <= panelWidth) {
    factorPanel(panel, rows, cols, taus);
    copyReflectors(panel, rows, cols, v);
    triangularFactorOf(v, rows, cols, taus, t, scratch.gram);
    return;
  }
  const left = Math.ceil(cols / 2 / panelWidth) * panelWidth;
  const right = cols - left;
  factorRecursive(panel, rows, left, taus, v, t, scratch);
  const rightPart = { data: panel.data, offset: panel.offset + left * panel.ld, ld: panel.ld };
  reflectFromLeft(v, t, rows, left, rightPart, right, scratch);
  const below = (block: Block) => ({
    data: block.data,
    offset: block.offset + left + left * block.ld,
    ld: block.ld,
  });
  factorRecursive(
    below(panel),
    rows - left,
    right,
    taus.subarray(left),
    below(v),
    below(t),
    scratch,
  );
  // X = V₁ᵀ·V₂ over the rows where V₂ is not zero, then T₁₂ = −T₁·X·T₂ (T₁, T₂ upper triangular).
  const { gram } = scratch;
  const v1 = v.offset + left;
  const v2 = below(v).offset;
  kernels.gemm(
    true,
    false,
    left,
    right,
    rows - left,
    1,
    v.data,
    v1,
    v.ld,
    v.data,
    v2,
    v.ld,
    0,
    gram,
    0,
    left,
  );
  const t12 = t.offset + left * t.ld;
  kernels.gemm(
    false,
    false,
    left,
    right,
    left,
    -1,
    t.data,
    t.offset,
    t.ld,
    gram,
    0,
    left,
    0,
    t.data,
    t12,
    t.ld,
  );
  for (let j = 0; j < right; j++) {
    for (let i = 0; i < left; i++) gram[i + j * left] = t.data[t12 + i + j * t.ld];
  }
  const t2 = below(t).offset;
  kernels.gemm(
    false,
    false,
    left,
    right,
    right,
    1,
    gram,
    0,
    left,
    t.data,
    t2,
    t.ld,
    0,
    t.data,
    t12,
    t.ld,
  );
}

/** V's columns from the reflectors stored below a panel's diagonal: 1 on it, zeros above untouched. */
function copyReflectors(panel: Block, rows: number, cols: number, v: Block): void {
  for (let j = 0; j < cols; j++) {
    const source = panel.offset + j * panel.ld;
    const target = v.offset + j * v.ld;
    v.data[target + j] = 1;
    v.data.set(panel.data.subarray(source + j + 1, source + rows), target + j + 1);
  }
}

/** Unblocked QR (dgeqr2) of columns [first, last) with a look at the cancel flag every 32. */
function factorPanelChecked(
  work: Matrix,
  first: number,
  last: number,
  tau: Float64Array,
  context: JobContext | undefined,
): void {
  const { rows: m, cols: n, data } = work;
  const reflector: Reflector = { tau: 0, beta: 0 };
  for (let j = first; j < last; j++) {
    if (context && (j & 31) === 0) context.checkCancelled();
    const jj = j + j * m;
    makeReflector(data, jj, m - j, reflector);
    tau[j] = reflector.tau;
    data[jj] = 1;
    kernels.applyReflectorLeft(m - j, n - j - 1, data, jj, reflector.tau, data, jj + m, m);
    data[jj] = reflector.beta;
  }
}

/**
 * The thin m×columns factor Q = H₀·…·H_{k−1}·I[:, :columns] from reflectors stored below the
 * diagonal, built backwards one block of 32 reflectors at a time (dorgqr), each block reaching
 * the columns of Q it touches in three matrix products.
 */
export function formQ(
  work: Matrix,
  tau: Float64Array,
  columns = Math.min(work.rows, work.cols),
): Matrix {
  const { rows: m, data } = work;
  // Q and the blocks of reflectors sit beside the reflectors, in the same workspace.
  const space = workspaceOf(data) ?? plainWorkspace;
  const q = space.matrix(m, columns);
  for (let j = 0; j < Math.min(m, columns); j++) q.data[j + j * m] = 1;
  const k = tau.length;
  if (k === 0 || columns === 0) return q;
  if (!blocked(m, k)) {
    // Few reflectors (dorg2r): one at a time, backwards, each on the columns it reaches.
    const v = space.vector(m);
    for (let j = Math.min(k, columns) - 1; j >= 0; j--) {
      v[j] = 1;
      for (let i = j + 1; i < m; i++) v[i] = data[i + j * m];
      kernels.applyReflectorLeft(m - j, columns - j, v, j, tau[j], q.data, j + j * m, m);
    }
    return q;
  }
  const scratch = blockScratch(space, m, columns, panelWidth);
  const lastBlock = Math.floor((k - 1) / panelWidth) * panelWidth;
  for (let j = lastBlock; j >= 0; j -= panelWidth) {
    const width = Math.min(panelWidth, k - j);
    if (j >= columns) continue;
    explicitReflectors({ data, offset: j + j * m, ld: m }, m - j, width, scratch.v);
    triangularFactor(scratch.v, m - j, width, tau.subarray(j, j + width), scratch.t, scratch.gram);
    const target = { data: q.data, offset: j + j * m, ld: m };
    reflectFromLeft(scratch.v, scratch.t, m - j, width, target, columns - j, scratch, true);
  }
  return q;
}

/** The upper triangular k×n factor stored in the top of the work array (in `space` when given). */
export function extractR(work: Matrix, space: Workspace = plainWorkspace): Matrix {
  const { rows: m, cols: n, data } = work;
  const k = Math.min(m, n);
  const r = space.matrix(k, n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i <= Math.min(j, k - 1); i++) r.data[i + j * k] = data[i + j * m];
  }
  return r;
}

/**
 * The k×n upper triangular factor moved to the front of the work array itself (leading dimension
 * k = min(m, n)), zeros below its diagonal: the values-only SVD reduces it there, with no second
 * matrix to allocate and fault in (128 MB for a 4096-column weight). The reflectors are lost.
 */
export function compactR(work: Matrix): Matrix {
  const { rows: m, cols: n, data } = work;
  const k = Math.min(m, n);
  // Column j moves down to j·k ≤ j·m; it ends by (j + 1)·k ≤ (j + 1)·m, before column j + 1 starts.
  for (let j = 0; j < n; j++) {
    const count = Math.min(j + 1, k);
    data.copyWithin(j * k, j * m, j * m + count);
    data.fill(0, j * k + count, (j + 1) * k);
  }
  return { rows: k, cols: n, data: data.subarray(0, k * n) };
}

/** Doubles a QR factorization of an m×n matrix needs in its workspace: the copy, Q and blocks. */
export function qrWorkspaceDoubles(m: number, n: number): number {
  return m * n + m * Math.min(m, n) + 2 * qrScratchDoubles(m, n);
}

export function householderQr(a: Matrix): QrResult {
  assertFinite(a);
  const space = createWorkspace(qrWorkspaceDoubles(a.rows, a.cols));
  const work = space.copyOf(a);
  const tau = factorQrInPlace(work);
  const result = { Q: detached(formQ(work, tau)), R: extractR(work) };
  space.dispose();
  return result;
}

/** The state of a pivoted factorization as its columns are chosen. */
interface Pivoting {
  data: Float64Array;
  m: number;
  n: number;
  permutation: Int32Array;
  /** Norms of the trailing parts of the columns, downdated each step. */
  partialNorms: Float64Array;
  /** The last norms computed from scratch: downdating that lost all accuracy shows against them. */
  exactNorms: Float64Array;
  tau: Float64Array;
}

/** Pivot for step i: the remaining column of largest norm (first one on ties, as idamax). */
function choosePivot(state: Pivoting, i: number): number {
  const { partialNorms, n } = state;
  let pivot = i;
  for (let j = i + 1; j < n; j++) if (partialNorms[j] > partialNorms[pivot]) pivot = j;
  return pivot;
}

function swapColumns(state: Pivoting, i: number, pivot: number): void {
  const { data, m, permutation, partialNorms, exactNorms } = state;
  const a0 = pivot * m;
  const b0 = i * m;
  for (let r = 0; r < m; r++) {
    const t = data[a0 + r];
    data[a0 + r] = data[b0 + r];
    data[b0 + r] = t;
  }
  const p = permutation[pivot];
  permutation[pivot] = permutation[i];
  permutation[i] = p;
  partialNorms[pivot] = partialNorms[i];
  exactNorms[pivot] = exactNorms[i];
}

/** One unblocked step (dlaqp2): pivot, reflect, downdate norms, recomputing lost ones at once. */
function pivotedStep(state: Pivoting, i: number, reflector: Reflector): void {
  const { data, m, n, partialNorms, exactNorms, tau } = state;
  const pivot = choosePivot(state, i);
  if (pivot !== i) swapColumns(state, i, pivot);
  const ii = i + i * m;
  makeReflector(data, ii, m - i, reflector);
  tau[i] = reflector.tau;
  data[ii] = 1;
  kernels.applyReflectorLeft(m - i, n - i - 1, data, ii, reflector.tau, data, ii + m, m);
  data[ii] = reflector.beta;
  for (let j = i + 1; j < n; j++) {
    if (partialNorms[j] === 0) continue;
    let ratio = Math.abs(data[i + j * m]) / partialNorms[j];
    ratio = Math.max(0, 1 - ratio * ratio);
    const check = ratio * (partialNorms[j] / exactNorms[j]) ** 2;
    if (check <= safeDowndateLimit) {
      if (i < m - 1) {
        partialNorms[j] = vectorNorm(data, i + 1 + j * m, m - i - 1);
        exactNorms[j] = partialNorms[j];
      } else {
        partialNorms[j] = 0;
        exactNorms[j] = 0;
      }
    } else {
      partialNorms[j] *= Math.sqrt(ratio);
    }
  }
}

/** Columns per panel of the blocked pivoted QR. */
const pivotPanel = 32;

interface PivotScratch {
  /** F (rows: the columns from the panel's first on; one column per reflector), LAPACK's F. */
  f: Float64Array;
  auxiliary: Float64Array;
  x: Float64Array;
}

export function pivotedScratchDoubles(n: number): number {
  return n * pivotPanel + 2 * n + 2 * pivotPanel + 32;
}

/**
 * Up to 32 pivoted steps from column `offset` on (LAPACK dlaqps): each reflector reaches only its
 * own column and the pivot row through F = τ·Aᵀ·v, accumulated as the panel goes; the rest of the
 * matrix is updated once, by one gemm. The panel ends early when a downdated norm lost its
 * accuracy (it is recomputed after the update). Returns the steps taken.
 */
function pivotedPanel(
  state: Pivoting,
  offset: number,
  width: number,
  scratch: PivotScratch,
  reflector: Reflector,
): number {
  const { data, m, n, partialNorms, exactNorms, tau } = state;
  const { f, auxiliary, x } = scratch;
  const span = n - offset;
  const recompute: number[] = [];
  let k = 0;
  while (k < width && recompute.length === 0) {
    const column = offset + k;
    const rk = column;
    const pivot = choosePivot(state, column);
    if (pivot !== column) {
      swapColumns(state, column, pivot);
      // F's rows follow their columns.
      for (let p = 0; p < k; p++) {
        const t = f[pivot - offset + p * span];
        f[pivot - offset + p * span] = f[k + p * span];
        f[k + p * span] = t;
      }
    }
    // The panel's earlier reflectors reach this column: A(rk:, column) −= A(rk:, offset:column)·F(k, :k)ᵀ.
    if (k > 0) {
      for (let p = 0; p < k; p++) x[p] = f[k + p * span];
      kernels.gemv(false, m - rk, k, -1, data, rk + offset * m, m, x, 0, 1, data, rk + column * m);
    }
    const at = rk + column * m;
    makeReflector(data, at, m - rk, reflector);
    const t = reflector.tau;
    tau[column] = t;
    data[at] = 1;
    // aux = −τ·A(rk:, offset:column)ᵀ·v: what the panel's earlier reflectors owe F's new column.
    f.fill(0, k * span, k * span + k + 1);
    if (k > 0)
      kernels.gemv(true, m - rk, k, -t, data, rk + offset * m, m, data, at, 0, auxiliary, 0);
    // One fused pass over the rest: F(k+1:, k), the pivot row A(rk, column+1:), the norms.
    const right = n - column - 1;
    if (right > 0) {
      kernels.pivotedPanelStep(
        m - rk,
        right,
        k,
        data,
        at + m,
        m,
        at,
        rk + offset * m,
        t,
        auxiliary,
        0,
        f,
        k + 1,
        span,
        partialNorms,
        exactNorms,
        column + 1,
      );
      // A norm that lost its accuracy (marked −1) ends the panel; it is recomputed after.
      for (let j = column + 1; j < n; j++) if (partialNorms[j] < 0) recompute.push(j);
    }
    data[at] = reflector.beta;
    k++;
  }
  // The rest of the matrix, once: A(offset+k:, offset+k:) −= A(offset+k:, offset:offset+k)·F(k:, :k)ᵀ.
  const top = offset + k;
  if (top < Math.min(m, n)) {
    kernels.gemm(
      false,
      true,
      m - top,
      n - top,
      k,
      -1,
      data,
      top + offset * m,
      m,
      f,
      k,
      span,
      1,
      data,
      top + top * m,
      m,
    );
  }
  for (const j of recompute) {
    partialNorms[j] = top < m ? vectorNorm(data, top + j * m, m - top) : 0;
    exactNorms[j] = partialNorms[j];
  }
  return k;
}

export function qrPivoted(a: Matrix, options: { context?: JobContext } = {}): PivotedQrResult {
  assertFinite(a);
  const { context } = options;
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  const space = createWorkspace(qrWorkspaceDoubles(m, n) + pivotedScratchDoubles(n));
  const work = space.copyOf(a);
  const data = work.data;
  const state: Pivoting = {
    data,
    m,
    n,
    permutation: new Int32Array(n),
    // In the workspace, so the fused panel step reaches them in WebAssembly.
    partialNorms: space.vector(n),
    exactNorms: space.vector(n),
    tau: new Float64Array(k),
  };
  for (let j = 0; j < n; j++) {
    state.permutation[j] = j;
    state.partialNorms[j] = vectorNorm(data, j * m, m);
    state.exactNorms[j] = state.partialNorms[j];
  }
  const reflector: Reflector = { tau: 0, beta: 0 };
  let i = 0;
  // Blocked while much is left (dgeqp3's crossover); the last columns one at a time.
  if (k >= blockedCrossover) {
    const scratch: PivotScratch = {
      f: space.vector(n * pivotPanel),
      auxiliary: space.vector(pivotPanel),
      x: space.vector(pivotPanel + 1),
    };
    while (k - i > blockedCrossover) {
      context?.checkCancelled();
      context?.progress(i / k, 'pivoted QR');
      i += pivotedPanel(state, i, Math.min(pivotPanel, k - i), scratch, reflector);
    }
  }
  for (; i < k; i++) {
    if (context && (i & 31) === 0) {
      context.checkCancelled();
      context.progress(i / k, 'pivoted QR');
    }
    pivotedStep(state, i, reflector);
  }
  const result = {
    Q: detached(formQ(work, state.tau)),
    R: extractR(work),
    permutation: state.permutation,
  };
  space.dispose();
  return result;
}
