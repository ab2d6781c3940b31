// Numerical rank policies: how many singular values count as "not zero", each with its reason.
// default = numpy/MATLAB rule σ₁·max(m,n)·ε; absolute and relative tolerances; the largest spectral
// gap; the Marchenko–Pastur noise edge with the noise level estimated as in Gavish & Donoho (2014).
// Cost: O(k) on k = min(m,n) sorted singular values (plus a fixed-size quadrature for the MP median).
import { formatNumber } from '../number-shown';

export type RankPolicyName = 'default' | 'absolute' | 'relative' | 'gap' | 'noise';

export interface RankDecision {
  rank: number;
  policy: RankPolicyName;
  /** The threshold a singular value had to exceed; null when the policy has none. */
  tolerance: number | null;
  /** One sentence a person reads: why this rank. */
  reason: string;
}

export interface Shape {
  rows: number;
  cols: number;
}

export type RankPolicy =
  | { kind: 'default' }
  | { kind: 'absolute'; tolerance: number }
  | { kind: 'relative'; tolerance: number }
  | { kind: 'gap' }
  | { kind: 'noise'; noiseLevel?: number };

const epsilon = Number.EPSILON;

function countAbove(values: Float64Array, threshold: number): number {
  let count = 0;
  while (count < values.length && values[count] > threshold) count++;
  return count;
}

function largest(values: Float64Array): number {
  return values.length === 0 ? 0 : values[0];
}

/** numpy.linalg.matrix_rank / MATLAB rank: σ > σ₁·max(m,n)·ε. */
/** "1 singular value exceeds", "3 singular values exceed". */
function exceeding(count: number): string {
  return count === 1 ? '1 singular value exceeds' : `${count} singular values exceed`;
}

export function defaultTolerance(values: Float64Array, shape: Shape): number {
  return largest(values) * Math.max(shape.rows, shape.cols) * epsilon;
}

export function defaultRank(values: Float64Array, shape: Shape): RankDecision {
  const tolerance = defaultTolerance(values, shape);
  const rank = countAbove(values, tolerance);
  return {
    rank,
    policy: 'default',
    tolerance,
    reason: `${exceeding(rank)} σ₁·max(m,n)·ε = ${formatNumber(tolerance)} (the numpy/MATLAB rule)`,
  };
}

export function absoluteToleranceRank(values: Float64Array, tolerance: number): RankDecision {
  if (!(tolerance >= 0))
    throw new RangeError(`tolerance must be a non-negative number, got ${tolerance}`);
  const rank = countAbove(values, tolerance);
  return {
    rank,
    policy: 'absolute',
    tolerance,
    reason: `${exceeding(rank)} the absolute tolerance ${formatNumber(tolerance)}`,
  };
}

export function relativeToleranceRank(values: Float64Array, relative: number): RankDecision {
  if (!(relative >= 0))
    throw new RangeError(`relative tolerance must be non-negative, got ${relative}`);
  const tolerance = relative * largest(values);
  const rank = countAbove(values, tolerance);
  return {
    rank,
    policy: 'relative',
    tolerance,
    reason: `${exceeding(rank)} ${formatNumber(relative)}·σ₁ = ${formatNumber(tolerance)}`,
  };
}

/**
 * Rank at the largest ratio σ_i/σ_{i+1} among values above the default floor σ₁·max(m,n)·ε.
 * Values below the floor are roundoff, so the floor stands in for the first of them: an exactly
 * rank-deficient matrix is cut where its roundoff begins. Full rank (no value below the floor)
 * competes with the ratio minimumGap (default 10): a spectrum with no jump of a decade is whole.
 */
