import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import fixtures from './fixtures/rank-fixtures.json';
import { fromRows, transpose, type Matrix } from '../linalg/matrix';
import { frobeniusNorm } from '../linalg/norms';
import { multiply, multiplyTransposeA, multiplyVector, subtract } from '../linalg/products';
import { gaussianMatrix } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { orthogonalityError } from '../linalg/test-support';
import {
  fundamentalSubspaces,
  leastSquares,
  numericalRank,
  orthogonalComplement,
  projector,
  pseudoInverse,
} from './subspaces';

const epsilon = Number.EPSILON;

/** Seeded matrices of known rank r ≤ min(m, n), sizes up to 12. */
const knownRankCase = fc
  .record({
    m: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 12 }),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ m, n, fraction, seed }) => {
    const r = Math.floor(fraction * Math.min(m, n) + 0.5);
    return { m, n, r, seed, a: knownRank(m, n, r, seed) };
  });

const rankOf = (a: Matrix): number => numericalRank(a).rank;

describe('rank identities', () => {
  it('rank A = rank Aᵀ = rank AᵀA = r for products of thin factors', () => {
    fc.assert(
      fc.property(knownRankCase, ({ a, r }) => {
        expect(rankOf(a)).toBe(r);
        expect(rankOf(transpose(a))).toBe(r);
        expect(rankOf(multiplyTransposeA(a, a))).toBe(r);
      }),
      { numRuns: 60 },
    );
  });

  it('the gap policy finds r on exact products of thin factors (0 < r < min(m, n))', () => {
    const deficient = fc
      .record({
        m: fc.integer({ min: 2, max: 14 }),
        n: fc.integer({ min: 2, max: 14 }),
        seed: fc.nat(),
      })
      .chain(({ m, n, seed }) =>
        fc
          .integer({ min: 1, max: Math.min(m, n) - 1 })
          .map((r) => ({ a: knownRank(m, n, r, seed), r })),
      );
    fc.assert(
      fc.property(deficient, ({ a, r }) => {
        expect(numericalRank(a, { kind: 'gap' }).rank).toBe(r);
      }),
      { numRuns: 60 },
    );
  });

  it('rank–nullity: dim col + dim null = n and dim row + dim left null = m', () => {
    fc.assert(
      fc.property(knownRankCase, ({ a, m, n, r }) => {
        const spaces = fundamentalSubspaces(a);
        expect(spaces.rank).toBe(r);
        expect(spaces.column.cols + spaces.null.cols).toBe(n);
        expect(spaces.row.cols + spaces.leftNull.cols).toBe(m);
      }),
      { numRuns: 60 },
    );
  });

  it('Sylvester: rank A + rank B − n ≤ rank AB ≤ min(rank A, rank B)', () => {
    fc.assert(
      fc.property(
        knownRankCase,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (first, p, rb) => {
          const { a, n } = first;
          const b = knownRank(n, p, Math.min(rb, n, p), first.seed + 7);
          const rankA = rankOf(a);
          const rankB = rankOf(b);
          const rankProduct = rankOf(multiply(a, b));
          expect(rankProduct).toBeLessThanOrEqual(Math.min(rankA, rankB));
          expect(rankProduct).toBeGreaterThanOrEqual(rankA + rankB - n);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('fundamental subspaces', () => {
  it('gives orthonormal, mutually orthogonal bases that A maps as it should', () => {
    for (const [m, n, r] of [
      [9, 5, 3],
      [5, 9, 3],
      [7, 7, 7],
      [6, 4, 0],
      [1, 8, 1],
      [30, 20, 12],
    ]) {
      const a = knownRank(m, n, r, 100 + m * n + r);
      const scale = frobeniusNorm(a) || 1;
      const spaces = fundamentalSubspaces(a);
      const tolerance = 50 * Math.max(m, n) * epsilon;
      for (const basis of [spaces.column, spaces.row, spaces.null, spaces.leftNull]) {
        expect(orthogonalityError(basis)).toBeLessThan(tolerance);
      }
      expect(spaces.null.rows).toBe(n);
      expect(spaces.leftNull.rows).toBe(m);
      // A·null = 0 and Aᵀ·leftNull = 0.
      expect(frobeniusNorm(multiply(a, spaces.null))).toBeLessThan(tolerance * scale);
      expect(frobeniusNorm(multiplyTransposeA(a, spaces.leftNull))).toBeLessThan(tolerance * scale);
      // Row space ⟂ null space, column space ⟂ left null space.
      expect(frobeniusNorm(multiplyTransposeA(spaces.row, spaces.null))).toBeLessThan(tolerance);
      expect(frobeniusNorm(multiplyTransposeA(spaces.column, spaces.leftNull))).toBeLessThan(
        tolerance,
      );
      // A lies in its column space: P_col·A = A.
      expect(frobeniusNorm(subtract(multiply(projector(spaces.column), a), a))).toBeLessThan(
        tolerance * scale,
      );
    }
  });

  it('orthogonal complement of a random 10×3 basis completes it to ℝ¹⁰', () => {
    const basis = fundamentalSubspaces(gaussianMatrix(10, 3, 5)).column;
    const complement = orthogonalComplement(basis);
    expect(complement.cols).toBe(7);
    expect(frobeniusNorm(multiplyTransposeA(basis, complement))).toBeLessThan(1e-14);
    expect(orthogonalityError(complement)).toBeLessThan(1e-14);
  });

  it('handles empty matrices', () => {
    const spaces = fundamentalSubspaces({ rows: 0, cols: 3, data: new Float64Array(0) });
    expect(spaces.rank).toBe(0);
    expect(spaces.null.cols).toBe(3);
    expect(spaces.leftNull.cols).toBe(0);
  });
});

describe('pseudo-inverse', () => {
  it('satisfies the four Penrose conditions on rank-deficient input', () => {
    for (const [m, n, r] of [
      [8, 5, 2],
      [5, 8, 3],
      [6, 6, 5],
      [4, 4, 0],
    ]) {
      const a = knownRank(m, n, r, 7 * m + n);
      const plus = pseudoInverse(a);
      const scale = Math.max(frobeniusNorm(a), 1) * Math.max(frobeniusNorm(plus), 1);
      const tolerance = 100 * Math.max(m, n) * epsilon * scale;
      const aPlusA = multiply(plus, a);
      const aAPlus = multiply(a, plus);
      expect(frobeniusNorm(subtract(multiply(a, aPlusA), a))).toBeLessThan(
        tolerance * frobeniusNorm(a) + 1e-300,
      );
      expect(frobeniusNorm(subtract(multiply(plus, aAPlus), plus))).toBeLessThan(
        tolerance * (frobeniusNorm(plus) + 1),
      );
      expect(frobeniusNorm(subtract(aAPlus, transpose(aAPlus)))).toBeLessThan(tolerance);
      expect(frobeniusNorm(subtract(aPlusA, transpose(aPlusA)))).toBeLessThan(tolerance);
    }
  });

  it('agrees with numpy.linalg.pinv and lstsq', () => {
    const { a: rows, pinv, b, x, residual, rank } = fixtures.leastSquares;
    const a = fromRows(rows);
    const expected = fromRows(pinv);
    const plus = pseudoInverse(a);
    expect(frobeniusNorm(subtract(plus, expected)) / frobeniusNorm(expected)).toBeLessThan(1e-12);
    const solved = leastSquares(a, Float64Array.from(b));
    expect(solved.rank).toBe(rank);
    for (let j = 0; j < x.length; j++) expect(solved.solution[j]).toBeCloseTo(x[j], 12);
    expect(solved.residualNorm).toBeCloseTo(residual, 12);
    expect(solved.kind).toBe('inconsistent');
  });
});

describe('least squares and Ax = b', () => {
  it('classifies unique, infinitely many and inconsistent systems', () => {
    const square = gaussianMatrix(5, 5, 11);
    const x = Float64Array.from([1, -2, 3, 0.5, 4]);
    const unique = leastSquares(square, multiplyVector(square, x));
    expect(unique.kind).toBe('unique');
    for (let j = 0; j < 5; j++) expect(unique.solution[j]).toBeCloseTo(x[j], 10);

    const deficient = knownRank(6, 5, 3, 12);
    const consistent = leastSquares(deficient, multiplyVector(deficient, x));
    expect(consistent.kind).toBe('infinitely many');
    expect(consistent.residualNorm).toBeLessThan(1e-12 * frobeniusNorm(deficient));
    // The minimum-norm solution lies in the row space: it is orthogonal to the null space.
    const nullBasis = fundamentalSubspaces(deficient).null;
    const along = multiplyTransposeA(nullBasis, { rows: 5, cols: 1, data: consistent.solution });
    expect(frobeniusNorm(along)).toBeLessThan(1e-12);

    const tall = gaussianMatrix(7, 3, 13);
    const b = gaussianMatrix(7, 1, 14).data;
    const inconsistent = leastSquares(tall, b);
    expect(inconsistent.kind).toBe('inconsistent');
    expect(inconsistent.augmentedRank).toBe(4);
    // The residual is orthogonal to the column space (normal equations).
    const normal = multiplyTransposeA(tall, { rows: 7, cols: 1, data: inconsistent.residual });
    expect(frobeniusNorm(normal)).toBeLessThan(
      1e-12 * frobeniusNorm(tall) * (1 + inconsistent.residualNorm),
    );
  });
});
