// The robust PCA job: split D = L + S (low rank + sparse) by principal component pursuit, or
// complete a matrix from a mask of known entries by singular value thresholding; both report
// their convergence and stream iteration progress. Cost: one SVD per iteration.
import { z } from 'zod';
import { completeMatrix, type CompletionResult } from '../rank/completion';
import { matrixSchema } from '../rank/request-schemas';
import { robustPca, type RobustPcaResult } from '../rank/robust-pca';
import { defineJob } from './job';

export const robustPcaRequest = z.object({
  matrix: matrixSchema,
  lambda: z.number().positive().optional(),
  tolerance: z.number().positive().optional(),
  maxIterations: z.number().int().positive().max(100_000).optional(),
});

export const robustPcaJob = defineJob({
  request: robustPcaRequest,
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
