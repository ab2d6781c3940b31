// One row of `rankscope analyze`'s table (files read one tensor at a time, without a report): the
// facts an ML engineer asks of a weight matrix — rank under a policy, stable and effective rank,
// σ₁, condition number, energy ranks, the noise-edge rank, what a rank-r factorization costs —
// read off the full pass of spectrum-passes.ts, which the checkpoint runs use too.
import type { JobContext } from '../job-context';
import type { Matrix } from '../linalg/matrix';
import type { RankPolicy } from '../rank/policies';
import { fullPass, type FullPass } from './spectrum-passes';

/** What a row reads off the full pass (the rest of it, norms and the values as numbers, stays). */
type FullPassFacts = Pick<
  FullPass,
  | 'rank'
  | 'policy'
  | 'rankReason'
  | 'stableRank'
  | 'effectiveRank'
  | 'sigmaMax'
  | 'condition'
  | 'energyRank90'
  | 'energyRank95'
  | 'energyRank99'
  | 'noiseRank'
  | 'factorParameters'
>;

export interface WeightRow extends WeightDescription, FullPassFacts {
  rows: number;
  cols: number;
  /** m·n, the dense matrix's parameters. */
  denseParameters: number;
  singularValues: Float64Array;
}

export interface WeightDescription {
  name: string;
  /** The tensor's shape as stored. */
  shape: number[];
  dtype: string;
  /** How an N-D tensor became a matrix, when it did. */
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
