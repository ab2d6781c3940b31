// Singular value decomposition A = U·Σ·Vᵀ (thin), values only or with vectors (QR first when
// m ≥ 1.6·n, as LAPACK dgesvd). Values: two-stage reduction to bidiagonal form (dense → band →
// bidiagonal, two-stage-bidiagonalize.ts) and dqds (dqds.ts). Vectors: Householder
// bidiagonalization, then as LAPACK dgesdd a divide-and-conquer bidiagonal SVD
// (bidiagonal-divide.ts) whose vectors receive the reflectors; below order 128 implicit-shift
// bidiagonal QR (Golub & Van Loan §8.6; Demmel & Kahan 1990) rotating the formed factors.
// Cost: O(m·n²) for m ≥ n.
import type { JobContext } from '../job-context';
import {
  applyLeftFactor,
  applyLeftReflectors,
  applyRightFactor,
  bidiagonalizationScratchDoubles,
  bidiagonalize,
  factorApplicationScratchDoubles,
  formLeftFactor,
  formRightFactor,
  rightFactorScratchDoubles,
  type Bidiagonalization,
} from './bidiagonalize';
import {
  bidiagonalDivide,
  bidiagonalDivideScratchDoubles,
  divideCrossover,
} from './bidiagonal-divide';
import { batchSweeps, bidiagonalSvd } from './bidiagonal-svd';
import { bidiagonalSingularValues } from './dqds';
import { assertFinite, transpose, zeros, type Matrix } from './matrix';
import { maxAbs, scaleByPowerOfTwo } from './norms';
import { compactR, extractR, factorQrInPlace, qrScratchDoubles } from './qr';
import {
  twoStageBidiagonal,
  twoStageCrossover,
  twoStageScratchDoubles,
} from './two-stage-bidiagonalize';
import {
  createWorkspace,
  detached,
  plainWorkspace,
  workspaceOf,
  type Workspace,
} from './workspace';

export interface SvdResult {
  /** Singular values, descending, length min(m, n). */
  values: Float64Array;
  /** m×k left singular vectors (k = min(m, n)), present when vectors were asked for. */
  U?: Matrix;
  /** n×k right singular vectors, present when vectors were asked for. */
  V?: Matrix;
}

export interface SvdOptions {
  /** Compute U and V too (default false: values only, much faster). */
  vectors?: boolean;
  /** Polled for cancellation between panels; receives progress. */
  context?: JobContext;
  /**
   * The caller gives up the input: a tall or square matrix is reduced in place instead of copied,
   * which for a 4096×4096 weight matrix saves 128 MB (its entries are garbage afterwards). To get
   * the WebAssembly kernels as well, allocate the input in `createWorkspace(svdWorkspaceDoubles(…))`.
   */
  overwrite?: boolean;
}

/** Tall enough that a QR factorization first makes the bidiagonalization cheaper (dgesvd's crossover). */
const qrFirstRatio = 1.6;

export function svd(a: Matrix, options: SvdOptions = {}): SvdResult {
  assertFinite(a);
  const vectors = options.vectors ?? false;
  const context = options.context;
  const m = a.rows;
  const n = a.cols;
  // Work in a workspace: the input's own when the caller gave it up and allocated it in one.
  const given = options.overwrite === true && m >= n;
  const givenSpace = given ? workspaceOf(a.data) : undefined;
  const space = givenSpace ?? createWorkspace(svdWorkspaceDoubles(m, n, vectors));
  try {
    return decompose(a, space, vectors, context, given);
  } finally {
    // Every result is copied out of a workspace of our own; the next job reuses its memory.
    if (!givenSpace) space.dispose();
  }
}

