// The spectrum view's job: all singular values of a matrix, the rank every floating policy
// gives (with its reason), the estimated noise level and every rank measure.
// Cost: one values-only SVD, O(mn·min(m,n)); progress and cancellation come from the SVD.
import { z } from 'zod';
import { singularValues } from '../linalg/svd';
import { measures, type Measures } from '../rank/measures';
import { allRanks, decideRank, estimateNoiseLevel, type RankDecision } from '../rank/policies';
import { matrixSchema, rankPolicySchema } from '../rank/request-schemas';
import { svdCost } from './budget';
import { defineJob } from './job';

export const spectrumRequest = z.object({
  matrix: matrixSchema,
  /** The policy the caller wants as "the" rank; the others are reported beside it. */
  policy: rankPolicySchema.optional(),
});

export interface SpectrumResult {
  rows: number;
  cols: number;
  singularValues: Float64Array;
  rank: RankDecision;
  ranks: ReturnType<typeof allRanks>;
  noiseLevel: number;
  measures: Measures;
}

export const spectrumJob = defineJob({
  request: spectrumRequest,
  cost: ({ matrix }) => svdCost(matrix.rows, matrix.cols, false),
  run(request, context): SpectrumResult {
    const { matrix } = request;
    context.progress(0, 'computing singular values');
    const values = singularValues(matrix, { context });
    context.checkCancelled();
    const ranks = allRanks(values, matrix);
    const rank = request.policy ? decideRank(values, matrix, request.policy) : ranks.default;
    context.progress(1, 'done');
    return {
      rows: matrix.rows,
      cols: matrix.cols,
      singularValues: values,
      rank,
      ranks,
      noiseLevel: estimateNoiseLevel(values, matrix),
      measures: measures(values, matrix),
    };
  },
});
