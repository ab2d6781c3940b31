// The inspector's job: rank, nullity and the four fundamental subspaces of a small typed matrix.
// Exact rational elimination when every entry is rational; otherwise the SVD with the
// numpy/MATLAB default tolerance σ₁·max(m,n)·ε, and the result says which.
import { z } from 'zod';
import { parseEntryMatrix } from '../exact/entry';
import { exactRank } from '../exact/exact-rank';
import { fromRows } from '../linalg/matrix';
import { singularValues } from '../linalg/svd';
import { defaultRank } from '../rank/policies';
import { addCosts, cellsSize, exactEliminationCost, svdCost } from './budget';
import { defineJob } from './job';

export const analyzeRequest = z.object({
  cells: z.array(z.array(z.string().max(200)).max(512)).max(512),
});

export interface SubspaceSummary {
  key: 'column' | 'row' | 'null' | 'leftNull';
  name: string;
  /** The space lives in ℝ^ambient. */
  ambient: number;
  dimension: number;
}

export interface AnalyzeResult {
  rows: number;
  cols: number;
  /** Every entry is rational, so the rank below is exact. */
  exact: boolean;
  rank: number;
  exactRank: number | null;
  numericalRank: number;
  tolerance: number;
  singularValues: number[];
  /** Pivot columns (0-based) of the exact reduction, when exact. */
  pivots: number[] | null;
  nullity: number;
  subspaces: SubspaceSummary[];
  /** One sentence saying how the rank was found. */
  method: string;
}

export function subspaceSummaries(rows: number, cols: number, rank: number): SubspaceSummary[] {
  return [
    { key: 'column', name: 'column space', ambient: rows, dimension: rank },
    { key: 'row', name: 'row space', ambient: cols, dimension: rank },
    { key: 'null', name: 'null space', ambient: cols, dimension: cols - rank },
    { key: 'leftNull', name: 'left null space', ambient: rows, dimension: rows - rank },
  ];
}

export function analyze(cells: string[][]): AnalyzeResult {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0].length;
  const parsed = parseEntryMatrix(cells);
  const values = singularValues(fromRows(parsed.approx));
  const numerical = defaultRank(values, { rows, cols });
  const numericalRank = numerical.rank;
  const tolerance = numerical.tolerance ?? 0;

  let exactRankValue: number | null = null;
  let pivots: number[] | null = null;
  if (parsed.exact && parsed.rationals) {
    // Certified: the inspector states this rank as exact, so it must be proven, not likely.
    const reduced = exactRank(parsed.rationals, { certify: true, columns: cols });
    exactRankValue = reduced.rank;
    pivots = reduced.pivots;
  }
  const rank = exactRankValue ?? numericalRank;
  const method =
    exactRankValue !== null
      ? 'Exact: every entry is rational, so the rank comes from exact row reduction over fractions.'
      : `Numerical: some entries are irrational, so the rank counts singular values above σ₁·max(m,n)·ε = ${tolerance.toExponential(2)}.`;
  return {
    rows,
    cols,
    exact: exactRankValue !== null,
    rank,
    exactRank: exactRankValue,
    numericalRank,
    tolerance,
    singularValues: Array.from(values),
    pivots,
    nullity: cols - rank,
    subspaces: subspaceSummaries(rows, cols, rank),
    method,
  };
}

export const analyzeJob = defineJob({
  request: analyzeRequest,
  cost(request) {
    const { rows, cols, textBytes } = cellsSize(request.cells);
    return addCosts(svdCost(rows, cols, false), exactEliminationCost(rows, cols, textBytes));
  },
  run: (request) => analyze(request.cells),
});
