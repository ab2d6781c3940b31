// The subspaces view's job: orthonormal bases of the four fundamental subspaces at the chosen
// rank, the pseudo-inverse, and, given a right-hand side b, the minimum-norm least-squares
// solution with its residual and the kind of system Ax = b is.
// Cost: one SVD with vectors, O(mn·min(m,n)), plus O(n³) to complete a basis when needed.
import { z } from 'zod';
import type { Matrix } from '../linalg/matrix';
import { multiplyScaledTransposeB } from '../linalg/products';
import type { RankDecision } from '../rank/policies';
import { matrixSchema, rankPolicySchema } from '../rank/request-schemas';
import { fundamentalSubspaces, leastSquares, type LeastSquaresResult } from '../rank/subspaces';
import { addCosts, matrixBytes, svdCost } from './budget';
import { defineJob } from './job';

export const subspacesRequest = z
  .object({
    matrix: matrixSchema,
    policy: rankPolicySchema.optional(),
    /** Right-hand side b of Ax = b (length rows). */
    rhs: z.instanceof(Float64Array).optional(),
  })
  .refine((request) => !request.rhs || request.rhs.length === request.matrix.rows, {
    message: 'the right-hand side needs one entry per row of the matrix',
    path: ['rhs'],
  });

export interface SubspacesResult {
  rows: number;
  cols: number;
  rank: number;
  nullity: number;
  decision: RankDecision;
  singularValues: Float64Array;
  /** Orthonormal columns spanning each space. */
  column: Matrix;
  row: Matrix;
  null: Matrix;
  leftNull: Matrix;
  /** n×m pseudo-inverse V_r Σ_r⁻¹ U_rᵀ. */
  pseudoInverse: Matrix;
  leastSquares: LeastSquaresResult | null;
}

export const subspacesJob = defineJob({
  request: subspacesRequest,
  cost({ matrix }) {
    const { rows: m, cols: n } = matrix;
    // Full bases of both ambient spaces (m² + n²) and the pseudo-inverse (n×m).
    const bases = {
      bytes: matrixBytes(m, m) + matrixBytes(n, n) + matrixBytes(n, m),
      flops: 2 * (m ** 3 + n ** 3),
    };
    return addCosts(svdCost(m, n, true), bases);
  },
  run(request, context): SubspacesResult {
    const { matrix } = request;
    context.progress(0, 'computing the SVD');
    const spaces = fundamentalSubspaces(matrix, { policy: request.policy, context });
    context.checkCancelled();
    const r = spaces.rank;
    const inverted = new Float64Array(r);
    for (let i = 0; i < r; i++) inverted[i] = 1 / spaces.singularValues[i];
    // A⁺ = V_r Σ_r⁻¹ U_rᵀ from the bases already at hand.
    const pseudoInverse =
      r === 0
        ? {
            rows: matrix.cols,
            cols: matrix.rows,
            data: new Float64Array(matrix.rows * matrix.cols),
          }
        : multiplyScaledTransposeB(spaces.row, inverted, spaces.column);
    context.progress(0.8, 'solving the least-squares problem');
    const solved = request.rhs
      ? leastSquares(matrix, request.rhs, { policy: request.policy })
      : null;
    context.progress(1, 'done');
    return {
      rows: matrix.rows,
      cols: matrix.cols,
      rank: r,
      nullity: matrix.cols - r,
      decision: spaces.decision,
      singularValues: spaces.singularValues,
      column: spaces.column,
      row: spaces.row,
      null: spaces.null,
      leftNull: spaces.leftNull,
      pseudoInverse,
      leastSquares: solved,
    };
  },
});
