// Best rank-r approximation A_r = U_r Σ_r V_rᵀ (Eckart–Young–Mirsky: optimal in every unitarily
// invariant norm, with ‖A − A_r‖₂ = σ_{r+1} and ‖A − A_r‖_F = √(Σ_{i>r} σ_i²)), its storage cost,
// and the rank factorization A = B·C at the numerical rank (Golub & Van Loan §2.4.8).
// Cost: one SVD with vectors, O(mn·min(m,n)), plus O(mnr) to form A_r.
import type { JobContext } from '../job-context';
import type { Matrix } from '../linalg/matrix';
import { zeros } from '../linalg/matrix';
import { multiplyScaledTransposeB } from '../linalg/products';
import { columns } from './column-blocks';
import { frobeniusNorm } from './measures';
import { decideRank, type RankDecision, type RankPolicy } from './policies';
import { thinSvd, type ThinSvd } from './subspaces';

export interface LowRankReport {
  rank: number;
  /** ‖A − A_r‖₂ = σ_{r+1} (0 when r ≥ min(m, n)). */
  spectralError: number;
  /** ‖A − A_r‖_F = √(Σ_{i>r} σ_i²). */
  frobeniusError: number;
  /** ‖A − A_r‖_F / ‖A‖_F (0 for the zero matrix). */
  relativeFrobeniusError: number;
  /** Σ_{i≤r} σ_i² / Σσ²: the fraction of energy (squared Frobenius norm) kept (1 for zero A). */
  energyKept: number;
  /** r·(m + n): the numbers stored by the factors U_rΣ_r and V_r. */
  parameters: number;
  /** m·n: the numbers stored by A itself. */
  denseParameters: number;
}

export interface TruncatedSvd extends LowRankReport {
  approximation: Matrix;
}

/** Error and cost figures of the rank-r truncation, from the singular values alone. */
export function lowRankReport(
  values: Float64Array,
  shape: { rows: number; cols: number },
  rank: number,
): LowRankReport {
  const k = values.length;
  if (!Number.isInteger(rank) || rank < 0)
    throw new RangeError(`rank must be a non-negative integer, got ${rank}`);
  const r = Math.min(rank, k);
  const total = frobeniusNorm(values);
  const tail = frobeniusNorm(values.subarray(r));
  // Kept energy from the tail (1 − tail²/total²) stays accurate when nearly everything is kept.
  const energyKept = total === 0 ? 1 : 1 - (tail / total) ** 2;
  return {
    rank: r,
    spectralError: r < k ? values[r] : 0,
    frobeniusError: tail,
    relativeFrobeniusError: total === 0 ? 0 : tail / total,
    energyKept,
    parameters: r * (shape.rows + shape.cols),
    denseParameters: shape.rows * shape.cols,
  };
}

/** A_r from a thin SVD (reuse one decomposition to sweep r). */
export function truncate(decomposition: ThinSvd, rank: number): Matrix {
  const r = Math.min(rank, decomposition.values.length);
  if (r === 0) return zeros(decomposition.U.rows, decomposition.V.rows);
  return multiplyScaledTransposeB(
    decomposition.U,
    decomposition.values.subarray(0, r),
    decomposition.V,
  );
}

/** The best rank-r approximation of A with its error report. */
export function truncatedSvd(
  a: Matrix,
  rank: number,
  options: { context?: JobContext } = {},
): TruncatedSvd {
  const decomposition = thinSvd(a, options.context);
  const report = lowRankReport(decomposition.values, a, rank);
  return { ...report, approximation: truncate(decomposition, report.rank) };
}

export interface RankFactorization {
  /** m×r with orthogonal columns: U_r Σ_r. */
  left: Matrix;
  /** r×n with orthonormal rows: V_rᵀ. */
  right: Matrix;
  rank: number;
  decision: RankDecision;
}

/**
 * A = B·C with B m×r and C r×n, r the numerical rank: B = U_rΣ_r spans the column space and
 * C = V_rᵀ the row space. Exact up to the dropped singular values (‖A − BC‖₂ = σ_{r+1}).
 */
export function rankFactorization(
  a: Matrix,
  options: { policy?: RankPolicy; context?: JobContext } = {},
): RankFactorization {
  const { values, U, V } = thinSvd(a, options.context);
  const decision = decideRank(values, a, options.policy ?? { kind: 'default' });
  const r = decision.rank;
  const left = columns(U, 0, r);
  for (let j = 0; j < r; j++)
    for (let i = 0; i < a.rows; i++) left.data[i + j * a.rows] *= values[j];
  const right = zeros(r, a.cols);
  for (let j = 0; j < a.cols; j++)
    for (let i = 0; i < r; i++) right.data[i + j * r] = V.data[j + i * a.cols];
  return { left, right, rank: r, decision };
}
