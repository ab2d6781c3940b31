// The inspector's facts for a matrix kept as numbers, read off the spectrum job (the analyze job
// takes the editor's exact strings): the numbers are floating point, so the rank is numerical,
// at the numpy/MATLAB default tolerance σ₁·max(m,n)·ε, as for any irrational entry.
import type { AnalyzeResult, SubspaceSummary } from '../../../core/jobs/analyze';
import type { SpectrumResult } from '../../../core/jobs/spectrum';

function subspaces(rows: number, cols: number, rank: number): SubspaceSummary[] {
  return [
    { key: 'column', name: 'column space', ambient: rows, dimension: rank },
    { key: 'row', name: 'row space', ambient: cols, dimension: rank },
    { key: 'null', name: 'null space', ambient: cols, dimension: cols - rank },
    { key: 'leftNull', name: 'left null space', ambient: rows, dimension: rows - rank },
  ];
}

export function analysisFromSpectrum(
  result: Pick<SpectrumResult, 'rows' | 'cols' | 'singularValues' | 'ranks'>,
): AnalyzeResult {
  const { rows, cols } = result;
  const decision = result.ranks.default;
  const tolerance = decision.tolerance ?? 0;
  return {
    rows,
    cols,
    exact: false,
    rank: decision.rank,
    exactRank: null,
    numericalRank: decision.rank,
    tolerance,
    singularValues: Array.from(result.singularValues),
    pivots: null,
    nullity: cols - decision.rank,
    subspaces: subspaces(rows, cols, decision.rank),
    method:
      'Numerical: the matrix is kept as floating-point numbers, so the rank counts singular ' +
      `values above σ₁·max(m,n)·ε = ${tolerance.toExponential(2)}.`,
  };
}
