// Numerical rank of a large matrix without its full spectrum: the adaptive randomized SVD
// (core/linalg/randomized.ts, Halko–Martinsson–Tropp 2011) grows a sketch until a gap or the
// noise edge shows, then the gap or noise policy reads the leading singular values it found,
// the noise level measured on the explicit residual A − U_kΣ_kV_kᵀ (subtracting energies would
// lose a 1e-9 noise under roundoff of the signal's energy). Cost: O(mnk), k ≈ rank.
import type { JobContext } from '../job-context';
import { zeros, type Matrix } from '../linalg/matrix';
import { multiplyScaledTransposeB } from '../linalg/products';
import { adaptiveRandomizedSvd, type AdaptiveStop } from '../linalg/randomized';
import { noiseEdgeRank, spectralGapRank, type RankDecision } from './policies';

export interface SketchedRank extends RankDecision {
  /** The leading singular values the sketch computed (descending); all of them when complete. */
  leadingValues: Float64Array;
  /** True when the sketch grew to the whole matrix, so leadingValues is the full spectrum. */
  complete: boolean;
  noiseLevel: number;
  stoppedBecause: AdaptiveStop;
}

export function sketchedRank(
  a: Matrix,
  options: { policy: 'gap' | 'noise'; seed?: number; context?: JobContext },
): SketchedRank {
  const sketch = adaptiveRandomizedSvd(a, { seed: options.seed ?? 1, context: options.context });
  const values = sketch.values;
  const complete = values.length === Math.min(a.rows, a.cols);
  let decision: RankDecision;
  let noiseLevel = sketch.noiseLevel;
  if (options.policy === 'noise') {
    noiseLevel = complete
      ? sketch.noiseLevel
      : residualNoiseLevel(a, values, sketch.U!, sketch.V!, options.context);
    decision = noiseEdgeRank(values, a, { noiseLevel });
    // The median-based estimate needs the whole spectrum; a sketch gives the residual-based one.
    decision.reason = decision.reason.replace(
      'given',
      'estimated from the energy outside the sketch',
    );
  } else {
    decision = spectralGapRank(values, a);
  }
  if (!complete && decision.rank === values.length) {
    decision.reason += `; the sketch of ${values.length} values saw no end, so the rank is at least ${decision.rank}`;
  }
  return {
    ...decision,
    leadingValues: values,
    complete,
    noiseLevel,
    stoppedBecause: sketch.stoppedBecause,
  };
}

/**
 * σ ≈ ‖A − U_kΣ_kV_kᵀ‖_F / √((m−k)(n−k)): the residual of a rank-k fit of signal + σ·G keeps
 * about (m−k)(n−k) degrees of freedom of the noise. Formed 256 columns at a time to bound memory.
 */
export function residualNoiseLevel(
  a: Matrix,
  values: Float64Array,
  u: Matrix,
  v: Matrix,
  context?: JobContext,
): number {
  const { rows: m, cols: n } = a;
  const k = values.length;
  const freedom = (m - k) * (n - k);
  if (freedom <= 0) return 0;
  const blockWidth = 256;
  let scale = 0;
  let sum = 0;
  for (let start = 0; start < n; start += blockWidth) {
    context?.checkCancelled();
    const width = Math.min(blockWidth, n - start);
    // Rows start..start+width−1 of V, as a width×k matrix.
    const vBlock = zeros(width, k);
    for (let t = 0; t < k; t++) {
      for (let j = 0; j < width; j++) vBlock.data[j + t * width] = v.data[start + j + t * n];
    }
    const fitted = k === 0 ? zeros(m, width) : multiplyScaledTransposeB(u, values, vBlock);
    const offset = start * m;
    for (let index = 0; index < m * width; index++) {
      const residual = Math.abs(a.data[offset + index] - fitted.data[index]);
      if (residual === 0) continue;
      // Running scaled sum of squares (LAPACK dlassq) so no size of entry overflows.
      if (residual > scale) {
        sum = 1 + sum * (scale / residual) ** 2;
        scale = residual;
      } else {
        sum += (residual / scale) ** 2;
      }
    }
  }
  return (scale * Math.sqrt(sum)) / Math.sqrt(freedom);
}
