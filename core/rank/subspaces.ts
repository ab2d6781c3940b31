// The four fundamental subspaces of A (column, row, null, left null) as orthonormal bases, their
// projectors, the pseudo-inverse, minimum-norm least squares and the classification of Ax = b,
// all from the SVD A = UΣVᵀ cut at a numerical rank r (Golub & Van Loan §2.4, §5.5.1).
// Cost: one SVD with vectors, O(mn·min(m,n)); completing a basis to ℝⁿ costs one more O(n³).
import type { JobContext } from '../job-context';
import { identity, zeros, type Matrix } from '../linalg/matrix';
import { vectorNorm } from '../linalg/norms';
import {
  multiplyScaledTransposeB,
  multiplyTransposeB,
  multiplyTransposeVector,
  multiplyVector,
  subtract,
} from '../linalg/products';
import { singularValues, svd } from '../linalg/svd';
import { columns, concatenateColumns } from './column-blocks';
import { decideRank, type RankDecision, type RankPolicy } from './policies';

export interface SubspaceOptions {
  /** How to cut the spectrum; the numpy/MATLAB default when omitted. */
  policy?: RankPolicy;
  context?: JobContext;
}

export interface ThinSvd {
  values: Float64Array;
  U: Matrix;
  V: Matrix;
}

export interface FundamentalSubspaces {
  rows: number;
  cols: number;
  rank: number;
  decision: RankDecision;
  singularValues: Float64Array;
  /** m×r, orthonormal columns spanning col(A). */
  column: Matrix;
  /** n×r, spanning row(A) = col(Aᵀ). */
  row: Matrix;
  /** n×(n−r), spanning null(A). */
  null: Matrix;
  /** m×(m−r), spanning null(Aᵀ). */
  leftNull: Matrix;
}

/** The thin SVD with vectors, insisting that they came back. */
export function thinSvd(a: Matrix, context?: JobContext): ThinSvd {
  const result = svd(a, { vectors: true, context });
  if (!result.U || !result.V) throw new Error('the SVD returned no singular vectors');
  return { values: result.values, U: result.U, V: result.V };
}

/** Numerical rank of A under a policy (default: numpy/MATLAB). */
export function numericalRank(a: Matrix, policy: RankPolicy = { kind: 'default' }): RankDecision {
  return decideRank(singularValues(a), a, policy);
}

/**
 * An orthonormal basis of the orthogonal complement of span(basis) in ℝⁿ, basis n×r orthonormal.
 * The complement is the range of the projector I − QQᵀ, whose singular values are exactly 1
 * (n−r times) and 0 (r times): perfectly separated, so its leading left singular vectors are an
 * accurate, orthonormal answer.
 */
export function orthogonalComplement(basis: Matrix): Matrix {
  const n = basis.rows;
  const r = basis.cols;
  if (r >= n) return zeros(n, 0);
  if (r === 0) return identity(n);
  const complementProjector = subtract(identity(n), multiplyTransposeB(basis, basis));
  return columns(thinSvd(complementProjector).U, 0, n - r);
}

/** Bases of the four fundamental subspaces at the rank the policy chooses. */
export function fundamentalSubspaces(
  a: Matrix,
  options: SubspaceOptions = {},
): FundamentalSubspaces {
  const { rows: m, cols: n } = a;
  const { values, U, V } = thinSvd(a, options.context);
  const decision = decideRank(values, a, options.policy ?? { kind: 'default' });
  const r = decision.rank;
  const k = values.length;
  options.context?.checkCancelled();
  const row = columns(V, 0, r);
  const column = columns(U, 0, r);
  // The thin factors are square on the short side: there the complement is already at hand.
  const nullSpace = n <= m ? columns(V, r, k) : orthogonalComplement(row);
  const leftNull = m <= n ? columns(U, r, k) : orthogonalComplement(column);
  return {
    rows: m,
    cols: n,
    rank: r,
    decision,
    singularValues: values,
    column,
    row,
    null: nullSpace,
    leftNull,
  };
}

/** Orthogonal projector QQᵀ onto the span of orthonormal columns Q. */
export function projector(basis: Matrix): Matrix {
  return multiplyTransposeB(basis, basis);
}

/** A⁺ = V_r Σ_r⁻¹ U_rᵀ: singular values below the rank cut are dropped, not inverted. */
export function pseudoInverse(a: Matrix, options: SubspaceOptions = {}): Matrix {
  const { values, U, V } = thinSvd(a, options.context);
  const r = decideRank(values, a, options.policy ?? { kind: 'default' }).rank;
  if (r === 0) return zeros(a.cols, a.rows);
  const inverse = new Float64Array(r);
  for (let i = 0; i < r; i++) inverse[i] = 1 / values[i];
  return multiplyScaledTransposeB(V, inverse, U);
}

export type SystemKind = 'inconsistent' | 'unique' | 'infinitely many';

export interface LeastSquaresResult {
  /** The minimum-norm minimizer of ‖Ax − b‖₂, x = A⁺b. */
  solution: Float64Array;
  residual: Float64Array;
  residualNorm: number;
  rank: number;
  /** rank([A | b]) under the same policy. */
  augmentedRank: number;
  kind: SystemKind;
  reason: string;
}

/**
 * Minimum-norm least squares x = V_r Σ_r⁻¹ U_rᵀ b with its residual, and what kind of system
 * Ax = b is: inconsistent when rank([A|b]) > rank(A), else unique when rank(A) = n, else
 * infinitely many solutions (an (n − r)-dimensional affine family).
 */
export function leastSquares(
  a: Matrix,
  b: Float64Array,
  options: SubspaceOptions = {},
): LeastSquaresResult {
  if (b.length !== a.rows)
    throw new RangeError(`b has ${b.length} entries but A has ${a.rows} rows`);
  const policy = options.policy ?? { kind: 'default' };
  const { values, U, V } = thinSvd(a, options.context);
  const rank = decideRank(values, a, policy).rank;
  const coefficients = multiplyTransposeVector(columns(U, 0, rank), b);
  for (let i = 0; i < rank; i++) coefficients[i] /= values[i];
  const solution = multiplyVector(columns(V, 0, rank), coefficients);
  const fitted = multiplyVector(a, solution);
  const residual = new Float64Array(b.length);
  for (let i = 0; i < b.length; i++) residual[i] = b[i] - fitted[i];
  const augmented = concatenateColumns(a, { rows: a.rows, cols: 1, data: b });
  const augmentedRank = decideRank(singularValues(augmented), augmented, policy).rank;
  const n = a.cols;
  let kind: SystemKind;
  let reason: string;
  if (augmentedRank > rank) {
    kind = 'inconsistent';
    reason = `rank([A|b]) = ${augmentedRank} > rank(A) = ${rank}: b is not in the column space; x is the least-squares fit`;
  } else if (rank === n) {
    kind = 'unique';
    reason = `rank([A|b]) = rank(A) = ${rank} = n: exactly one solution`;
  } else {
    kind = 'infinitely many';
    reason = `rank([A|b]) = rank(A) = ${rank} < n = ${n}: a ${n - rank}-dimensional family of solutions; x is the one of least norm`;
  }
  return {
    solution,
    residual,
    residualNorm: vectorNorm(residual, 0, residual.length),
    rank,
    augmentedRank,
    kind,
    reason,
  };
}
