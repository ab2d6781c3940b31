// Subspaces of ℝⁿ for n > 3, projected into a 3D scene: a 3×n projector P (three chosen
// coordinates, or the top three singular directions as rows) maps an orthonormal basis Q (n×k) to
// PQ (3×k), whose span — found by modified Gram–Schmidt with a tolerance, no SVD — is the point,
// line, plane or whole ℝ³ that the scene draws. The true dimension is k; the picture's may be less.
// Cost O(n·k) per basis.
import { zeros, type Matrix } from '../../../core/linalg/matrix';
import { realSpace } from './subspace-geometry';

/** Relative size below which a projected direction counts as already spanned. */
export const projectionTolerance = 1e-9;

/** The 3×n matrix whose rows are the unit vectors e_c for the three chosen (1-based) coordinates. */
export function coordinateProjector(coordinates: readonly number[], n: number): Matrix {
  const projector = zeros(3, n);
  coordinates.slice(0, 3).forEach((coordinate, row) => {
    if (!Number.isInteger(coordinate) || coordinate < 1 || coordinate > n)
      throw new RangeError(`coordinate ${coordinate} is not one of 1..${n}`);
    projector.data[row + (coordinate - 1) * 3] = 1;
  });
  return projector;
}

/**
 * The 3×n matrix whose rows are the first three columns of [first | then] — for the domain the
 * right singular vectors V_r (σ-ordered) completed by the null-space basis, for the codomain U_r
 * completed by the left null space — so it is the top three singular directions, made up to three
 * with orthogonal directions when the rank is below three.
 */
export function singularProjector(first: Matrix, then: Matrix): Matrix {
  const n = first.rows;
  const projector = zeros(3, n);
  let row = 0;
  for (const basis of [first, then]) {
    for (let j = 0; j < basis.cols && row < 3; j++, row++)
      for (let i = 0; i < n; i++) projector.data[row + i * 3] = basis.data[i + j * n];
  }
  return projector;
}

/** P Q for P (p×n) and Q (n×k), column-major. */
export function multiply(p: Matrix, q: Matrix): Matrix {
  if (p.cols !== q.rows)
    throw new RangeError(`cannot multiply ${p.rows}×${p.cols} by ${q.rows}×${q.cols}`);
  const result = zeros(p.rows, q.cols);
  for (let j = 0; j < q.cols; j++)
    for (let l = 0; l < p.cols; l++) {
      const factor = q.data[l + j * q.rows];
      if (factor === 0) continue;
      for (let i = 0; i < p.rows; i++)
        result.data[i + j * p.rows] += p.data[i + l * p.rows] * factor;
    }
  return result;
}

/**
 * An orthonormal basis of the span of M's columns by modified Gram–Schmidt (twice, for accuracy);
 * a column whose remainder is below tolerance × (its original length) is dropped as dependent.
 */
export function orthonormalSpan(matrix: Matrix, tolerance = projectionTolerance): Matrix {
  const m = matrix.rows;
  const kept: Float64Array[] = [];
  for (let j = 0; j < matrix.cols; j++) {
    const vector = Float64Array.from(matrix.data.subarray(j * m, (j + 1) * m));
    const original = Math.hypot(...vector);
    if (original === 0) continue;
    for (let pass = 0; pass < 2; pass++)
      for (const q of kept) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q[i] * vector[i];
        for (let i = 0; i < m; i++) vector[i] -= dot * q[i];
      }
    const length = Math.hypot(...vector);
    if (length <= tolerance * Math.max(1, original)) continue;
    for (let i = 0; i < m; i++) vector[i] /= length;
    kept.push(vector);
    if (kept.length === m) break;
  }
  const result = zeros(m, kept.length);
  kept.forEach((q, j) => result.data.set(q, j * m));
  return result;
}

/** The projected span PQ as an orthonormal 3×r basis; r ≤ min(3, k) is the picture's dimension. */
export function projectSpace(projector: Matrix, basis: Matrix): Matrix {
  return orthonormalSpan(multiply(projector, basis));
}

/** "projected onto coordinates 1, 2, 4" or "projected onto the top three right singular vectors". */
export function projectionPhrase(
  mode: 'coordinates' | 'singular',
  coordinates: readonly number[],
  side: 'right' | 'left',
): string {
  return mode === 'coordinates'
    ? `projected onto coordinates ${coordinates.slice(0, 3).join(', ')}`
    : `projected onto the top three ${side} singular vectors`;
}

/** A label keeping name, ambient space and TRUE dimension, marked as projected. */
export function projectedLabel(
  name: string,
  ambient: number,
  dimension: number,
  projectedDimension: number,
): string {
  const seen =
    projectedDimension === 0
      ? 'the origin'
      : projectedDimension === 1
        ? 'a line'
        : projectedDimension === 2
          ? 'a plane'
          : 'all of ℝ³';
  return `${name} ⊂ ${realSpace(ambient)}, dim ${dimension} (projected: seen as ${seen})`;
}