function decompose(
  a: Matrix,
  space: Workspace,
  vectors: boolean,
  context: JobContext | undefined,
  given: boolean,
): SvdResult {
  const m = a.rows;
  const n = a.cols;
  const k = Math.min(m, n);
  // Work on A or Aᵀ so the working copy has at least as many rows as columns.
  const wide = m < n;
  const rows = Math.max(m, n);
  const cols = k;
  // A given-up ordinary array is copied only when that buys the WebAssembly kernels.
  const inPlace = given && (workspaceOf(a.data) !== undefined || space === plainWorkspace);
  const work = wide ? transpose(a, space.matrix(n, m)) : inPlace ? a : space.copyOf(a);

  const largest = maxAbs(work);
  if (k === 0 || largest === 0) {
    const values = new Float64Array(k);
    if (!vectors) return { values };
    return { values, U: identityColumns(m, k), V: identityColumns(n, k) };
  }
  // Scale by a power of two (exact) so that squares inside the rotations neither overflow nor underflow.
  const exponent = Math.round(Math.log2(largest));
  scaleByPowerOfTwo(work.data, -exponent);

  const tall = rows >= qrFirstRatio * cols;
  if (!vectors) {
    // Values only: the (triangle of the) matrix to bidiagonal form, then dqds.
    let target = work;
    if (tall) {
      factorQrInPlace(work, context);
      target = compactR(work);
    }
    const bidiagonal =
      cols >= twoStageCrossover
        ? twoStageBidiagonal(target, context, tall ? 0.3 : 0, 0.95)
        : bidiagonalize(target, context);
    context?.progress(0.95, 'diagonalizing');
    const values = bidiagonal.diagonal;
    bidiagonalSingularValues(values, bidiagonal.superdiagonal, context);
    scaleByPowerOfTwo(values, exponent);
    context?.progress(1);
    return { values };
  }

  let left: Matrix;
  let right: Matrix;
  let values: Float64Array;
  if (tall) {
    const tau = factorQrInPlace(work, context);
    const triangle = extractR(work, space);
    const reduction = bidiagonalize(triangle, context);
    values = reduction.diagonal;
    const small = diagonalizeWithVectors(reduction, space, context);
    right = small.right;
    // U = Q·[Ub; 0]: the QR's reflectors applied to R's left vectors (dormqr), Q never formed.
    left = space.matrix(rows, cols);
    for (let j = 0; j < cols; j++) {
      left.data.set(small.left.data.subarray(j * cols, (j + 1) * cols), j * rows);
    }
    applyLeftReflectors(work, tau, left, context);
  } else {
    const reduction = bidiagonalize(work, context);
    values = reduction.diagonal;
    ({ left, right } = diagonalizeWithVectors(reduction, space, context));
  }
  scaleByPowerOfTwo(values, exponent);
  context?.progress(1);
  const u = detached(left);
  const v = detached(right);
  // For a wide input the decomposition of Aᵀ = U·Σ·Vᵀ gives A = V·Σ·Uᵀ.
  return wide ? { values, U: v, V: u } : { values, U: u, V: v };
}

/**
 * Singular values and vectors of the bidiagonal B = Qᵀ·A·P, multiplied into U = Q·Ub and V = P·Vb:
 * divide and conquer, then the reflectors applied to its vectors (dbdsdc, dormbr), or for small
 * orders implicit QR rotating the formed Q and P (dbdsqr).
 */
function diagonalizeWithVectors(
  reduction: Bidiagonalization,
  space: Workspace,
  context: JobContext | undefined,
): { left: Matrix; right: Matrix } {
  const { rows: m, cols: n } = reduction.reflectors;
  const { diagonal, superdiagonal } = reduction;
  context?.progress(0.8, 'diagonalizing');
  if (n < divideCrossover) {
    const left = formLeftFactor(reduction);
    const right = formRightFactor(reduction);
    bidiagonalSvd(diagonal, superdiagonal, left, right, context);
    return { left, right };
  }
  const left = space.matrix(m, n);
  const right = space.matrix(n, n);
  bidiagonalDivide(diagonal, superdiagonal, left, right, context);
  context?.progress(0.9, 'forming singular vectors');
  applyLeftFactor(reduction, left, context);
  applyRightFactor(reduction, right, context);
  return { left, right };
}

export function singularValues(
  a: Matrix,
  options: { context?: JobContext; overwrite?: boolean } = {},
): Float64Array {
  return svd(a, { vectors: false, context: options.context, overwrite: options.overwrite }).values;
}

/**
 * Doubles an SVD of an m×n matrix needs in its workspace: the working copy (and R when the QR
 * comes first), the bidiagonalization's panels, then for vectors the factors Q and P (and the Q
 * and product of the QR-first path), the blocks of reflectors and the queued rotations.
 */
export function svdWorkspaceDoubles(m: number, n: number, vectors: boolean): number {
  const rows = Math.max(m, n);
  const cols = Math.min(m, n);
  const tall = rows >= qrFirstRatio * cols;
  const reduced = tall ? cols : rows;
  const matrices = vectors
    ? rows * cols * (tall ? 3 : 2) + cols * cols * (tall ? 3 : 1)
    : rows * cols;
  const twoStage = !vectors && cols >= twoStageCrossover;
  const scratch =
    (twoStage
      ? twoStageScratchDoubles(reduced, cols)
      : bidiagonalizationScratchDoubles(reduced, cols)) +
    2 * qrScratchDoubles(rows, cols) +
    (vectors
      ? rightFactorScratchDoubles(cols) +
        factorApplicationScratchDoubles(rows, cols) +
        bidiagonalDivideScratchDoubles(cols)
      : 0) +
    18 * (rows + cols) +
    4 * (batchSweeps + 1) * cols +
    1024;
  return matrices + scratch;
}

function identityColumns(rows: number, columns: number): Matrix {
  const result = zeros(rows, columns);
  for (let j = 0; j < Math.min(rows, columns); j++) result.data[j + j * rows] = 1;
  return result;
}
