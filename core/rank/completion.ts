// Low-rank matrix completion by singular value thresholding: from the entries of M on a set Ω,
// iterate X = D_τ(Y), Y ← Y + δ·P_Ω(M − X) (Cai, Candès & Shen 2010, Algorithm 1, with their
// defaults τ = 5·√(mn), δ = 1.2·mn/|Ω| and the k₀ warm start).
// Cost: one SVD with vectors per iteration, O(mn·min(m,n)); typically 50–300 iterations.
import { formatNumber } from '../number-shown';
import { directContext, type JobContext } from '../job-context';
import { assertFinite, zeros, type Matrix } from '../linalg/matrix';
import { singularValues } from '../linalg/svd';
import { vectorNorm } from '../linalg/norms';
import type { ConvergenceReport } from './robust-pca';
import { shrinkSingularValues } from './singular-value-threshold';

export interface CompletionOptions {
  /** Shrinkage threshold τ; default 5·√(mn). */
  threshold?: number;
  /** Step size δ; default 1.2·mn/|Ω| (must stay below 2 for convergence). */
  step?: number;
  /** Stop when ‖P_Ω(X − M)‖_F ≤ tolerance·‖P_Ω(M)‖_F; default 1e-4. */
  tolerance?: number;
  maxIterations?: number;
  context?: JobContext;
}

export interface CompletionResult extends ConvergenceReport {
  completed: Matrix;
  rank: number;
  threshold: number;
  step: number;
}

/**
 * Completes `observed` (entries off the mask are ignored) where mask[k] ≠ 0 marks the known
 * entries, in the same column-major order as the matrix data.
 */
export function completeMatrix(
  observed: Matrix,
  mask: Uint8Array,
  options: CompletionOptions = {},
): CompletionResult {
  const { rows: m, cols: n } = observed;
  const size = m * n;
  if (mask.length !== size)
    throw new RangeError(`the mask has ${mask.length} entries, the matrix ${size}`);
  const context = options.context ?? directContext;
  const known = zeros(m, n);
  let count = 0;
  for (let k = 0; k < size; k++) {
    if (mask[k]) {
      known.data[k] = observed.data[k];
      count++;
    }
  }
  assertFinite(known, 'the observed entries');
  const threshold = options.threshold ?? 5 * Math.sqrt(size);
  const step = options.step ?? (count === 0 ? 1 : (1.2 * size) / count);
  const tolerance = options.tolerance ?? 1e-4;
  const maxIterations = options.maxIterations ?? 500;
  const knownNorm = vectorNorm(known.data, 0, size);
  if (knownNorm === 0) {
    return {
      completed: zeros(m, n),
      rank: 0,
      threshold,
      step,
      iterations: 0,
      residual: 0,
      converged: true,
    };
  }
  // Warm start: the first k₀ iterations would only grow Y until D_τ(Y) ≠ 0 (CCS §5.1.1).
  const warm = Math.ceil(threshold / (step * singularValues(known)[0]));
  const y = zeros(m, n);
  for (let k = 0; k < size; k++) y.data[k] = warm * step * known.data[k];
  let completed = zeros(m, n);
  let rank = 0;
  let residual = Infinity;
  let iterations = 0;
  const gap = new Float64Array(size);
  while (iterations < maxIterations) {
    context.checkCancelled();
    iterations++;
    const shrunk = shrinkSingularValues(y, threshold);
    completed = shrunk.matrix;
    rank = shrunk.rank;
    for (let k = 0; k < size; k++) gap[k] = mask[k] ? known.data[k] - completed.data[k] : 0;
    residual = vectorNorm(gap, 0, size) / knownNorm;
    context.progress(
      Math.min(1, iterations / maxIterations),
      `iteration ${iterations}: residual ${formatNumber(residual)}`,
    );
    if (residual <= tolerance) break;
    for (let k = 0; k < size; k++) y.data[k] += step * gap[k];
  }
  context.progress(1);
  return {
    completed,
    rank,
    threshold,
    step,
    iterations,
    residual,
    converged: residual <= tolerance,
  };
}
