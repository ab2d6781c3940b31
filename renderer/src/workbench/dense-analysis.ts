// The inspector's facts for a matrix kept as numbers, read off the spectrum job (the analyze job
// takes the editor's exact strings): the numbers are floating point, so the rank is numerical,
// at the numpy/MATLAB default tolerance σ₁·max(m,n)·ε, as for any irrational entry.
import { subspaceSummaries, type AnalyzeResult } from '../../../core/jobs/analyze';
import type { SpectrumResult } from '../../../core/jobs/spectrum';
import { formatNumber } from '../../../core/number-shown';

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
    reading: 'floating',
    rank: decision.rank,
    exactRank: null,
    numericalRank: decision.rank,
    tolerance,
    singularValues: Array.from(result.singularValues),
    pivots: null,
    nullity: cols - decision.rank,
    subspaces: subspaceSummaries(rows, cols, decision.rank),
    method:
      'Numerical: the matrix is kept as floating-point numbers, so the rank counts singular ' +
      `values above σ₁·max(m,n)·ε = ${formatNumber(tolerance)}.`,
    story: null,
  };
}
