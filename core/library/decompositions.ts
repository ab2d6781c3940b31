// The singular value decomposition as the app's jobs run it (core/linalg/svd.ts, Golub & Van Loan
// §8.6, on the WebAssembly SIMD kernels where WebAssembly runs), and the measures read off it.
// Cost: O(mn·min(m,n)); values only is several times cheaper than with vectors.
import type { Matrix } from '../linalg/matrix';
import { singularValues as values, svd as decompose } from '../linalg/svd';
import { measures as spectrumMeasures, type Measures } from '../rank/measures';
import { asMatrix, type MatrixLike } from './entries';

/** The singular values of A, descending (length min(m, n)). */
export function singularValues(input: MatrixLike): Float64Array {
  return values(asMatrix(input));
}

export interface ThinSvd {
  /** m×k left singular vectors, k = min(m, n). */
  U: Matrix;
  /** Singular values, descending. */
  values: Float64Array;
  /** n×k right singular vectors: A = U·diag(values)·Vᵀ. */
  V: Matrix;
}

/** The thin SVD A = U·Σ·Vᵀ. */
export function svd(input: MatrixLike): ThinSvd {
  const result = decompose(asMatrix(input), { vectors: true });
  if (!result.U || !result.V) throw new Error('the SVD returned no singular vectors');
  return { U: result.U, values: result.values, V: result.V };
}

/** Norms, stable and effective rank, condition number and energy ranks of A. */
export function measures(input: MatrixLike): Measures {
  const matrix = asMatrix(input);
  return spectrumMeasures(values(matrix), matrix);
}
