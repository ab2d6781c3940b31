// The Grassmann view's job: principal angles between the column spaces of A and B (small
// angles accurate), the Grassmann distances, and optionally the LoRA similarity grid φ(i, j).
// Cost: a few SVDs of the inputs and of small products, O(m·(p² + q²)).
import { z } from 'zod';
import type { Matrix } from '../linalg/matrix';
import {
  grassmannDistances,
  loraSubspaceSimilarity,
  orthonormalBasis,
  principalAngles,
  type GrassmannDistances,
} from '../rank/angles';
import { matrixSchema } from '../rank/request-schemas';
import { addCosts, productCost, svdCost } from './budget';
import { defineJob } from './job';

export const anglesRequest = z
  .object({
    a: matrixSchema,
    b: matrixSchema,
    similarity: z
      .object({
        side: z.enum(['left', 'right']).default('left'),
        maxI: z.number().int().positive().optional(),
        maxJ: z.number().int().positive().optional(),
      })
      .optional(),
  })
  .refine((request) => request.a.rows === request.b.rows, {
    message: 'A and B must have the same number of rows (their column spaces must share a space)',
    path: ['b'],
  });

export interface AnglesResult {
  ambient: number;
  dimensionA: number;
  dimensionB: number;
  /** Principal angles in radians, descending (as scipy.linalg.subspace_angles). */
  angles: Float64Array;
  distances: GrassmannDistances;
  /** φ(i, j) at entry (i−1, j−1), when asked for. */
  similarity: Matrix | null;
}

export const anglesJob = defineJob({
  request: anglesRequest,
  cost: ({ a, b }) =>
    addCosts(
      svdCost(a.rows, a.cols, true),
      svdCost(b.rows, b.cols, true),
      productCost(a.cols, a.rows, b.cols),
    ),
  run(request, context): AnglesResult {
    context.progress(0, 'orthonormalizing');
    const basisA = orthonormalBasis(request.a);
    context.checkCancelled();
    const basisB = orthonormalBasis(request.b);
    context.checkCancelled();
    context.progress(0.5, 'computing principal angles');
    const angles = principalAngles(basisA, basisB, { orthonormal: true });
    let similarity: Matrix | null = null;
    if (request.similarity) {
      context.progress(0.75, 'computing subspace similarity');
      // Left vectors live in ℝ^rows (shared by the refine above), right ones in ℝ^cols.
      if (request.similarity.side === 'right' && request.a.cols !== request.b.cols) {
        throw new RangeError('row-space similarity needs A and B with the same number of columns');
      }
      similarity = loraSubspaceSimilarity(request.a, request.b, request.similarity);
    }
    context.progress(1, 'done');
    return {
      ambient: request.a.rows,
      dimensionA: basisA.cols,
      dimensionB: basisB.cols,
      angles,
      distances: grassmannDistances(angles, basisA.cols, basisB.cols),
      similarity,
    };
  },
});
