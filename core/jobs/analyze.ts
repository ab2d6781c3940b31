// The inspector's job: rank, nullity and the four fundamental subspaces of a small typed matrix.
// Exact rational elimination when every entry is rational and read as written; otherwise the SVD
// with the numpy/MATLAB default tolerance σ₁·max(m,n)·ε. When both ranks exist and differ, the
// result carries the story that separates them, so no surface shows one rank without the other.
import { z } from 'zod';
import {
  defaultDecimalReading,
  hasDecimal,
  readsAsFloating,
  type DecimalReading,
} from '../exact/decimal-reading';
import { parseEntryMatrix } from '../exact/entry';
import { exactRank } from '../exact/exact-rank';
import { formatNumber } from '../number-shown';
import { rankStory, type RankStory } from '../rank/rank-story';
import { fromRows } from '../linalg/matrix';
import { singularValues } from '../linalg/svd';
import { defaultRank } from '../rank/policies';
import { addCosts, cellsSize, exactEliminationCost, svdCost } from './budget';
import { defineJob } from './job';

export const analyzeRequest = z.object({
  cells: z.array(z.array(z.string().max(200)).max(512)).max(512),
  /** How decimals are read; absent: as typed by hand (short decimals exact, long ones floating). */
  decimals: z.enum(['exact', 'floating']).optional(),
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
  /** The rank below is exact: every entry is rational and read as written. */
  exact: boolean;
  /** How the decimals were read. */
  reading: DecimalReading;
  rank: number;
  /** The exact rank of the entries as written, whenever every entry is rational. */
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
  /** When the exact rank as written and the numerical rank differ: the σ between them, and why. */
  story: RankStory | null;
}

export function subspaceSummaries(rows: number, cols: number, rank: number): SubspaceSummary[] {
  return [
    { key: 'column', name: 'column space', ambient: rows, dimension: rank },
    { key: 'row', name: 'row space', ambient: cols, dimension: rank },
    { key: 'null', name: 'null space', ambient: cols, dimension: cols - rank },
    { key: 'leftNull', name: 'left null space', ambient: rows, dimension: rows - rank },
  ];
}

export function analyze(
  cells: string[][],
  reading: DecimalReading = defaultDecimalReading(cells, 'typed'),
): AnalyzeResult {
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
  const decimals = cells.some((row) => row.some(hasDecimal));
  const floating = exactRankValue === null || readsAsFloating(cells, reading);
  const rank = floating ? numericalRank : (exactRankValue as number);
  const threshold = `σ₁·max(m,n)·ε = ${formatNumber(tolerance)}`;
  const method = !floating
    ? decimals
      ? 'Exact: every entry is read as written (short decimals as the fractions they name), so the rank comes from exact row reduction over fractions.'
      : 'Exact: every entry is rational, so the rank comes from exact row reduction over fractions.'
    : exactRankValue === null
      ? `Numerical: some entries are irrational, so the rank counts singular values above ${threshold}.`
      : `Numerical: the decimals are read as floating data, so the rank counts singular values above ${threshold}.`;
  const story =
    exactRankValue === null
      ? null
      : rankStory(
          values,
          tolerance,
          exactRankValue,
          numericalRank,
          decimals ? 'the decimals written' : 'the entries written',
        );
  return {
    rows,
    cols,
    exact: !floating,
    reading,
    rank,
    exactRank: exactRankValue,
    numericalRank,
    tolerance,
    singularValues: Array.from(values),
    pivots: floating ? null : pivots,
    nullity: cols - rank,
    subspaces: subspaceSummaries(rows, cols, rank),
    method,
    story,
  };
}

export const analyzeJob = defineJob({
  request: analyzeRequest,
  cost(request) {
    const { rows, cols, textBytes } = cellsSize(request.cells);
    return addCosts(svdCost(rows, cols, false), exactEliminationCost(rows, cols, textBytes));
  },
  run: (request) => analyze(request.cells, request.decimals),
});
