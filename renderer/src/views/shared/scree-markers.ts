// What a scree plot marks, read from a spectrum job's result for the chosen policy: the Spectrum
// view's plot and the Lab's (lab-markers.ts) label policies and the noise edge alike.
import type { SpectrumResult } from '../../../../core/jobs/spectrum';
import type { RankPolicy } from '../../../../core/rank/policies';
import type { ScreeMarkers } from '../../figures/scree-plot';

export const policyLabels: Record<RankPolicy['kind'], string> = {
  default: 'σ₁·max(m,n)·ε',
  gap: 'largest gap',
  noise: 'noise edge',
  absolute: 'absolute',
  relative: 'relative',
};

/** Marchenko–Pastur bulk edge σ·(√m + √n) of an m×n noise matrix with entry deviation σ. */
export function bulkEdge(noiseLevel: number, rows: number, cols: number): number {
  return noiseLevel * (Math.sqrt(rows) + Math.sqrt(cols));
}

export function screeMarkers(result: SpectrumResult, policy: RankPolicy): ScreeMarkers {
  return {
    numericalRank: result.rank.rank,
    tolerance: result.rank.tolerance,
    policyLabel: policyLabels[policy.kind],
    gapRank: result.ranks.gap.rank,
    stableRank: result.measures.stableRank,
    effectiveRank: result.measures.effectiveRank,
    bulkEdge:
      policy.kind === 'noise' ? bulkEdge(result.noiseLevel, result.rows, result.cols) : null,
  };
}
