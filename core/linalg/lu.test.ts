import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luFactor, luPartial } from './lu';
import { fromRows, zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { gaussianMatrix } from './random';
import { hilbert, knownRank } from './special-matrices';
import { epsilon, productResidual } from './test-support';

function permuteRows(a: Matrix, permutation: Int32Array): Matrix {
  const result = zeros(a.rows, a.cols);
  for (let j = 0; j < a.cols; j++) {
    for (let i = 0; i < a.rows; i++)
      result.data[i + j * a.rows] = a.data[permutation[i] + j * a.rows];
  }
  return result;
}

function check(a: Matrix): void {
  const { L, U, permutation } = luPartial(a);
  const k = Math.min(a.rows, a.cols);
  expect([L.rows, L.cols, U.rows, U.cols]).toEqual([a.rows, k, k, a.cols]);
  let badDiagonal = 0;
  let badUpper = 0;
  let largestMultiplier = 0;
  let badLower = 0;
  for (let j = 0; j < k; j++) {
    if (L.data[j + j * a.rows] !== 1) badDiagonal++;
    for (let i = 0; i < j; i++) if (L.data[i + j * a.rows] !== 0) badUpper++;
    // Partial pivoting bounds every multiplier by one.
    for (let i = j + 1; i < a.rows; i++)
      largestMultiplier = Math.max(largestMultiplier, Math.abs(L.data[i + j * a.rows]));
  }
  for (let j = 0; j < a.cols; j++)
    for (let i = j + 1; i < k; i++) if (U.data[i + j * k] !== 0) badLower++;
  expect([badDiagonal, badUpper, badLower]).toEqual([0, 0, 0]);
  expect(largestMultiplier).toBeLessThanOrEqual(1);
  const bound = 20 * Math.max(a.rows, a.cols, 1) * epsilon * Math.max(k, 1);
  expect(productResidual(permuteRows(a, permutation), L, U)).toBeLessThanOrEqual(
    bound * frobeniusNorm(a),
  );
}

describe('luPartial', () => {
  it('factors P·A = L·U across shapes, block edges and rank-deficient input', () => {
    for (const [m, n] of [
      [0, 0],
      [0, 3],
      [3, 0],
      [1, 1],
      [2, 2],
      [127, 127],
      [128, 129],
      [129, 128],
      [200, 40],
      [40, 200],
      [1, 5],
      [5, 1],
      // Around the recursive panel's 8-column leaves and the 192-column blocks.
      [9, 7],
      [7, 9],
      [17, 17],
      [64, 64],
      [65, 65],
      [128, 128],
      [129, 129],
      [191, 191],
      [192, 193],
      [193, 192],
      [385, 200],
      [200, 385],
      [300, 300],
      [257, 190],
      [190, 257],
    ]) {
      check(gaussianMatrix(m, n, m + 3 * n));
    }
    check(knownRank(50, 40, 6, 2));
    // Rank 30: every panel after the first meets columns that are already eliminated.
    check(knownRank(300, 280, 30, 4));
    // Tiny and subnormal entries: the pivots are divided by, not inverted.
    const tiny = gaussianMatrix(40, 40, 9);
    for (let k = 0; k < tiny.data.length; k++) tiny.data[k] *= 1e-310;
    check(tiny);
    check(hilbert(12));
    check(zeros(4, 4));
  });

  it('pivots on the largest entry of the column', () => {
    const { permutation, U } = luPartial(
      fromRows([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(Array.from(permutation)).toEqual([1, 0]);
    expect(U.data[0]).toBe(3);
  });

  it('gives det(A) = sign(P)·∏ u_ii for small matrices (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 9, maxLength: 9 }),
        (entries) => {
          const a = fromRows([entries.slice(0, 3), entries.slice(3, 6), entries.slice(6, 9)]);
          const [[p, q, r], [s, t, u], [v, w, x]] = [
            entries.slice(0, 3),
            entries.slice(3, 6),
            entries.slice(6, 9),
          ];
          const det = p * (t * x - u * w) - q * (s * x - u * v) + r * (s * w - t * v);
          const { U, permutation } = luPartial(a);
          let sign = 1;
          const seen = Array.from(permutation);
          for (let i = 0; i < 3; i++) {
            while (seen[i] !== i) {
              const target = seen[i];
              [seen[i], seen[target]] = [seen[target], seen[i]];
              sign = -sign;
            }
          }
          const product = sign * U.data[0] * U.data[4] * U.data[8];
          expect(Math.abs(product - det)).toBeLessThanOrEqual(1e-12 * 125 * 6);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('takes the first of equal candidates as pivot, as LAPACK, across block columns', () => {
    // Wilkinson's growth matrix: 1 on the diagonal and in the last column, −1 below the diagonal.
    // Every candidate ties (|1| = |−1|), so partial pivoting never swaps, and U's last column
    // doubles down the rows: u_nn = 2^(n−1), exactly. 200 columns cross the 192-column blocks.
    const n = 200;
    const a = zeros(n, n);
    for (let j = 0; j < n; j++) {
      a.data[j + j * n] = 1;
      a.data[j + (n - 1) * n] = 1;
      for (let i = j + 1; i < n; i++) if (j < n - 1) a.data[i + j * n] = -1;
    }
    const { lu, pivots, permutation } = luFactor(a);
    expect(Array.from(pivots)).toEqual(Array.from({ length: n }, (_, p) => p));
    expect(Array.from(permutation)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (let i = 0; i < n; i++) expect(lu.data[i + (n - 1) * n]).toBe(2 ** i);
  });

  it('keeps L and U in one matrix with LAPACK pivots that replay to the permutation', () => {
    for (const [m, n] of [
      [300, 260],
      [260, 300],
      [129, 129],
      [193, 193],
    ]) {
      const a = gaussianMatrix(m, n, m + n);
      const { lu, pivots, permutation } = luFactor(a);
      const { L, U } = luPartial(a);
      const k = Math.min(m, n);
      const rows = Array.from({ length: m }, (_, i) => i);
      for (let p = 0; p < k; p++) {
        expect(pivots[p]).toBeGreaterThanOrEqual(p);
        [rows[p], rows[pivots[p]]] = [rows[pivots[p]], rows[p]];
      }
      expect(rows).toEqual(Array.from(permutation));
      let mismatches = 0;
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < m; i++) {
          if (i > j && j >= k) continue;
          const expected = i > j ? L.data[i + j * m] : U.data[i + j * k];
          if (lu.data[i + j * m] !== expected) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    }
  });

  it('rejects infinite entries', () => {
    expect(() => luPartial(fromRows([[Infinity, 1]]))).toThrow(RangeError);
  });
});
