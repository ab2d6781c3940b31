// Reduction of an m×n matrix (m ≥ n) to upper bidiagonal form B = Qᵀ·A·P by alternating left and
// right Householder reflectors (Golub–Kahan; Golub & Van Loan §5.4.8, LAPACK dgebrd/dlabrd/dgebd2).
// Cost: 4·m·n² − 4·n³/3 flops, plus 4·m·n² − 4·n³/3 to form Q and 4·n³/3 to form P.
import type { JobContext } from '../job-context';
import {
  blockScratch,
  blockScratchDoubles,
  explicitReflectors,
  reflectFromLeft,
  triangularFactor,
} from './block-reflector';
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import { type Matrix } from './matrix';
import { formQ } from './qr';
import { plainWorkspace, workspaceOf, type Workspace } from './workspace';

export interface Bidiagonalization {
  /** Diagonal of B, length n. */
  diagonal: Float64Array;
  /** Superdiagonal of B, length max(n − 1, 0). */
  superdiagonal: Float64Array;
  /** The working array: reflector vectors below the diagonal (left) and right of the superdiagonal (right). */
  reflectors: Matrix;
  leftTau: Float64Array;
  rightTau: Float64Array;
}

/** Columns reduced per panel of the blocked reduction (LAPACK's nb). */
const panelWidth = 32;
/** Below this many trailing columns the unblocked reduction finishes the job (LAPACK's nx). */
const blockedCrossover = 128;

/**
 * Bidiagonalizes `work` (m×n, m ≥ n) in place; `work` keeps the reflectors. Blocked as LAPACK
 * dgebrd: each panel of 32 columns and rows is reduced with matrix–vector products against the
 * not-yet-updated trailing matrix (dlabrd), which then receives the panel's reflectors in two
 * matrix products — half the flops at gemm speed, and the trailing matrix written once per panel
 * instead of once per column. The last columns are reduced unblocked. Scratch arrays come from
 * the workspace `work` lives in, so the WebAssembly kernels run on them in place.
 */
export function bidiagonalize(work: Matrix, context?: JobContext): Bidiagonalization {
  const { rows: m, cols: n, data } = work;
  if (m < n) throw new RangeError('bidiagonalize needs rows ≥ cols; transpose first');
  const result: Bidiagonalization = {
    diagonal: new Float64Array(n),
    superdiagonal: new Float64Array(Math.max(n - 1, 0)),
    reflectors: work,
    leftTau: new Float64Array(n),
    rightTau: new Float64Array(Math.max(n - 1, 0)),
  };
  let k = 0;
  if (n >= blockedCrossover) {
    const panel = panelScratch(workspaceOf(data) ?? plainWorkspace, m, n);
    for (; n - k > blockedCrossover; k += panelWidth) {
      context?.checkCancelled();
      context?.progress((0.8 * k) / n, 'bidiagonalizing');
      reducePanel(data, m, n, k, result, panel);
    }
  }
  reduceUnblocked(data, m, n, k, result, context);
  return result;
}

/**
 * The panel's trailing update A −= X·U + V·Yᵀ is one product [X V]·[U; Yᵀ] of depth 2·nb, so the
 * trailing matrix is read and written once per panel: `left` (m×2nb) holds X then a copy of V,
 * `right` (2nb×n) a copy of U above Yᵀ (Y stored transposed from the start).
 */
interface PanelScratch {
  left: Float64Array;
  right: Float64Array;
  row: Float64Array;
  column: Float64Array;
  small: Float64Array;
  rowPart: Float64Array;
  xRow: Float64Array;
}

/** Doubles bidiagonalize takes from the workspace of an m×n matrix beside the matrix itself. */
export function bidiagonalizationScratchDoubles(m: number, n: number): number {
  return 2 * panelWidth * (m + n) + 3 * (m + n) + 4 * (panelWidth + 2) + 64;
}

function panelScratch(space: Workspace, m: number, n: number): PanelScratch {
  return {
    left: space.vector(m * 2 * panelWidth),
    right: space.vector(2 * panelWidth * n),
    row: space.vector(n),
    column: space.vector(n),
    small: space.vector(panelWidth + 1),
    rowPart: space.vector(panelWidth + 1),
    xRow: space.vector(panelWidth),
  };
}

/**
 * Reduces rows and columns k … k+nb−1 (LAPACK dlabrd, with Y kept transposed), then updates the
 * trailing matrix A[k+nb:, k+nb:] −= V·Yᵀ + X·U (dgebrd). Local indices i, j count from (k, k).
 */
