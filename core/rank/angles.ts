// Principal angles between column spaces, accurate for small angles: cosines from the SVD of
// Q_AᵀQ_B, sines from the SVD of Q_B − Q_A(Q_AᵀQ_B), each used where it is well conditioned
// (Knyazev & Argentati 2002; Björck & Golub 1973; as scipy.linalg.subspace_angles). Grassmann
// distances from the angles, and the LoRA subspace similarity φ(i, j) (Hu et al. 2021, §7.2).
// Cost: three SVDs, O(m·(p² + q²)) for m×p and m×q inputs.
import { transpose, zeros, type Matrix } from '../linalg/matrix';
import { multiply, multiplyTransposeA, subtract } from '../linalg/products';
import { singularValues } from '../linalg/svd';
import { columns } from './column-blocks';
import { decideRank, type RankPolicy } from './policies';
import { thinSvd } from './subspaces';

/** Orthonormal basis of col(A) at the numerical rank (scipy.linalg.orth uses the default rule). */
export function orthonormalBasis(a: Matrix, policy: RankPolicy = { kind: 'default' }): Matrix {
  const { values, U } = thinSvd(a);
  return columns(U, 0, decideRank(values, a, policy).rank);
}

/**
 * Principal angles in radians between the column spaces of A and B (same number of rows), in
 * DESCENDING order as scipy.linalg.subspace_angles returns them; min(dim A, dim B) of them.
 * Set orthonormal when A and B already have orthonormal columns spanning the spaces.
 */
export function principalAngles(
  a: Matrix,
  b: Matrix,
  options: { orthonormal?: boolean } = {},
): Float64Array {
  if (a.rows !== b.rows) {
    throw new RangeError(`the subspaces live in different spaces: ℝ^${a.rows} and ℝ^${b.rows}`);
  }
  const qa = options.orthonormal ? a : orthonormalBasis(a);
  const qb = options.orthonormal ? b : orthonormalBasis(b);
  const count = Math.min(qa.cols, qb.cols);
  if (count === 0) return new Float64Array(0);
  const cross = multiplyTransposeA(qa, qb);
  const cosines = singularValues(cross); // descending: cosines of the angles in ascending order
  // The part of the smaller basis outside the larger space; its singular values are the sines.
  const remainder =
    qa.cols >= qb.cols
      ? subtract(qb, multiply(qa, cross))
      : subtract(qa, multiply(qb, transpose(cross)));
  const sines = singularValues(remainder); // descending: sines of the angles in descending order
  const angles = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const cosine = Math.min(1, Math.max(-1, cosines[count - 1 - i]));
    const sine = Math.min(1, Math.max(-1, sines[i] ?? 0));
    // arccos loses all digits near 0, arcsin near π/2: pick by the angle's own cosine.
    angles[i] = cosine * cosine >= 0.5 ? Math.asin(sine) : Math.acos(cosine);
  }
  return angles;
}

export interface GrassmannDistances {
  /** Arc length on the Grassmannian, √(Σθ²). */
  geodesic: number;
  /** √(Σ sin²θ) = ‖P_A − P_B‖_F/√2 for subspaces of equal dimension. */
  chordal: number;
  /** ‖P_A − P_B‖₂: sin θ_max for equal dimensions, 1 when the dimensions differ. */
  projection: number;
}

/**
 * Distances from principal angles. For subspaces of different dimensions the geodesic and
 * chordal distances are taken over the min(p, q) angles (Ye & Lim 2016, the δ distances).
 */
export function grassmannDistances(
  angles: ArrayLike<number>,
  dimensionA: number,
  dimensionB: number,
): GrassmannDistances {
  let squares = 0;
  let sineSquares = 0;
  let largestSine = 0;
  for (let i = 0; i < angles.length; i++) {
    squares += angles[i] * angles[i];
    const sine = Math.sin(angles[i]);
    sineSquares += sine * sine;
    largestSine = Math.max(largestSine, sine);
  }
  return {
    geodesic: Math.sqrt(squares),
    chordal: Math.sqrt(sineSquares),
    projection: dimensionA === dimensionB ? largestSine : 1,
  };
}

/**
 * LoRA's normalized subspace similarity φ(i, j) = ‖U_A[:, :i]ᵀ U_B[:, :j]‖_F² / min(i, j) for
 * i = 1..rowsOfGrid, j = 1..colsOfGrid, as a grid whose entry (i−1, j−1) is φ(i, j); each φ lies in
 * [0, 1]. One product and a 2D prefix sum of its squares: O(m·i·j).
 */
export function subspaceSimilarityGrid(
  basisA: Matrix,
  basisB: Matrix,
  options: { maxI?: number; maxJ?: number } = {},
): Matrix {
  if (basisA.rows !== basisB.rows)
    throw new RangeError('the bases live in spaces of different dimension');
  const maxI = Math.min(options.maxI ?? basisA.cols, basisA.cols);
  const maxJ = Math.min(options.maxJ ?? basisB.cols, basisB.cols);
  const cross = multiplyTransposeA(columns(basisA, 0, maxI), columns(basisB, 0, maxJ));
  const grid = zeros(maxI, maxJ);
  // prefix(i, j) = Σ_{a≤i, b≤j} cross_ab², built column by column.
  const prefix = new Float64Array((maxI + 1) * (maxJ + 1));
  const stride = maxI + 1;
  for (let j = 1; j <= maxJ; j++) {
    for (let i = 1; i <= maxI; i++) {
      const value = cross.data[i - 1 + (j - 1) * maxI];
      prefix[i + j * stride] =
        value * value +
        prefix[i - 1 + j * stride] +
        prefix[i + (j - 1) * stride] -
        prefix[i - 1 + (j - 1) * stride];
      grid.data[i - 1 + (j - 1) * maxI] = prefix[i + j * stride] / Math.min(i, j);
    }
  }
  return grid;
}

/**
 * φ grid for two matrices (e.g. LoRA updates at two ranks): singular vectors of each, left (column
 * space, the default) or right (row space, as the LoRA paper uses for its A matrices), taken to
 * the numerical rank.
 */
export function loraSubspaceSimilarity(
  a: Matrix,
  b: Matrix,
  options: { side?: 'left' | 'right'; maxI?: number; maxJ?: number } = {},
): Matrix {
  const side = options.side ?? 'left';
  const basis = (matrix: Matrix): Matrix => {
    const { values, U, V } = thinSvd(matrix);
    const rank = decideRank(values, matrix, { kind: 'default' }).rank;
    return columns(side === 'left' ? U : V, 0, rank);
  };
  return subspaceSimilarityGrid(basis(a), basis(b), options);
}
