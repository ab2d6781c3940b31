// rank(A): exact over the rationals, or numerical under a stated policy — the inspector's and the
// spectrum job's decisions (core/exact/exact-rank.ts, core/rank/policies.ts), with the reason in
// words. Cost: exact elimination, or one values-only SVD, O(mn·min(m,n)).
import { exactRank } from '../exact/exact-rank';
import { singularValues } from '../linalg/svd';
import { decideRank, type RankPolicy } from '../rank/policies';
import {
  allIntegersOrFractions,
  asMatrix,
  isMatrix,
  plainEntries,
  type EntriesLike,
  type MatrixLike,
} from './entries';

export type RankPolicyOption =
  | 'auto'
  | 'exact'
  | 'default'
  | 'gap'
  | 'noise'
  | { kind: 'absolute'; tolerance: number }
  | { kind: 'relative'; tolerance: number };

export interface RankOptions {
  /**
   * auto (the default): exact when every entry is an integer or a fraction, else the numpy/MATLAB
   * rule; exact: over the rationals (decimals read as written: 0.1 is 1/10); default: σ > σ₁·max(m,n)·ε;
   * gap: the largest spectral gap; noise: the Marchenko–Pastur noise edge; or an absolute or
   * relative tolerance.
   */
  policy?: RankPolicyOption;
}

export interface RankResult {
  rank: number;
  rows: number;
  cols: number;
  /** cols − rank. */
  nullity: number;
  exact: boolean;
  policy: 'exact' | 'default' | 'absolute' | 'relative' | 'gap' | 'noise';
  /** The threshold a singular value had to exceed; null when exact. */
  tolerance: number | null;
  /** One sentence: why this rank. */
  reason: string;
  /** All singular values, descending (numerical ranks only). */
  singularValues?: Float64Array;
}

export function rank(input: EntriesLike, options: RankOptions = {}): RankResult {
  const policy = options.policy ?? 'auto';
  const exact = policy === 'exact' || (policy === 'auto' && allIntegersOrFractions(input));
  if (exact) {
    const entries = plainEntries(input);
    if (!entries?.rationals)
      throw new RangeError('an exact rank needs numbers, fractions or decimals, not expressions');
    const rows = entries.rationals.length;
    const cols = rows === 0 ? 0 : entries.rationals[0].length;
    const result = exactRank(entries.rationals, { certify: true, columns: cols });
    return {
      rank: result.rank,
      rows,
      cols,
      nullity: cols - result.rank,
      exact: true,
      policy: 'exact',
      tolerance: null,
      reason: 'exact row reduction over the rationals',
    };
  }
  const matrix = asMatrix(numbersOf(input));
  const values = singularValues(matrix);
  const decision = decideRank(values, matrix, policyOf(policy));
  return {
    rank: decision.rank,
    rows: matrix.rows,
    cols: matrix.cols,
    nullity: matrix.cols - decision.rank,
    exact: false,
    policy: decision.policy,
    tolerance: decision.tolerance,
    reason: decision.reason,
    singularValues: values,
  };
}

function policyOf(option: RankPolicyOption): RankPolicy {
  if (typeof option !== 'string') return option;
  if (option === 'gap' || option === 'noise') return { kind: option };
  return { kind: 'default' };
}

/** Rows of numbers or fraction texts as doubles (fractions divided). */
function numbersOf(input: EntriesLike): MatrixLike {
  if (isMatrix(input)) return input;
  if (input.every((row) => row.every((cell) => typeof cell === 'number')))
    return input as readonly (readonly number[])[];
  const entries = plainEntries(input);
  if (!entries) throw new RangeError('entries must be numbers, fractions or decimals');
  return entries.approx;
}
