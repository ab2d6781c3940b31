import { describe, it, expect } from 'vitest';
import { fromRows } from '../../../core/linalg/matrix';
import { svd } from '../../../core/linalg/svd';
import { lowRankReport } from '../../../core/rank/low-rank';
import { truncationAt } from './truncation';
import {
  buildApproximationFigure,
  difference,
  panelRanges,
  subscript,
} from './approximation-figure';
import { elementCounts } from './test-support';
import { darkTheme } from './theme';

const worked = fromRows([
  [1, 2, 3],
  [2, 4, 6],
  [1, 3, 4],
]);

function factors(a: typeof worked) {
  const { U, V, values } = svd(a, { vectors: true });
  const left = {
    rows: U!.rows,
    cols: values.length,
    data: new Float64Array(U!.rows * values.length),
  };
  for (let j = 0; j < values.length; j++)
    for (let i = 0; i < U!.rows; i++)
      left.data[i + j * U!.rows] = U!.data[i + j * U!.rows] * values[j];
  const right = {
    rows: V!.rows,
    cols: values.length,
    data: V!.data.slice(0, V!.rows * values.length),
  };
  return { left, right, values };
}

describe('the approximation figure', () => {
  it('draws three heatmap images and the Eckart–Young readouts as valid SVG', () => {
    const { left, right, values } = factors(worked);
    const approximation = truncationAt(left, right, 1);
    const report = lowRankReport(values, worked, 1);
    const svg = buildApproximationFigure(
      { a: worked, approximation, ...report, rank: 1, colormap: 'diverging' },
      { width: 800, theme: darkTheme },
    );
    expect(elementCounts(svg).get('image')).toBe(3);
    expect(svg).toContain(`σ₂ = ${Number(values[1].toPrecision(3))}`);
    expect(svg).toContain('parameters r(m+n) = 6 against mn = 9');
    // Typeset, never TeX: the F of the Frobenius norm and i>1 under Σ are real subscripts.
    expect(svg).not.toMatch(/_F|_\{/);
    expect(svg).toContain('‖A − Aᵣ‖<tspan baseline-shift="sub" font-size="75%">F</tspan>');
    expect(svg).toContain('Σ<tspan baseline-shift="sub" font-size="75%">i&gt;1</tspan>');
  });

  it('shares A’s colour range between A and A_r and gives the residual its own', () => {
    const { left, right } = factors(worked);
    const approximation = truncationAt(left, right, 1);
    const ranges = panelRanges({
      a: worked,
      approximation,
      rank: 1,
      spectralError: 0,
      frobeniusError: 0,
      energyKept: 1,
      parameters: 6,
      denseParameters: 9,
      colormap: 'diverging',
    });
    expect(ranges[0]).toBe(ranges[1]);
    expect(ranges[0].limit).toBe(6);
    expect(ranges[2].limit).toBeLessThan(1);
  });

  it('writes subscripts digit by digit', () => {
    expect(subscript(12)).toBe('₁₂');
    expect(() => difference(worked, fromRows([[1]]))).toThrow(RangeError);
  });
});

describe('truncation from the lowRank factors', () => {
  it('reconstructs A at full rank and leaves a residual of spectral norm σ_{r+1}', () => {
    const { left, right, values } = factors(worked);
    const full = truncationAt(left, right, 3);
    for (let k = 0; k < 9; k++) expect(full.data[k]).toBeCloseTo(worked.data[k], 12);
    for (let r = 0; r < 3; r++) {
      const residual = difference(worked, truncationAt(left, right, r));
      const residualNorm = svd(residual).values[0];
      expect(Math.abs(residualNorm - values[r])).toBeLessThan(1e-12 * values[0]);
    }
    expect(truncationAt(left, right, 0).data.every((value) => value === 0)).toBe(true);
  });
});