export function spectralGapRank(
  values: Float64Array,
  shape: Shape,
  options: { minimumGap?: number } = {},
): RankDecision {
  const minimumGap = options.minimumGap ?? 10;
  const floor = defaultTolerance(values, shape);
  const aboveFloor = countAbove(values, floor);
  if (aboveFloor === 0) {
    return {
      rank: 0,
      policy: 'gap',
      tolerance: floor,
      reason: `no singular value exceeds the roundoff floor ${formatNumber(floor)}`,
    };
  }
  const k = values.length;
  let bestIndex = k - 1;
  let bestRatio = aboveFloor === k ? minimumGap : -1;
  for (let i = 0; i < aboveFloor; i++) {
    if (i + 1 >= k) break;
    const next = i + 1 < aboveFloor ? values[i + 1] : Math.max(floor, values[i + 1]);
    const ratio = next > 0 ? values[i] / next : Infinity;
    // Strictly larger: among equal gaps the smaller rank wins (and full rank only when no gap beats it).
    if (ratio > bestRatio || (ratio === bestRatio && i < bestIndex)) {
      bestRatio = ratio;
      bestIndex = i;
    }
  }
  const rank = bestIndex + 1;
  if (rank === k) {
    return {
      rank,
      policy: 'gap',
      tolerance: floor,
      reason: `no spectral gap exceeds ${formatNumber(minimumGap)}×: all ${k} singular values count`,
    };
  }
  const below = values[rank];
  // The tolerance is the geometric middle of the gap: any threshold inside it gives this rank.
  const tolerance = below > floor ? Math.sqrt(values[rank - 1] * below) : floor;
  return {
    rank,
    policy: 'gap',
    tolerance,
    reason:
      `largest spectral gap σ${rank}/σ${rank + 1} = ${formatNumber(bestRatio)} ` +
      `between σ${rank} = ${formatNumber(values[rank - 1])} and σ${rank + 1} = ${formatNumber(below)}` +
      (below > floor ? '' : ' (below the roundoff floor)'),
  };
}

/**
 * Median of the Marchenko–Pastur law with ratio β ∈ (0, 1] (eigenvalues of ZZᵀ/n for an m×n
 * Gaussian Z, β = m/n). Quadrature in x = c − r·cos θ removes the square-root endpoints, then
 * Newton's method on θ (the density is the derivative of the quadrature), kept inside a
 * bisection bracket; accurate to ~1e-12 in about six quadratures instead of sixty.
 */
export function marchenkoPasturMedian(beta: number): number {
  if (!(beta > 0 && beta <= 1)) throw new RangeError(`β must lie in (0, 1], got ${beta}`);
  const lower = (1 - Math.sqrt(beta)) ** 2;
  const upper = (1 + Math.sqrt(beta)) ** 2;
  const radius = (upper - lower) / 2;
  // With s = sin(θ/2), c = cos(θ/2): x − a = 2r·s² and sin²θ = 4s²c², so for β = 1 (a = 0) the
  // s² cancels and the 1/√x endpoint singularity of the density disappears.
  const density = (theta: number): number => {
    const s = Math.sin(theta / 2);
    const c = Math.cos(theta / 2);
    if (lower === 0) return (radius * c * c) / (Math.PI * beta);
    return (
      (4 * radius * radius * s * s * c * c) / (2 * Math.PI * beta * (lower + 2 * radius * s * s))
    );
  };
  // Composite Simpson on [0, θ]; the integrand is smooth after the substitution.
  const cumulative = (theta: number): number => {
    const steps = 1000;
    const h = theta / steps;
    let sum = density(0) + density(theta);
    for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * density(k * h);
    return (sum * h) / 3;
  };
  let low = 0;
  let high = Math.PI;
  let theta = Math.PI / 2;
  for (let iteration = 0; iteration < 60; iteration++) {
    const excess = cumulative(theta) - 0.5;
    if (excess < 0) low = theta;
    else high = theta;
    let next = theta - excess / density(theta);
    // A step that leaves the bracket (or a flat density) falls back to bisection.
    if (!(next > low && next < high)) next = (low + high) / 2;
    const step = Math.abs(next - theta);
    theta = next;
    if (step < 1e-13 || high - low < 1e-15) break;
  }
  return lower + radius * (1 - Math.cos(theta));
}