function reducePanel(
  data: Float64Array,
  m: number,
  n: number,
  k: number,
  result: Bidiagonalization,
  scratch: PanelScratch,
): void {
  const { left: x, right, row, column, small, rowPart, xRow } = scratch;
  const nb = panelWidth;
  // Yᵀ(p, j) = right[yt + p + j·ytLd].
  const yt = nb;
  const ytLd = 2 * nb;
  const rows = m - k;
  const cols = n - k;
  const at = (i: number, j: number): number => k + i + (k + j) * m;
  const reflector: Reflector = { tau: 0, beta: 0 };
  for (let i = 0; i < nb; i++) {
    const length = cols - i - 1;
    // Column i receives the panel's earlier reflectors: A(i:, i) −= A(i:, :i)·Y(i, :i)ᵀ + X(i:, :i)·A(:i, i).
    kernels.gemv(
      false,
      rows - i,
      i,
      -1,
      data,
      at(i, 0),
      m,
      right,
      yt + i * ytLd,
      1,
      data,
      at(i, i),
    );
    kernels.gemv(false, rows - i, i, -1, x, i, m, data, at(0, i), 1, data, at(i, i));
    makeReflector(data, at(i, i), rows - i, reflector);
    result.diagonal[k + i] = reflector.beta;
    const tauLeft = reflector.tau;
    result.leftTau[k + i] = tauLeft;
    data[at(i, i)] = 1;

    // Y(i+1:, i) = tauq·(A(i:, i+1:)ᵀ·v − Y(i+1:, :i)·(A(i:, :i)ᵀ·v) − A(:i, i+1:)ᵀ·(X(i:, :i)ᵀ·v)).
    kernels.gemv(true, rows - i, length, 1, data, at(i, i + 1), m, data, at(i, i), 0, column, 0);
    kernels.gemv(true, rows - i, i, 1, data, at(i, 0), m, data, at(i, i), 0, small, 0);
    kernels.gemv(true, i, length, -1, right, yt + (i + 1) * ytLd, ytLd, small, 0, 1, column, 0);
    kernels.gemv(true, rows - i, i, 1, x, i, m, data, at(i, i), 0, small, 0);
    kernels.gemv(true, i, length, -1, data, at(0, i + 1), m, small, 0, 1, column, 0);
    for (let j = 0; j < length; j++) right[yt + i + (i + 1 + j) * ytLd] = tauLeft * column[j];

    // Row i receives the same: A(i, i+1:) −= Y(i+1:, :i+1)·A(i, :i+1)ᵀ + A(:i, i+1:)ᵀ·X(i, :i)ᵀ.
    for (let j = 0; j < length; j++) row[j] = data[at(i, i + 1 + j)];
    for (let p = 0; p <= i; p++) rowPart[p] = data[at(i, p)];
    for (let p = 0; p < i; p++) xRow[p] = x[i + p * m];
    kernels.gemv(true, i + 1, length, -1, right, yt + (i + 1) * ytLd, ytLd, rowPart, 0, 1, row, 0);
    kernels.gemv(true, i, length, -1, data, at(0, i + 1), m, xRow, 0, 1, row, 0);
    makeReflector(row, 0, length, reflector);
    result.superdiagonal[k + i] = reflector.beta;
    const tauRight = reflector.tau;
    result.rightTau[k + i] = tauRight;
    row[0] = 1;
    for (let j = 0; j < length; j++) data[at(i, i + 1 + j)] = row[j];

    // X(i+1:, i) = taup·(A(i+1:, i+1:)·u − A(i+1:, :i+1)·(Y(i+1:, :i+1)ᵀ·u) − X(i+1:, :i)·(A(:i, i+1:)·u)).
    const xi = i + 1 + i * m;
    kernels.gemv(false, rows - i - 1, length, 1, data, at(i + 1, i + 1), m, row, 0, 0, x, xi);
    kernels.gemv(false, i + 1, length, 1, right, yt + (i + 1) * ytLd, ytLd, row, 0, 0, small, 0);
    kernels.gemv(false, rows - i - 1, i + 1, -1, data, at(i + 1, 0), m, small, 0, 1, x, xi);
    kernels.gemv(false, i, length, 1, data, at(0, i + 1), m, row, 0, 0, small, 0);
    kernels.gemv(false, rows - i - 1, i, -1, x, i + 1, m, small, 0, 1, x, xi);
    for (let r = 0; r < rows - i - 1; r++) x[xi + r] *= tauRight;
  }
  // The trailing matrix, once: A(nb:, nb:) −= [X V]·[U; Yᵀ] (the unit entries still in place).
  for (let p = 0; p < nb; p++) {
    x.set(data.subarray(at(nb, p), at(rows, p)), nb + (nb + p) * m);
  }
  for (let j = nb; j < cols; j++) {
    for (let p = 0; p < nb; p++) right[p + j * ytLd] = data[at(p, j)];
  }
  kernels.gemm(
    false,
    false,
    rows - nb,
    cols - nb,
    2 * nb,
    -1,
    x,
    nb,
    m,
    right,
    nb * ytLd,
    ytLd,
    1,
    data,
    at(nb, nb),
    m,
  );
  for (let i = 0; i < nb; i++) {
    data[at(i, i)] = result.diagonal[k + i];
    data[at(i, i + 1)] = result.superdiagonal[k + i];
  }
}

