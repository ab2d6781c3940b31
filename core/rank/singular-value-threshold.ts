// The singular value shrinkage operator D_τ(X) = U·max(Σ − τ, 0)·Vᵀ, the proximal map of τ‖·‖_*
// (Cai, Candès & Shen 2010, Theorem 2.1), and entrywise soft thresholding, the proximal map of
// τ‖·‖₁. Cost: one SVD with vectors, O(mn·min(m,n)), plus O(mnr) to rebuild.
import type { JobContext } from '../job-context';
import { zeros, type Matrix } from '../linalg/matrix';
import { multiplyScaledTransposeB } from '../linalg/products';
import { thinSvd } from './subspaces';

export interface Shrunk {
  matrix: Matrix;
  /** Number of singular values above τ: the rank of the result. */
  rank: number;
}

export function shrinkSingularValues(x: Matrix, threshold: number, context?: JobContext): Shrunk {
  const { values, U, V } = thinSvd(x, context);
  let rank = 0;
  while (rank < values.length && values[rank] > threshold) rank++;
  if (rank === 0) return { matrix: zeros(x.rows, x.cols), rank };
  const shrunk = new Float64Array(rank);
  for (let i = 0; i < rank; i++) shrunk[i] = values[i] - threshold;
  return { matrix: multiplyScaledTransposeB(U, shrunk, V), rank };
}

/** sign(x)·max(|x| − τ, 0) entry by entry, into a new array. */
export function softThreshold(data: Float64Array, threshold: number): Float64Array {
  const result = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const value = data[k];
    if (value > threshold) result[k] = value - threshold;
    else if (value < -threshold) result[k] = value + threshold;
  }
  return result;
}
