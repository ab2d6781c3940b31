import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import type { SubspacesResult } from '../../../../core/jobs/subspaces';
import { fromRows } from '../../../../core/linalg/matrix';
import { fundamentalSubspaces } from '../../../../core/rank/subspaces';
import { applyMatrix } from '../../figures/subspace-geometry';
import { sceneExtent } from '../../figures/subspace-scene';
import { lightTheme } from '../../figures/theme';
import { useVectorSplit } from './use-vector-split';

// A 3×3 of rank 2 whose image of the starting x = (1.5, 0.5, 1) is far longer than the scene.
const a = fromRows([
  [3, 0, 0],
  [0, 2, 0],
  [4, 5, 0],
]);
const spaces = fundamentalSubspaces(a);
const result = {
  ...spaces,
  nullity: a.cols - spaces.rank,
  pseudoInverse: a,
  leastSquares: null,
} as SubspacesResult;

/** The hook's values on first render, as the Subspaces view draws them. */
function firstRender(): ReturnType<typeof useVectorSplit> {
  let captured: ReturnType<typeof useVectorSplit> | null = null;
  function Probe() {
    captured = useVectorSplit(a, result, true, lightTheme);
    return null;
  }
  renderToString(<Probe />);
  return captured!;
}

describe('the Subspaces view’s moving vectors', () => {
  it('draws every codomain vector at the one scale the readout names', () => {
    const { x, codomainVectors, codomainScale, split } = firstRender();
    const image = applyMatrix(a, x);
    expect(codomainScale).toBeCloseTo(Math.hypot(...image) / (0.9 * sceneExtent), 12);
    const expected: Record<string, number[]> = {
      'A x_row': applyMatrix(a, split!.row),
      'A x_null': applyMatrix(a, split!.null),
      Ax: image,
    };
    expect(codomainVectors.map((vector) => vector.name)).toEqual(Object.keys(expected));
    for (const vector of codomainVectors) {
      vector.tip.forEach((value, i) =>
        expect(value).toBeCloseTo(expected[vector.name][i] / codomainScale, 12),
      );
      expect(Math.hypot(...vector.tip)).toBeLessThanOrEqual(sceneExtent);
    }
  });
});
