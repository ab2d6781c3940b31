// Robust PCA by principal component pursuit: D = L + S with L low rank and S sparse, solving
// min ‖L‖_* + λ‖S‖₁ s.t. L + S = D by the inexact augmented Lagrange multiplier method (Lin, Chen
// & Ma 2010, Algorithm 5; Candès, Li, Ma & Wright 2011 for λ = 1/√max(m,n)).
// Cost: one SVD with vectors per iteration, O(mn·min(m,n)); typically 20–60 iterations.
import { formatNumber } from '../number-shown';
import { directContext, type JobContext } from '../job-context';
import { maxAbs, frobeniusNorm } from '../linalg/norms';
import { assertFinite, zeros, type Matrix } from '../linalg/matrix';
import { singularValues } from '../linalg/svd';
import { shrinkSingularValues, softThreshold } from './singular-value-threshold';

export interface ConvergenceReport {
  iterations: number;
  /** The stopping quantity at the last iteration (here ‖D − L − S‖_F / ‖D‖_F). */
  residual: number;
  converged: boolean;
}

export interface RobustPcaOptions {
  /** Weight of ‖S‖₁; default 1/√max(m, n). */
  lambda?: number;
  /** Stop when ‖D − L − S‖_F ≤ tolerance·‖D‖_F; default 1e-7. */
  tolerance?: number;
  maxIterations?: number;
  context?: JobContext;
}

export interface RobustPcaResult extends ConvergenceReport {
  lowRank: Matrix;
  sparse: Matrix;
  /** Rank of the low-rank part (singular values kept by the last shrinkage). */
  rank: number;
  /** Number of nonzero entries of the sparse part. */
  nonzeros: number;
  lambda: number;
}

export function robustPca(d: Matrix, options: RobustPcaOptions = {}): RobustPcaResult {
  assertFinite(d, 'the data matrix');
  const { rows: m, cols: n } = d;
  const context = options.context ?? directContext;
  const lambda = options.lambda ?? 1 / Math.sqrt(Math.max(m, n, 1));
  const tolerance = options.tolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 500;
  const size = m * n;
  const dataNorm = frobeniusNorm(d);
  if (dataNorm === 0) {
    return {
      lowRank: zeros(m, n),
      sparse: zeros(m, n),
      rank: 0,
      nonzeros: 0,
      lambda,
      iterations: 0,
      residual: 0,
      converged: true,
    };
  }
  const spectral = singularValues(d)[0];
  // Y₀ = D / J(D), J(D) = max(‖D‖₂, ‖D‖_∞/λ): the dual norm makes Y₀ dual-feasible.
  const dualNorm = Math.max(spectral, maxAbs(d) / lambda);
  const multiplier = new Float64Array(size);
  for (let k = 0; k < size; k++) multiplier[k] = d.data[k] / dualNorm;
  let mu = 1.25 / spectral;
  const muMax = mu * 1e7;
  const growth = 1.5;
  let sparse: Float64Array = new Float64Array(size);
  let lowRank = zeros(m, n);
  let rank = 0;
  let residual = Infinity;
  let iterations = 0;
  const work = zeros(m, n);
  while (iterations < maxIterations) {
    context.checkCancelled();
    iterations++;
    for (let k = 0; k < size; k++) work.data[k] = d.data[k] - sparse[k] + multiplier[k] / mu;
    const shrunk = shrinkSingularValues(work, 1 / mu);
    lowRank = shrunk.matrix;
    rank = shrunk.rank;
    for (let k = 0; k < size; k++) work.data[k] = d.data[k] - lowRank.data[k] + multiplier[k] / mu;
    sparse = softThreshold(work.data, lambda / mu);
    for (let k = 0; k < size; k++) {
      const gap = d.data[k] - lowRank.data[k] - sparse[k];
      work.data[k] = gap;
      multiplier[k] += mu * gap;
    }
    residual = frobeniusNorm(work) / dataNorm;
    mu = Math.min(mu * growth, muMax);
    context.progress(
      Math.min(1, iterations / maxIterations),
      `iteration ${iterations}: residual ${formatNumber(residual)}`,
    );
    if (residual <= tolerance) break;
  }
  let nonzeros = 0;
  for (let k = 0; k < size; k++) if (sparse[k] !== 0) nonzeros++;
  context.progress(1);
  return {
    lowRank,
    sparse: { rows: m, cols: n, data: sparse },
    rank,
    nonzeros,
    lambda,
    iterations,
    residual,
    converged: residual <= tolerance,
  };
}
