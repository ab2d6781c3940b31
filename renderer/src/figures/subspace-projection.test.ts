import { describe, it, expect } from 'vitest';
import { fromRows, zeros } from '../../../core/linalg/matrix';
import { fundamentalSubspaces } from '../../../core/rank/subspaces';
import {
  coordinateProjector,
  multiply,
  orthonormalSpan,
  projectedLabel,
  projectionPhrase,
  projectSpace,
  singularProjector,
} from './subspace-projection';

// Exercise C of the example project: 4×4, rank 3 (column 2 = 2 × column 1).
const exerciseC = fromRows([
  [1, 2, 0, -1],
  [2, 4, 1, 1],
  [-1, -2, 1, 3],
  [0, 0, 2, 4],
]);
const spaces = fundamentalSubspaces(exerciseC);

function isOrthonormal(q: { rows: number; cols: number; data: Float64Array }): boolean {
  const gram = multiply({ rows: q.cols, cols: q.rows, data: transposeData(q) }, q);
  for (let i = 0; i < q.cols; i++)
    for (let j = 0; j < q.cols; j++)
      if (Math.abs(gram.data[i + j * q.cols] - (i === j ? 1 : 0)) > 1e-10) return false;
  return true;
}

function transposeData(q: { rows: number; cols: number; data: Float64Array }): Float64Array {
  const out = new Float64Array(q.rows * q.cols);
  for (let i = 0; i < q.rows; i++)
    for (let j = 0; j < q.cols; j++) out[j + i * q.cols] = q.data[i + j * q.rows];
  return out;
}

describe('projected subspaces', () => {
  it('selects coordinates as rows of the identity', () => {
    const p = coordinateProjector([1, 2, 4], 4);
    expect(Array.from(multiply(p, fromRows([[10], [20], [30], [40]])).data)).toEqual([10, 20, 40]);
    expect(() => coordinateProjector([1, 2, 5], 4)).toThrow(RangeError);
  });

  it('finds the dimension of a span by Gram–Schmidt with tolerance', () => {
    const dependent = fromRows([
      [1, 2, 0],
      [0, 0, 1],
      [1, 2 + 1e-14, 0],
    ]);
    const span = orthonormalSpan(dependent);
    expect(span.cols).toBe(2);
    expect(isOrthonormal(span)).toBe(true);
    expect(orthonormalSpan(zeros(3, 2)).cols).toBe(0);
  });

  it('projects Exercise C: the null space (2, −1, 0, 0)/√5 becomes a line on coordinates 1, 2, 4 and the origin on 3, 4', () => {
    expect(spaces.rank).toBe(3);
    expect(spaces.null.cols).toBe(1);
    const onto124 = projectSpace(coordinateProjector([1, 2, 4], 4), spaces.null);
    expect(onto124.cols).toBe(1);
    // direction ±(2, −1, 0)/√5
    expect(Math.abs(onto124.data[0])).toBeCloseTo(2 / Math.sqrt(5), 10);
    expect(Math.abs(onto124.data[1])).toBeCloseTo(1 / Math.sqrt(5), 10);
    expect(onto124.data[2]).toBeCloseTo(0, 10);
    expect(projectSpace(coordinateProjector([3, 4, 3], 4), spaces.null).cols).toBe(0);
    // The 3-dimensional column space fills the picture on coordinates 1, 2, 4.
    const column = projectSpace(coordinateProjector([1, 2, 4], 4), spaces.column);
    expect(column.cols).toBe(3);
    expect(isOrthonormal(column)).toBe(true);
  });

  it('onto the top three right singular vectors the row space fills ℝ³ and the null space is 0', () => {
    const p = singularProjector(spaces.row, spaces.null);
    expect([p.rows, p.cols]).toEqual([3, 4]);
    expect(isOrthonormal({ rows: 4, cols: 3, data: transposeData(p) })).toBe(true);
    expect(projectSpace(p, spaces.row).cols).toBe(3);
    expect(projectSpace(p, spaces.null).cols).toBe(0);
    // Rank below three: the projector is completed by the complement, still orthonormal rows.
    const rankOne = fundamentalSubspaces(
      fromRows([
        [1, 1, 1, 1],
        [2, 2, 2, 2],
      ]),
    );
    const q = singularProjector(rankOne.row, rankOne.null);
    expect(isOrthonormal({ rows: 4, cols: 3, data: transposeData(q) })).toBe(true);
    expect(projectSpace(q, rankOne.row).cols).toBe(1);
    expect(projectSpace(q, rankOne.null).cols).toBe(2);
  });

  it('labels say projected and keep the true dimension', () => {
    expect(projectedLabel('column space', 4, 3, 3)).toBe(
      'column space ⊂ ℝ⁴, dim 3 (projected: seen as all of ℝ³)',
    );
    expect(projectedLabel('null space', 4, 1, 0)).toContain(
      'dim 1 (projected: seen as the origin)',
    );
    expect(projectionPhrase('coordinates', [1, 2, 4], 'right')).toBe(
      'projected onto coordinates 1, 2, 4',
    );
    expect(projectionPhrase('singular', [1, 2, 3], 'left')).toBe(
      'projected onto the top three left singular vectors',
    );
  });
});
