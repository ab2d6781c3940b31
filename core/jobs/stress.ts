// A deliberately heavy job: the singular values of a random Gaussian size×size matrix.
// The workbench's "Stress test" uses it to show that long work runs off the UI thread,
// with progress and cancel; the answer (σ_max ≈ 2√n, a quarter-circle law) is real.
import { z } from 'zod';
import { gaussianMatrix } from '../linalg/random';
import { singularValues } from '../linalg/svd';
import { svdCost } from './budget';
import { defineJob } from './job';

export const stressRequest = z.object({
  size: z.number().int().min(1).max(4096),
  seed: z.number().int().optional(),
});

export interface StressResult {
  size: number;
  milliseconds: number;
  largestSingularValue: number;
  smallestSingularValue: number;
}

export const stressJob = defineJob({
  request: stressRequest,
  cost: (request) => svdCost(request.size, request.size, false),
  run(request, context): StressResult {
    const started = performance.now();
    context.progress(0, 'drawing a random matrix');
    const matrix = gaussianMatrix(request.size, request.size, request.seed ?? 1);
    const values = singularValues(matrix, { context });
    context.progress(1, 'done');
    return {
      size: request.size,
      milliseconds: performance.now() - started,
      largestSingularValue: values[0] ?? 0,
      smallestSingularValue: values[values.length - 1] ?? 0,
    };
  },
});