/**
 * Reduces columns from `first` on, unblocked. Memory traffic is what limits this BLAS-2 step, so
 * it makes two passes over the trailing matrix instead of three: the rank-one update of the
 * previous right reflector is fused with the application of the next left reflector.
 */
function reduceUnblocked(
  data: Float64Array,
  m: number,
  n: number,
  first: number,
  result: Bidiagonalization,
  context: JobContext | undefined,
): void {
  const { diagonal, superdiagonal, leftTau, rightTau } = result;
  const space = workspaceOf(data) ?? plainWorkspace;
  // The pending right update A[k:m, k:n] −= pendingTau · w · uᵀ from the previous step.
  const u = space.vector(n);
  const w = space.vector(m);
  const factors = space.vector(n);
  let pendingTau = 0;
  const reflector: Reflector = { tau: 0, beta: 0 };

  for (let k = first; k < n; k++) {
    if (context && (k & 31) === 0) {
      context.checkCancelled();
      context.progress((0.8 * k) / n, 'bidiagonalizing');
    }
    const height = m - k;
    const kk = k + k * m;
    // Column k receives the pending update first: the left reflector is built from it.
    if (pendingTau !== 0) kernels.axpy(height, -pendingTau * u[0], w, 0, data, kk);
    makeReflector(data, kk, height, reflector);
    diagonal[k] = reflector.beta;
    leftTau[k] = reflector.tau;
    data[kk] = 1;
    if (pendingTau !== 0) for (let j = 1; j < n - k; j++) factors[j - 1] = pendingTau * u[j];
    kernels.updateThenReflectLeft(
      height,
      n - k - 1,
      w,
      0,
      pendingTau !== 0 ? factors : null,
      0,
      data,
      kk,
      reflector.tau,
      data,
      kk + m,
      m,
    );
    data[kk] = reflector.beta;
    pendingTau = 0;
    if (k >= n - 1) continue;

    // Right reflector: zero row k right of the superdiagonal (copied to be contiguous).
    const length = n - k - 1;
    for (let j = 0; j < length; j++) u[j] = data[k + (k + 1 + j) * m];
    makeReflector(u, 0, length, reflector);
    superdiagonal[k] = reflector.beta;
    rightTau[k] = reflector.tau;
    for (let j = 1; j < length; j++) data[k + (k + 1 + j) * m] = u[j];
    data[k + (k + 1) * m] = reflector.beta;
    u[0] = 1;
    if (reflector.tau === 0) continue;
    // w = A[k+1:m, k+1:n]·u; the update itself waits for the next step.
    const rows = m - k - 1;
    kernels.gemv(false, rows, length, 1, data, k + 1 + (k + 1) * m, m, u, 0, 0, w, 0);
    pendingTau = reflector.tau;
  }
}

/** The thin m×n factor Q = H₀·H₁·…·H_{n−1}: stored exactly as Householder QR stores its reflectors. */
export function formLeftFactor(result: Bidiagonalization): Matrix {
  return formQ(result.reflectors, result.leftTau, result.reflectors.cols);
}

/** Reflectors per block when forming or applying Q and P. */
const reflectorBlock = 32;

/** Doubles formRightFactor takes beside P. */
export function rightFactorScratchDoubles(n: number): number {
  return blockScratchDoubles(n, n, reflectorBlock);
}

