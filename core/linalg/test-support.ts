// Measures the tests of core/linalg share: residual and orthogonality norms, and fixture loading.
import type { Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiply, multiplyTransposeA, subtract } from './products';

export const epsilon = 2 ** -53;

/** ‖QᵀQ − I‖_F. */
export function orthogonalityError(q: Matrix): number {
  const gram = multiplyTransposeA(q, q);
  for (let i = 0; i < gram.rows; i++) gram.data[i + i * gram.rows] -= 1;
  return frobeniusNorm(gram);
}

/** ‖A − B·C‖_F. */
export function productResidual(a: Matrix, b: Matrix, c: Matrix): number {
  return frobeniusNorm(subtract(a, multiply(b, c)));
}

/** A·P: column j is column permutation[j] of A. */
export function permuteColumns(a: Matrix, permutation: Int32Array): Matrix {
  const result = { rows: a.rows, cols: a.cols, data: new Float64Array(a.data.length) };
  for (let j = 0; j < a.cols; j++) {
    result.data.set(
      a.data.subarray(permutation[j] * a.rows, (permutation[j] + 1) * a.rows),
      j * a.rows,
    );
  }
  return result;
}

/** How many entries differ bit for bit (deep equality on a million entries is slow to report). */
export function differingEntries(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) return Math.max(x.length, y.length);
  let count = 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) count++;
  return count;
}
