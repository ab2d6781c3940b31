// One row of the Lab's weight table (and of `rankscope analyze`): the spectrum-derived facts an
// ML engineer asks of a weight matrix — rank under a policy, stable and effective rank, σ₁,
// condition number, energy ranks, the noise-edge rank and what a rank-r factorization costs.
import { z } from 'zod';
import type { Matrix } from '../linalg/matrix';
import type { RankPolicy } from '../rank/policies';
import { matrixSchema, rankPolicySchema } from '../rank/request-schemas';
import type { JobContext } from './context';
import { fullPass } from '../weights/spectrum-passes';
import { matrixBytes, svdCost } from './budget';
import { defineJob } from './job';

export interface WeightRow {
  name: string;
  /** The tensor's shape as stored. */
  shape: number[];
  rows: number;
  cols: number;
  dtype: string;
  /** How an N-D tensor became a matrix, when it did. */
  reshaped?: string;
  rank: number;
  policy: string;
  rankReason: string;
  stableRank: number;
  effectiveRank: number;
  sigmaMax: number;
  condition: number;
  energyRank90: number;
  energyRank95: number;
  energyRank99: number;
  noiseRank: number;
  /** r(m+n) for r = rank: what storing the matrix as a rank-r product would take. */
  factorParameters: number;
  /** m·n, the dense matrix's parameters. */
  denseParameters: number;
  singularValues: Float64Array;
}

export interface WeightDescription {
  name: string;
  shape: number[];
  dtype: string;
  reshaped?: string;
}

/**
 * The row for one weight matrix. The matrix is consumed (reduced in place). `transposed` says it
 * holds the transpose of the weight (as a safetensors tensor read with layout 'spectrum' does):
 * the singular values are the same, and the row still reports the weight's own rows × cols.
 */
export function analyzeWeight(
  matrix: Matrix,
  description: WeightDescription,
  policy: RankPolicy,
  context?: JobContext,
  options: { transposed?: boolean } = {},
): WeightRow {
  const rows = options.transposed ? matrix.cols : matrix.rows;
  const cols = options.transposed ? matrix.rows : matrix.cols;
  // The checkpoint analysis's full pass, one definition for both.
  const { singularValues, ...facts } = fullPass(matrix, { rows, cols }, policy, context);
  return {
    ...description,
    rows,
    cols,
    rank: facts.rank,
    policy: facts.policy,
    rankReason: facts.rankReason,
    stableRank: facts.stableRank,
    effectiveRank: facts.effectiveRank,
    sigmaMax: facts.sigmaMax,
    condition: facts.condition,
    energyRank90: facts.energyRank90,
    energyRank95: facts.energyRank95,
    energyRank99: facts.energyRank99,
    noiseRank: facts.noiseRank,
    factorParameters: facts.factorParameters,
    denseParameters: rows * cols,
    singularValues: Float64Array.from(singularValues),
  };
}

export const weightAnalysisJob = defineJob({
  // The matrix is reduced in place (overwrite), so the SVD needs no copy of it.
  cost: ({ matrix }) => {
    const svd = svdCost(matrix.rows, matrix.cols, false);
    return { bytes: svd.bytes / 2 + matrixBytes(matrix.rows, matrix.cols), flops: svd.flops };
  },
  request: z.object({
    matrix: matrixSchema,
    description: z.object({
      name: z.string().max(1000),
      shape: z.array(z.number().int().nonnegative()).max(16),
      dtype: z.string().max(32),
      reshaped: z.string().max(500).optional(),
    }),
    policy: rankPolicySchema.default({ kind: 'default' }),
    transposed: z.boolean().default(false),
  }),
  run: (request, context) =>
    analyzeWeight(request.matrix, request.description, request.policy, context, {
      transposed: request.transposed,
    }),
});
