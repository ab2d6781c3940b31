// The approximation view's job: the best rank-r approximation A_r with its errors and storage
// cost, the whole error curve for r = 0..k (Eckart–Young, from the singular values), and the
// factors U_rΣ_r, V_r so the view can show A ≈ B·C. Cost: one SVD with vectors + O(mnr).
import { z } from 'zod';
import type { Matrix } from '../linalg/matrix';
import { columns } from '../rank/column-blocks';
import { lowRankReport, truncate, type LowRankReport } from '../rank/low-rank';
import { matrixSchema } from '../rank/request-schemas';
import { thinSvd } from '../rank/subspaces';
import { addCosts, productCost, svdCost } from './budget';
import { defineJob } from './job';

export const lowRankRequest = z.object({
  matrix: matrixSchema,
  rank: z.number().int().nonnegative(),
  /** Return A_r itself (m×n); off for large matrices where only the figures are wanted. */
  approximation: z.boolean().default(true),
});

export interface LowRankCurve {
  /** Entry r is the figure for the rank-r truncation, r = 0..k. */
  spectralError: Float64Array;
  frobeniusError: Float64Array;
  energyKept: Float64Array;
}

export interface LowRankResult extends LowRankReport {
  rows: number;
  cols: number;
  singularValues: Float64Array;
  approximation: Matrix | null;
  /** m×r: U_rΣ_r. */
  left: Matrix;
  /** n×r: V_r (so A_r = left·rightᵀ). */
  right: Matrix;
  curve: LowRankCurve;
}

export function lowRankCurve(values: Float64Array): LowRankCurve {
  const k = values.length;
  const spectralError = new Float64Array(k + 1);
  const frobeniusError = new Float64Array(k + 1);
  const energyKept = new Float64Array(k + 1);
  const scale = k > 0 ? values[0] : 0;
  // Tail sums from the smallest value up, scaled by σ₁ against overflow.
  let tail = 0;
  const tails = new Float64Array(k + 1);
  for (let r = k - 1; r >= 0; r--) {
    tail += (values[r] / scale) ** 2;
    tails[r] = tail;
  }
  const total = tails[0];
  for (let r = 0; r <= k; r++) {
    spectralError[r] = r < k ? values[r] : 0;
    frobeniusError[r] = scale === 0 ? 0 : scale * Math.sqrt(tails[r]);
    energyKept[r] = total === 0 || scale === 0 ? 1 : 1 - tails[r] / total;
  }
  return { spectralError, frobeniusError, energyKept };
}

export const lowRankJob = defineJob({
  request: lowRankRequest,
  cost: ({ matrix }) =>
    addCosts(
      svdCost(matrix.rows, matrix.cols, true),
      productCost(matrix.rows, Math.min(matrix.rows, matrix.cols), matrix.cols),
    ),
  run(request, context): LowRankResult {
    const { matrix } = request;
    context.progress(0, 'computing the SVD');
    const decomposition = thinSvd(matrix, context);
    context.checkCancelled();
    const report = lowRankReport(decomposition.values, matrix, request.rank);
    const r = report.rank;
    context.progress(0.9, 'forming the approximation');
    const left = columns(decomposition.U, 0, r);
    for (let j = 0; j < r; j++)
      for (let i = 0; i < matrix.rows; i++)
        left.data[i + j * matrix.rows] *= decomposition.values[j];
    context.progress(1, 'done');
    return {
      ...report,
      rows: matrix.rows,
      cols: matrix.cols,
      singularValues: decomposition.values,
      approximation: request.approximation ? truncate(decomposition, r) : null,
      left,
      right: columns(decomposition.V, 0, r),
      curve: lowRankCurve(decomposition.values),
    };
  },
});
