import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  fromRows,
  measures,
  principalAngles,
  rank,
  readMatrix,
  rref,
  singularValues,
  subspaceDistances,
  subspaces,
  svd,
} from './index';
import { knownRank, hilbert } from '../linalg/special-matrices';
import { gaussianMatrix } from '../linalg/random';
import { multiply, multiplyTransposeA } from '../linalg/products';
import { frobeniusNorm } from '../linalg/norms';
import { epsilon, orthogonalityError } from '../linalg/test-support';
import type { Matrix } from '../linalg/matrix';
import { directContext } from '../jobs/context';
import { spectrumJob } from '../jobs/spectrum';
import { subspacesJob } from '../jobs/subspaces';
import { anglesJob } from '../jobs/angles';
import { runRref } from '../jobs/rref';
import { Rational, parseRational } from '../exact/rational';

/** The job schemas take arrays over a plain ArrayBuffer (as structured clone delivers them). */
function owned(a: Matrix) {
  return { rows: a.rows, cols: a.cols, data: new Float64Array(a.data) };
}

function scaleColumns(u: Matrix, values: Float64Array): Matrix {
  const data = u.data.slice();
  for (let j = 0; j < u.cols; j++)
    for (let i = 0; i < u.rows; i++) data[i + j * u.rows] *= values[j];
  return { rows: u.rows, cols: u.cols, data };
}

function transposeOf(a: Matrix): Matrix {
  const data = new Float64Array(a.data.length);
  for (let j = 0; j < a.cols; j++)
    for (let i = 0; i < a.rows; i++) data[j + i * a.cols] = a.data[i + j * a.rows];
  return { rows: a.cols, cols: a.rows, data };
}

describe('rank', () => {
  it('is exact for integers and fractions, numerical with a reason otherwise', () => {
    expect(
      rank([
        [1, 2, 3],
        [2, 4, 6],
        [1, 3, 4],
      ]),
    ).toMatchObject({
      rank: 2,
      nullity: 1,
      exact: true,
      policy: 'exact',
      tolerance: null,
    });
    expect(
      rank([
        ['1/3', '2/3'],
        ['1/2', 1],
      ]),
    ).toMatchObject({ rank: 1, exact: true });
    const decimals = rank([
      [0.1, 0.2],
      [0.3, 0.6],
    ]);
    expect(decimals.exact).toBe(false);
    expect(decimals.policy).toBe('default');
    expect(decimals.reason).toMatch(/numpy\/MATLAB rule/);
    // 0.1·2 = 0.2 exactly as decimals: the exact policy reads what was written.
    expect(
      rank(
        [
          [0.1, 0.2],
          [0.3, 0.6],
        ],
        { policy: 'exact' },
      ).rank,
    ).toBe(1);
  });

  it('finds the rank of seeded matrices built to a known rank, under each policy', () => {
    for (const [m, n, r] of [
      [40, 30, 7],
      [127, 128, 5],
      [30, 60, 30],
    ]) {
      const a = knownRank(m, n, r, m + n);
      // A full-rank spectrum has no gap to find: the gap policy is asked only of deficient ones.
      for (const policy of r < Math.min(m, n)
        ? (['default', 'gap'] as const)
        : (['default'] as const)) {
        const result = rank(a, { policy });
        expect(result.rank, `${m}×${n} rank ${r}, ${policy}`).toBe(r);
        expect(result.nullity).toBe(n - r);
      }
      expect(rank(a, { policy: { kind: 'relative', tolerance: 1e-8 } }).rank).toBe(r);
    }
  });

  it('rank(A) = rank(Aᵀ) = rank(AᵀA)', () => {
    const a = knownRank(25, 18, 6, 3);
    const values = [a, transposeOf(a), multiplyTransposeA(a, a)].map((m) => rank(m).rank);
    expect(values).toEqual([6, 6, 6]);
  });
});