/**
 * Noise level σ of A = signal + σ·Z (Z with unit-variance entries), from the median singular
 * value: σ ≈ σ_median / √(n·μ_β), n the larger dimension, μ_β the Marchenko–Pastur median
 * (Gavish & Donoho 2014, "The optimal hard threshold for singular values is 4/√3", eq. 4).
 * Robust while the signal occupies fewer than half of the singular values.
 */
export function estimateNoiseLevel(values: Float64Array, shape: Shape): number {
  const k = values.length;
  if (k === 0) return 0;
  const small = Math.min(shape.rows, shape.cols);
  const large = Math.max(shape.rows, shape.cols);
  const middle = k >> 1;
  const median = k % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  return median / Math.sqrt(large * marchenkoPasturMedian(small / large));
}

/**
 * Rank = number of singular values above the Marchenko–Pastur edge σ·(√m + √n) of the noise,
 * widened by the 99 % Tracy–Widom fluctuation of the largest noise singular value (Johnstone
 * 2001) so that finite-size noise does not leak in, and never below the default floor.
 */
export function noiseEdgeRank(
  values: Float64Array,
  shape: Shape,
  options: { noiseLevel?: number } = {},
): RankDecision {
  const { rows: m, cols: n } = shape;
  const given = options.noiseLevel !== undefined;
  if (given && !(options.noiseLevel! >= 0)) {
    throw new RangeError(`noise level must be non-negative, got ${options.noiseLevel}`);
  }
  const noiseLevel = given ? options.noiseLevel! : estimateNoiseLevel(values, shape);
  const edge = noiseLevel * (Math.sqrt(m) + Math.sqrt(n));
  let threshold = edge;
  if (m > 0 && n > 0) {
    const a = Math.sqrt(Math.max(m - 0.5, 0.5));
    const b = Math.sqrt(Math.max(n - 0.5, 0.5));
    const center = (a + b) ** 2;
    const scale = (a + b) * Math.cbrt(1 / a + 1 / b);
    const tracyWidom99 = 2.02; // 99th percentile of the real (β = 1) Tracy–Widom law
    threshold = Math.max(edge, noiseLevel * Math.sqrt(center + tracyWidom99 * scale));
  }
  const floor = defaultTolerance(values, shape);
  const tolerance = Math.max(threshold, floor);
  const rank = countAbove(values, tolerance);
  const source = given ? 'given' : 'estimated from the median singular value (Gavish–Donoho)';
  return {
    rank,
    policy: 'noise',
    tolerance,
    reason:
      `${rank} singular value${rank === 1 ? ' stands' : 's stand'} above the Marchenko–Pastur noise edge ${formatNumber(edge)} ` +
      `= σ·(√m+√n) with noise level σ = ${formatNumber(noiseLevel)} ${source}` +
      (tolerance > edge
        ? `; threshold ${formatNumber(tolerance)} after the Tracy–Widom margin`
        : ''),
  };
}

/** Applies one policy to descending singular values of a matrix of the given shape. */
export function decideRank(values: Float64Array, shape: Shape, policy: RankPolicy): RankDecision {
  switch (policy.kind) {
    case 'default':
      return defaultRank(values, shape);
    case 'absolute':
      return absoluteToleranceRank(values, policy.tolerance);
    case 'relative':
      return relativeToleranceRank(values, policy.tolerance);
    case 'gap':
      return spectralGapRank(values, shape);
    case 'noise':
      return noiseEdgeRank(values, shape, { noiseLevel: policy.noiseLevel });
  }
}

/** Every floating policy that needs no parameter, side by side (for the spectrum view). */
export function allRanks(
  values: Float64Array,
  shape: Shape,
): { default: RankDecision; gap: RankDecision; noise: RankDecision } {
  return {
    default: defaultRank(values, shape),
    gap: spectralGapRank(values, shape),
    noise: noiseEdgeRank(values, shape),
  };
}