/** Doubles applyLeftFactor and applyRightFactor take for an m×n reduction. */
export function factorApplicationScratchDoubles(m: number, n: number): number {
  return blockScratchDoubles(m, n, reflectorBlock);
}

/**
 * The n×n factor P = G₀·G₁·…·G_{n−2} of the right reflectors (G_k acts on indices k+1 … n−1 with
 * u = (1, A[k, k+2:n])), built backwards a block of 32 at a time in compact WY form (dorgbr).
 */
export function formRightFactor(result: Bidiagonalization): Matrix {
  const { cols: n, data } = result.reflectors;
  const space = workspaceOf(data) ?? plainWorkspace;
  const p = space.matrix(n, n);
  for (let j = 0; j < n; j++) p.data[j + j * n] = 1;
  // Columns left of a block's first index are still those of the identity, which it leaves alone.
  reflectRight(result, p, true);
  return p;
}

/** target (n×c) ← P·target, the right reflectors applied backwards in blocks (dormbr). */
export function applyRightFactor(
  result: Bidiagonalization,
  target: Matrix,
  context?: JobContext,
): void {
  reflectRight(result, target, false, context);
}

function reflectRight(
  result: Bidiagonalization,
  target: Matrix,
  identity: boolean,
  context?: JobContext,
): void {
  const { rows: m, cols: n, data } = result.reflectors;
  const count = n - 1;
  if (count <= 0) return;
  const space = workspaceOf(data) ?? plainWorkspace;
  const mark = space.mark();
  const scratch = blockScratch(space, n, target.cols, reflectorBlock);
  const { v } = scratch;
  const lastBlock = Math.floor((count - 1) / reflectorBlock) * reflectorBlock;
  for (let j = lastBlock; j >= 0; j -= reflectorBlock) {
    context?.checkCancelled();
    const width = Math.min(reflectorBlock, count - j);
    // V over indices j+1 … n−1: reflector k = j + r has its 1 at k + 1, zeros above.
    const rows = n - 1 - j;
    for (let r = 0; r < width; r++) {
      const k = j + r;
      const column = r * rows;
      v.fill(0, column, column + r);
      v[column + r] = 1;
      for (let i = k + 2; i < n; i++) v[column + i - (j + 1)] = data[k + i * m];
    }
    triangularFactor(
      v,
      rows,
      width,
      result.rightTau.subarray(j, j + width),
      scratch.t,
      scratch.gram,
    );
    const first = identity ? j + 1 : 0;
    const block = { data: target.data, offset: j + 1 + first * target.rows, ld: target.rows };
    reflectFromLeft(v, scratch.t, rows, width, block, target.cols - first, scratch, true);
  }
  space.release(mark);
}

/** target (m×c) ← Q·target, the left reflectors applied backwards in blocks (dormbr). */
export function applyLeftFactor(
  result: Bidiagonalization,
  target: Matrix,
  context?: JobContext,
): void {
  applyLeftReflectors(result.reflectors, result.leftTau, target, context);
}

/**
 * target (m×c) ← H₀·H₁·…·H_{k−1}·target for reflectors stored below the diagonal of the m-row
 * `reflectors` as Householder QR and the left bidiagonalization store them (dormqr), backwards in
 * blocks: the product is never formed.
 */
export function applyLeftReflectors(
  reflectors: Matrix,
  taus: Float64Array,
  target: Matrix,
  context?: JobContext,
): void {
  const { rows: m, data } = reflectors;
  const count = taus.length;
  if (count === 0) return;
  const space = workspaceOf(data) ?? plainWorkspace;
  const mark = space.mark();
  const scratch = blockScratch(space, m, target.cols, reflectorBlock);
  const lastBlock = Math.floor((count - 1) / reflectorBlock) * reflectorBlock;
  for (let j = lastBlock; j >= 0; j -= reflectorBlock) {
    context?.checkCancelled();
    const width = Math.min(reflectorBlock, count - j);
    explicitReflectors({ data, offset: j + j * m, ld: m }, m - j, width, scratch.v);
    const blockTaus = taus.subarray(j, j + width);
    triangularFactor(scratch.v, m - j, width, blockTaus, scratch.t, scratch.gram);
    const block = { data: target.data, offset: j, ld: target.rows };
    reflectFromLeft(scratch.v, scratch.t, m - j, width, block, target.cols, scratch, true);
  }
  space.release(mark);
}