describe('svd and singularValues', () => {
  it('reconstruct A with orthonormal factors, at sizes around the block edges', () => {
    for (const [m, n] of [
      [1, 1],
      [127, 129],
      [129, 64],
      [60, 128],
    ]) {
      const a = gaussianMatrix(m, n, m * n);
      const { U, values, V } = svd(a);
      const residual = frobeniusNorm({
        rows: m,
        cols: n,
        data: multiply(scaleColumns(U, values), transposeOf(V)).data.map((x, k) => x - a.data[k]),
      });
      const scale = Math.max(m, n) * epsilon * values[0];
      expect(residual).toBeLessThan(50 * scale * Math.sqrt(Math.min(m, n)));
      expect(orthogonalityError(U)).toBeLessThan(50 * Math.max(m, n) * epsilon);
      expect(orthogonalityError(V)).toBeLessThan(50 * Math.max(m, n) * epsilon);
      // The values-only path reduces through a band (two stages), the full SVD in one: the same
      // values to within rounding of σ₁.
      const valuesOnly = singularValues(a);
      for (let i = 0; i < values.length; i++)
        expect(Math.abs(valuesOnly[i] - values[i])).toBeLessThan(10 * scale);
    }
  });

  it('gives exactly the spectrum job’s values (the same function on the same kernels)', () => {
    const a = gaussianMatrix(90, 70, 11);
    const job = spectrumJob.run({ matrix: owned(a) }, directContext);
    expect(Array.from(singularValues(a))).toEqual(Array.from(job.singularValues));
    expect(measures(a).stableRank).toBe(job.measures.stableRank);
  });

  it('takes rows of numbers as well as a Matrix, and refuses a malformed Matrix', () => {
    expect(
      Array.from(
        singularValues([
          [3, 0],
          [0, 4],
        ]),
      ),
    ).toEqual([4, 3]);
    expect(() => singularValues({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(
      /needs a Float64Array of 4 numbers/,
    );
    expect(() => singularValues([[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('rref', () => {
  it('is the row-reduction job’s result, from numbers and exact texts', () => {
    const cells = [
      ['1', '2', '3'],
      ['2', '4', '6'],
      ['1', '3', '4'],
    ];
    const fromNumbers = rref([
      [1, 2, 3],
      [2, 4, 6],
      [1, 3, 4],
    ]);
    expect(fromNumbers).toEqual(runRref({ cells }));
    expect(fromNumbers.rref).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
      ['0', '0', '0'],
    ]);
    expect(fromNumbers.steps.length).toBeGreaterThan(0);
    expect(rref([[0.1, '1/3']]).rref).toEqual([['1', '10/3']]);
    expect(() => rref([['sqrt(2)']])).toThrow(/not expressions/);
  });

  it('R has rank-many pivots and R·x = 0 for every null-space vector, for random small integers', () => {
    const grid = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([m, n]) =>
        fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        }),
      );
    fc.assert(
      fc.property(grid, (rows) => {
        const result = rref(rows);
        expect(result.pivots).toHaveLength(result.rank);
        expect(result.rank).toBe(rank(rows).rank);
        for (const vector of result.nullspace) {
          for (const row of rows) {
            const dot = row.reduce(
              (sum, value, j) =>
                sum.add(parseRational(vector[j]).multiply(Rational.fromInteger(value))),
              Rational.zero,
            );
            expect(dot.isZero()).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('subspaces and angles', () => {
  it('the four subspaces: dimensions add up, and each pair of complements is orthogonal', () => {
    const a = knownRank(12, 9, 4, 5);
    const spaces = subspaces(a);
    expect([spaces.column.cols, spaces.row.cols, spaces.null.cols, spaces.leftNull.cols]).toEqual([
      4, 4, 5, 8,
    ]);
    expect(frobeniusNorm(multiplyTransposeA(spaces.column, spaces.leftNull))).toBeLessThan(1e-13);
    expect(frobeniusNorm(multiplyTransposeA(spaces.row, spaces.null))).toBeLessThan(1e-13);
    expect(frobeniusNorm(multiply(a, spaces.null))).toBeLessThan(1e-12 * frobeniusNorm(a));
    const job = subspacesJob.run({ matrix: owned(a) }, directContext);
    expect(Array.from(spaces.column.data)).toEqual(Array.from(job.column.data));
  });

  it('principal angles: π/4 between a line and its tilt; the angles job’s numbers', () => {
    expect(principalAngles([[1], [0], [0]], [[1], [1], [0]])[0]).toBeCloseTo(Math.PI / 4, 14);
    const a = gaussianMatrix(20, 3, 1);
    const b = gaussianMatrix(20, 4, 2);
    const job = anglesJob.run({ a: owned(a), b: owned(b) }, directContext);
    expect(Array.from(principalAngles(a, b))).toEqual(Array.from(job.angles));
    expect(subspaceDistances(a, b)).toEqual(job.distances);
  });

  it('a 6×6 Hilbert matrix (condition 1.5e7) is of full rank by the numpy rule', () => {
    expect(rank(hilbert(6), { policy: 'default' }).rank).toBe(6);
  });
});

describe('readMatrix', () => {
  it('reads any notation, as the app does', () => {
    const read = readMatrix('A = [1 2; 3 4];');
    expect(read).toMatchObject({ format: 'matlab', rows: 2, cols: 2 });
    expect(read.matrix).toEqual(
      fromRows([
        [1, 2],
        [3, 4],
      ]),
    );
  });
});
