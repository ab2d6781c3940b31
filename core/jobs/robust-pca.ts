// The robust PCA job: split D = L + S (low rank + sparse) by principal component pursuit, or
// complete a matrix from a mask of known entries by singular value thresholding; both report
// their convergence and stream iteration progress. Cost: one SVD per iteration.
import { z } from 'zod';
import { completeMatrix, type CompletionResult } from '../rank/completion';
import { matrixSchema } from '../rank/request-schemas';
import { robustPca, type RobustPcaResult } from '../rank/robust-pca';
import { matrixBytes, svdCost, type Cost } from './budget';
import { defineJob } from './job';

/**
 * One SVD with vectors per iteration. Both methods stop at their tolerance, typically within a
 * hundred iterations, so the estimate counts at most that many (or fewer when asked).
 */
function iterationsCost(matrix: { rows: number; cols: number }, maxIterations = 500): Cost {
  const svd = svdCost(matrix.rows, matrix.cols, true);
  return {
    bytes: svd.bytes + 4 * matrixBytes(matrix.rows, matrix.cols),
    flops: Math.min(maxIterations, 100) * svd.flops,
  };
}

export const robustPcaRequest = z.object({
  matrix: matrixSchema,
  lambda: z.number().positive().optional(),
  tolerance: z.number().positive().optional(),
  maxIterations: z.number().int().positive().max(100_000).optional(),
});

export const robustPcaJob = defineJob({
  request: robustPcaRequest,
  cost: (request) => iterationsCost(request.matrix, request.maxIterations),
  run(request, context): RobustPcaResult {
    return robustPca(request.matrix, {
      lambda: request.lambda,
      tolerance: request.tolerance,
      maxIterations: request.maxIterations,
      context,
    });
  },
});

export const completionRequest = z
  .object({
    matrix: matrixSchema,
    /** 1 where the entry is known, 0 where it is to be filled in; column-major like the data. */
    mask: z.instanceof(Uint8Array),
    threshold: z.number().positive().optional(),
    step: z.number().positive().optional(),
    tolerance: z.number().positive().optional(),
    maxIterations: z.number().int().positive().max(100_000).optional(),
  })
  .refine((request) => request.mask.length === request.matrix.rows * request.matrix.cols, {
    message: 'the mask needs one entry per matrix entry',
    path: ['mask'],
  });

export const completionJob = defineJob({
  request: completionRequest,
  cost: (request) => iterationsCost(request.matrix, request.maxIterations),
  run(request, context): CompletionResult {
    return completeMatrix(request.matrix, request.mask, {
      threshold: request.threshold,
      step: request.step,
      tolerance: request.tolerance,
      maxIterations: request.maxIterations,
      context,
    });
  },
});
