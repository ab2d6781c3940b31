// Singular value decomposition A = U·Σ·Vᵀ (thin), values only or with vectors: Householder
// bidiagonalization (QR first when m ≥ 1.6·n, as LAPACK dgesvd) then implicit-shift bidiagonal QR
// with zero-shift sweeps (Golub & Van Loan §8.6; Demmel & Kahan 1990). Cost: O(m·n²) for m ≥ n.
import type { JobContext } from '../jobs/context';
import { bidiagonalize, formLeftFactor, formRightFactor } from './bidiagonalize';
import { bidiagonalSvd } from './bidiagonal-svd';
import { assertFinite, clone, transpose, zeros, type Matrix } from './matrix';
import { maxAbs, scaleByPowerOfTwo } from './norms';
import { multiply } from './products';
import { extractR, factorQrInPlace, formQ } from './qr';

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
   * which for a 4096×4096 weight matrix saves 128 MB (its entries are garbage afterwards).
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
  const k = Math.min(m, n);
  // Work on A or Aᵀ so the working copy has at least as many rows as columns.
  const wide = m < n;
  const work = wide ? transpose(a) : options.overwrite ? a : clone(a);
  const rows = work.rows;
  const cols = work.cols;

  const largest = maxAbs(work);
  if (k === 0 || largest === 0) {
    const values = new Float64Array(k);
    if (!vectors) return { values };
    return { values, U: identityColumns(m, k), V: identityColumns(n, k) };
  }
  // Scale by a power of two (exact) so that squares inside the rotations neither overflow nor underflow.
  const exponent = Math.round(Math.log2(largest));
  scaleByPowerOfTwo(work.data, -exponent);

  let values: Float64Array;
  let left: Matrix | undefined;
  let right: Matrix | undefined;
  if (rows >= qrFirstRatio * cols) {
    const tau = factorQrInPlace(work, context);
    const triangle = extractR(work);
    const reduction = bidiagonalize(triangle, context);
    let smallLeft: Matrix | undefined;
    if (vectors) {
      smallLeft = formLeftFactor(reduction);
      right = formRightFactor(reduction);
    }
    values = reduction.diagonal;
    context?.progress(0.9, 'diagonalizing');
    bidiagonalSvd(values, reduction.superdiagonal, smallLeft, right, context);
    if (vectors && smallLeft) left = multiply(formQ(work, tau), smallLeft);
  } else {
    const reduction = bidiagonalize(work, context);
    if (vectors) {
      left = formLeftFactor(reduction);
      right = formRightFactor(reduction);
    }
    values = reduction.diagonal;
    context?.progress(0.9, 'diagonalizing');
    bidiagonalSvd(values, reduction.superdiagonal, left, right, context);
  }
  scaleByPowerOfTwo(values, exponent);
  context?.progress(1);
  if (!vectors) return { values };
  // For a wide input the decomposition of Aᵀ = U·Σ·Vᵀ gives A = V·Σ·Uᵀ.
  return wide ? { values, U: right, V: left } : { values, U: left, V: right };
}

export function singularValues(
  a: Matrix,
  options: { context?: JobContext; overwrite?: boolean } = {},
): Float64Array {
  return svd(a, { vectors: false, context: options.context, overwrite: options.overwrite }).values;
}

function identityColumns(rows: number, columns: number): Matrix {
  const result = zeros(rows, columns);
  for (let j = 0; j < Math.min(rows, columns); j++) result.data[j + j * rows] = 1;
  return result;
}
