// Low-rank adaptation arithmetic (Hu et al. 2021, "LoRA"): a fine-tuning update ΔW = B·A with
// B m×r and A r×n costs r(m+n) parameters instead of m·n; the update's spectrum says which rank
// it needed. Cost: O(1) for the counts; one SVD of ΔW for the analysis.
import type { Matrix } from '../linalg/matrix';
import { multiply, subtract } from '../linalg/products';
import { singularValues } from '../linalg/svd';
import type { JobContext } from '../job-context';
import { energyRank } from './measures';
import { decideRank, noiseEdgeRank, type RankDecision } from './policies';

export interface LoraBudget {
  rank: number;
  /** r(m+n): the parameters of B (m×r) and A (r×n). */
  parameters: number;
  /** m·n: the parameters full fine-tuning updates. */
  fullParameters: number;
  /** parameters / fullParameters. */
  fraction: number;
}

export function loraBudgets(rows: number, cols: number, ranks: readonly number[]): LoraBudget[] {
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError('the weight matrix needs whole-number dimensions m, n ≥ 1');
  }
  const fullParameters = rows * cols;
  return ranks.map((rank) => {
    if (!Number.isSafeInteger(rank) || rank < 1)
      throw new RangeError(`a LoRA rank must be a whole number ≥ 1 (got ${rank})`);
    const parameters = rank * (rows + cols);
    return { rank, parameters, fullParameters, fraction: parameters / fullParameters };
  });
}

export interface RankSuggestion {
  rank: number;
  reason: string;
}

/**
 * A LoRA rank for one layer from the singular values of its update (or of the weight itself):
 * by energy (the smallest r keeping the given share of Σσ²) or by the noise edge.
 */
export function suggestLoraRank(
  values: Float64Array,
  shape: { rows: number; cols: number },
  rule: { kind: 'energy'; fraction: number } | { kind: 'noise' },
): RankSuggestion {
  if (rule.kind === 'energy') {
    const rank = energyRank(values, rule.fraction);
    return {
      rank,
      reason: `r = ${rank} keeps ${(rule.fraction * 100).toFixed(0)} % of the update's energy Σσᵢ² (${rank} of ${values.length} singular values).`,
    };
  }
  const decided = noiseEdgeRank(values, shape);
  return { rank: decided.rank, reason: decided.reason };
}

export interface DeltaAnalysis {
  rows: number;
  cols: number;
  singularValues: Float64Array;
  rank: RankDecision;
  suggestion: RankSuggestion;
}

/** ΔW = B·A from LoRA factors, or W₁ − W₀ from two checkpoints. */
export function deltaFromFactors(b: Matrix, a: Matrix): Matrix {
  if (b.cols !== a.rows)
    throw new RangeError(
      `B is ${b.rows}×${b.cols} and A is ${a.rows}×${a.cols}: B's columns must equal A's rows (the LoRA rank)`,
    );
  return multiply(b, a);
}

export function deltaFromCheckpoints(before: Matrix, after: Matrix): Matrix {
  if (before.rows !== after.rows || before.cols !== after.cols) {
    throw new RangeError(
      `the checkpoints differ in shape (${before.rows}×${before.cols} and ${after.rows}×${after.cols})`,
    );
  }
  return subtract(after, before);
}

export function analyzeDelta(
  delta: Matrix,
  options: { energy?: number; context?: JobContext } = {},
): DeltaAnalysis {
  const values = singularValues(delta, { context: options.context });
  const shape = { rows: delta.rows, cols: delta.cols };
  return {
    rows: delta.rows,
    cols: delta.cols,
    singularValues: values,
    rank: decideRank(values, shape, { kind: 'default' }),
    suggestion: suggestLoraRank(values, shape, { kind: 'energy', fraction: options.energy ?? 0.9 }),
  };
}
