// Rank-like measures and norms read off the singular values σ₁ ≥ … ≥ σ_k ≥ 0: stable rank
// ‖A‖_F²/‖A‖₂² (Rudelson & Vershynin 2007), effective rank exp(H(σ/Σσ)) (Roy & Vetterli 2007),
// nuclear / spectral / Frobenius norms, condition number and energy ranks. Cost O(k).
import { defaultRank, type Shape } from './policies';

export interface Measures {
  spectralNorm: number;
  frobeniusNorm: number;
  nuclearNorm: number;
  stableRank: number;
  effectiveRank: number;
  /** σ₁/σ_k; Infinity when the matrix is rank-deficient by the default rule; 0 when empty (as MATLAB). */
  conditionNumber: number;
  /** Smallest r keeping 90 / 95 / 99 % of Σσ² in the first r singular values. */
  energyRank: { p90: number; p95: number; p99: number };
}

export function spectralNorm(values: Float64Array): number {
  return values.length === 0 ? 0 : values[0];
}

/** √(Σσ²), scaled by σ₁ so that huge or tiny values neither overflow nor underflow. */
export function frobeniusNorm(values: Float64Array): number {
  const scale = spectralNorm(values);
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (const value of values) sum += (value / scale) ** 2;
  return scale * Math.sqrt(sum);
}

export function nuclearNorm(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

/** ‖A‖_F²/‖A‖₂² ∈ [1, rank]; 0 for the zero matrix. */
export function stableRank(values: Float64Array): number {
  const scale = spectralNorm(values);
  if (scale === 0) return 0;
  let sum = 0;
  for (const value of values) sum += (value / scale) ** 2;
  return sum;
}

/** exp of the Shannon entropy of p_i = σ_i/Σσ (Roy & Vetterli); in [1, rank]; 0 for zero. */
export function effectiveRank(values: Float64Array): number {
  const total = nuclearNorm(values);
  if (total === 0) return 0;
  let entropy = 0;
  for (const value of values) {
    const p = value / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}

export function conditionNumber(values: Float64Array, shape: Shape): number {
  const k = values.length;
  if (k === 0) return 0;
  if (defaultRank(values, shape).rank < k) return Infinity;
  return values[0] / values[k - 1];
}

/** Smallest r with Σ_{i≤r} σ_i² ≥ fraction·Σσ²; 0 for the zero matrix. */
export function energyRank(values: Float64Array, fraction: number): number {
  if (!(fraction >= 0 && fraction <= 1))
    throw new RangeError(`fraction must lie in [0, 1], got ${fraction}`);
  const scale = spectralNorm(values);
  if (scale === 0) return 0;
  const squares = Array.from(values, (value) => (value / scale) ** 2);
  const total = squares.reduce((sum, square) => sum + square, 0);
  let kept = 0;
  for (let r = 0; r < squares.length; r++) {
    kept += squares[r];
    // A relative slack of a few ulps so that fraction = 1 is reached despite rounding in the sums.
    if (kept >= fraction * total * (1 - 4 * Number.EPSILON)) return r + 1;
  }
  return squares.length;
}

export function measures(values: Float64Array, shape: Shape): Measures {
  return {
    spectralNorm: spectralNorm(values),
    frobeniusNorm: frobeniusNorm(values),
    nuclearNorm: nuclearNorm(values),
    stableRank: stableRank(values),
    effectiveRank: effectiveRank(values),
    conditionNumber: conditionNumber(values, shape),
    energyRank: {
      p90: energyRank(values, 0.9),
      p95: energyRank(values, 0.95),
      p99: energyRank(values, 0.99),
    },
  };
}
